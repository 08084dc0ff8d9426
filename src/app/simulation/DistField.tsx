import type { Distribution } from '../../simulation';

type Kind = 'none' | 'constant' | 'exponential' | 'uniform' | 'triangular' | 'normal';

const PARAMS: Record<Exclude<Kind, 'none'>, Array<[string, string]>> = {
  constant: [['value', 'value']],
  exponential: [['mean', 'mean']],
  uniform: [['min', 'min'], ['max', 'max']],
  triangular: [['min', 'min'], ['mode', 'mode'], ['max', 'max']],
  normal: [['mean', 'mean'], ['standardDeviation', 'sd']],
};

const DEFAULTS: Record<Exclude<Kind, 'none'>, Distribution> = {
  constant: { kind: 'constant', value: 5 },
  exponential: { kind: 'exponential', mean: 5 },
  uniform: { kind: 'uniform', min: 1, max: 10 },
  triangular: { kind: 'triangular', min: 1, mode: 5, max: 10 },
  normal: { kind: 'normal', mean: 5, standardDeviation: 1 },
};

/**
 * A distribution in the scenario's base time unit: its kind and parameters. A distribution the
 * form cannot edit (gamma, empirical...) is shown and kept as it is in the file.
 */
export function DistField({ label, value, kept, onChange, allowNone, testId }: { label: string; value: Distribution | null; kept?: boolean; onChange(d: Distribution | null): void; allowNone: boolean; testId: string }) {
  if (kept) return <span className="sim-dist" data-testid={testId}><span className="muted">{label}: as in the file</span></span>;
  const kind: Kind = value ? (value.kind as Kind) : 'none';
  return (
    <span className="sim-dist" data-testid={testId}>
      <select aria-label={`${label}: distribution`} value={kind} onChange={(e) => onChange(e.target.value === 'none' ? null : DEFAULTS[e.target.value as Exclude<Kind, 'none'>])}>
        {allowNone && <option value="none">none</option>}
        {Object.keys(PARAMS).map((k) => <option key={k} value={k}>{k}</option>)}
      </select>
      {value && kind !== 'none' && PARAMS[kind].map(([key, short]) => (
        <label key={key} className="sim-dist__param">
          {short}
          <input
            type="number"
            step="any"
            min={0}
            aria-label={`${label}: ${short}`}
            value={String((value as unknown as Record<string, number>)[key])}
            onChange={(e) => onChange({ ...value, [key]: Number(e.target.value) } as Distribution)}
          />
        </label>
      ))}
    </span>
  );
}

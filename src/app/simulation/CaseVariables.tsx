import type { CaseVariable, Distribution } from '../../simulation';
import { DistField } from './DistField';

const EDITABLE = new Set(['constant', 'exponential', 'uniform', 'triangular', 'normal']);

/**
 * The case variables of one start event (BPSim `Property`): each instance draws its own value, so
 * conditions and decisions see realistic data. A text constant, or a number from a distribution;
 * a variable the form cannot edit (empirical, Poisson, ...) is shown and kept as the file has it.
 */
export function CaseVariables({ startId, startName, value, onChange }: { startId: string; startName: string; value: CaseVariable[]; onChange(v: CaseVariable[]): void }) {
  const put = (i: number, v: CaseVariable) => onChange(value.map((x, j) => (j === i ? v : x)));
  return (
    <div className="sim-vars" data-testid={`sim-vars-${startId}`}>
      {value.length === 0 && <span className="muted">No case variables: instances start with none.</span>}
      {value.map((v, i) => {
        const text = v.dist.kind === 'constant' && typeof v.dist.value === 'string';
        const editable = EDITABLE.has(v.dist.kind) && !(v.dist.kind === 'constant' && typeof v.dist.value === 'boolean');
        return (
          <div key={i} className="sim-vars__row">
            <input aria-label={`Case variable ${i + 1} of ${startName}: name`} value={v.name} placeholder="name" onChange={(e) => put(i, { ...v, name: e.target.value })} data-testid={`sim-var-name-${startId}-${i}`} />
            {editable && (
              <select aria-label={`Case variable ${i + 1} of ${startName}: type`} value={text ? 'text' : 'number'} data-testid={`sim-var-type-${startId}-${i}`}
                onChange={(e) => put(i, { ...v, dist: e.target.value === 'text' ? { kind: 'constant', value: '' } : { kind: 'constant', value: 0 } })}>
                <option value="text">text</option>
                <option value="number">number</option>
              </select>
            )}
            {!editable && <span className="muted">{v.dist.kind}: as in the file</span>}
            {editable && text && (
              <input aria-label={`Case variable ${i + 1} of ${startName}: text`} value={String((v.dist as { value: string }).value)} data-testid={`sim-var-text-${startId}-${i}`}
                onChange={(e) => put(i, { ...v, dist: { kind: 'constant', value: e.target.value } })} />
            )}
            {editable && !text && (
              <DistField label={`Case variable ${v.name || i + 1}`} testId={`sim-var-dist-${startId}-${i}`} allowNone={false} value={v.dist} onChange={(d) => put(i, { ...v, dist: d as Distribution })} />
            )}
            <button type="button" className="button button--small" aria-label={`Remove case variable ${v.name || i + 1}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>Remove</button>
          </div>
        );
      })}
      <button type="button" className="button button--small" onClick={() => onChange([...value, { name: '', dist: { kind: 'constant', value: '' } }])} data-testid={`sim-var-add-${startId}`}>Add a case variable</button>
    </div>
  );
}

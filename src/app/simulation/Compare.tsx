import type { Figure } from '../../simulation';
import type { ModelOutline } from './draft';
import { duration, percent, round } from './format';
import type { SimulationOutcome } from './protocol';

type Report = Extract<SimulationOutcome, { ok: true }>['report'];

interface Row { label: string; a: number; b: number; show(x: number): string; /** Lower is better (times, costs); utilization is neither. */ lowerBetter: boolean | null }

/**
 * Two scenarios' results side by side. A difference is highlighted when the 95% intervals do not
 * overlap (green when better, red when worse), so noise is not read as an effect.
 */
export function Compare({ a, b, nameA, nameB, outline }: { a: Report; b: Report; nameA: string; nameB: string; outline: ModelOutline }) {
  const fig = (label: string, fa: Figure, fb: Figure, show: (x: number) => string, lowerBetter: boolean | null) => ({ row: { label, a: fa.mean, b: fb.mean, show, lowerBetter }, separate: fa.ci95[1] < fb.ci95[0] || fb.ci95[1] < fa.ci95[0] });
  const rows = [
    fig('Cycle time', a.result.process.cycleTime, b.result.process.cycleTime, duration, true),
    fig('Waiting time', a.result.process.waitingTime, b.result.process.waitingTime, duration, true),
    fig('Processing time', a.result.process.processingTime, b.result.process.processingTime, duration, true),
    fig('Cost per instance', a.result.process.cost, b.result.process.cost, round, true),
    ...Object.keys({ ...a.result.resources, ...b.result.resources }).filter((id) => a.result.resources[id] && b.result.resources[id]).map((id) => fig(`Utilization of ${outline.names[id] ?? id}`, a.result.resources[id].utilization, b.result.resources[id].utilization, percent, null)),
  ];
  const completed: Row = { label: 'Instances completed', a: a.result.instances.completed, b: b.result.instances.completed, show: round, lowerBetter: false };
  return (
    <table className="sim-table sim-compare" data-testid="sim-compare">
      <thead><tr><th /><th>{nameA}</th><th>{nameB}</th><th>difference</th></tr></thead>
      <tbody>
        {[...rows, { row: completed, separate: completed.a !== completed.b }].map(({ row, separate }) => {
          const diff = row.b - row.a;
          const rel = row.a !== 0 ? ` (${diff >= 0 ? '+' : ''}${round((diff / Math.abs(row.a)) * 100)}%)` : '';
          const better = row.lowerBetter === null ? null : row.lowerBetter ? diff < 0 : diff > 0;
          const tone = !separate || diff === 0 ? '' : better === null ? 'sim-diff--changed' : better ? 'sim-diff--better' : 'sim-diff--worse';
          return (
            <tr key={row.label}>
              <th>{row.label}</th><td>{row.show(row.a)}</td><td>{row.show(row.b)}</td>
              <td className={tone} data-testid={tone ? 'sim-diff-significant' : undefined}>{diff >= 0 ? '+' : '−'}{row.show(Math.abs(diff))}{rel}{separate ? '' : ' (within noise)'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

import type { SimulationOutcome } from './protocol';
import type { ModelOutline } from './draft';
import { duration, figureCells, percent, round } from './format';

type Report = Extract<SimulationOutcome, { ok: true }>['report'];

const HEAD = ['mean', 'median', 'p90', 'min', 'max', '95% CI'];

/** The statistics table: process figures, per role, per element. */
export function StatsTable({ report, outline }: { report: Report; outline: ModelOutline }) {
  const r = report.result;
  const money = (x: number) => round(x);
  const rows: Array<[string, string[]]> = [
    ['Cycle time', figureCells(r.process.cycleTime, duration)],
    ['Processing time', figureCells(r.process.processingTime, duration)],
    ['Waiting time (for resources)', figureCells(r.process.waitingTime, duration)],
    ['Idle time (outside calendars)', figureCells(report.idleTime, duration)],
    ['Cost per instance', figureCells(r.process.cost, money)],
    ...Object.entries(r.resources).map(([id, x]): [string, string[]] => [`Utilization of ${outline.names[id] ?? id}`, figureCells(x.utilization, percent)]),
  ];
  return (
    <div className="sim-tables">
      <table className="sim-table" data-testid="sim-stats">
        <thead><tr><th />{HEAD.map((h) => <th key={h}>{h}</th>)}</tr></thead>
        <tbody>{rows.map(([label, cells]) => <tr key={label}><th>{label}</th>{cells.map((c, i) => <td key={i}>{c}</td>)}</tr>)}</tbody>
      </table>
      <table className="sim-table" data-testid="sim-elements">
        <thead><tr><th>Element</th><th>count / replication</th><th>duration (mean)</th><th>waiting (mean)</th><th>cost (mean)</th></tr></thead>
        <tbody>
          {Object.entries(r.elements).map(([id, e]) => (
            <tr key={id}><th>{outline.names[id] ?? id}</th><td>{round(e.count)}</td><td>{duration(e.duration.mean)}</td><td>{duration(e.waitingTime.mean)}</td><td>{money(e.cost.mean)}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

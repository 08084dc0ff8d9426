import { useMemo } from 'react';
import { BarChart, type BarSeries } from '../run/BarChart';
import type { ModelOutline } from './draft';
import { duration } from './format';
import type { SimulationOutcome } from './protocol';

type Report = Extract<SimulationOutcome, { ok: true }>['report'];

const COLORS = ['#2563eb', '#d97706', '#059669', '#dc2626', '#7c3aed', '#0891b2'];

/** Cycle-time histogram, and utilization and queue length over simulated time per role. */
export function Charts({ report, outline }: { report: Report; outline: ModelOutline }) {
  const h = report.cycleTimeHistogram;
  const hist = useMemo(() => ({
    labels: h.counts.map((_, i) => `${duration(h.edges[i])}–${duration(h.edges[i + 1])}`),
    series: [{ label: 'instances', values: h.counts, color: '#2563eb' }] as BarSeries[],
  }), [h]);
  const tl = report.timeline;
  const roles = Object.keys(report.result.resources);
  const time = useMemo(() => {
    const t0 = tl[0]?.t ?? 0;
    const labels = tl.map((s) => `+${duration((s.t - t0) / 1000)}`);
    const series = (k: 'utilization' | 'queue') => roles.map((r, i): BarSeries => ({ label: outline.names[r] ?? r, color: COLORS[i % COLORS.length], values: tl.map((s) => (k === 'utilization' ? Math.round((s.roles[r]?.utilization ?? 0) * 100) : s.roles[r]?.queue ?? 0)) }));
    return { labels, utilization: series('utilization'), queue: series('queue') };
  }, [tl, roles.join(','), outline]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div className="sim-charts">
      {h.counts.length > 0 ? <BarChart title="Cycle time (instances per bin)" labels={hist.labels} series={hist.series} testId="sim-chart-cycle" /> : <p className="muted">No instance completed, so there is no cycle-time histogram.</p>}
      {roles.length > 0 && tl.length > 0 ? (
        <>
          <BarChart title="Utilization over time (% of units busy)" labels={time.labels} series={time.utilization} testId="sim-chart-utilization" />
          <BarChart title="Queue length over time (tasks waiting)" labels={time.labels} series={time.queue} testId="sim-chart-queue" />
        </>
      ) : <p className="muted">No roles in this scenario: nothing waits, so there is no utilization or queue to draw.</p>}
    </div>
  );
}

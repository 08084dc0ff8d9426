import { useEffect, useMemo, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { Timeline } from '../../api';
import { bucketLabels } from './dashboard-figures';

// Bar + line in one chart: only the controllers it uses are registered (tree-shaking, ADR 0091).
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

const COLORS = { started: '#2563eb', completed: '#16a34a', canceled: '#6b7280', running: '#d97706' } as const;

/**
 * Instances over time: per interval, how many started, completed (the throughput) and were
 * canceled (bars), and how many were running at its end (a line). Also as a hidden table.
 */
export function TimelineChart({ timeline, testId }: { timeline: Timeline; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const labels = useMemo(() => bucketLabels(timeline), [timeline]);
  const rows = timeline.buckets;
  useEffect(() => {
    const bar = (key: 'started' | 'completed' | 'canceled') => ({ type: 'bar' as const, label: key, data: rows.map((b) => b[key]), backgroundColor: COLORS[key], order: 2 });
    const chart = new Chart(canvas.current!, {
      type: 'bar',
      data: {
        labels,
        datasets: [
          bar('started'), bar('completed'), bar('canceled'),
          { type: 'line' as const, label: 'running at the end', data: rows.map((b) => b.running), borderColor: COLORS.running, backgroundColor: COLORS.running, pointRadius: 2, order: 1 },
        ],
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [labels, rows]);
  const title = `Instances over time (${labels.length} intervals)`;
  return (
    <figure className="run-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div className="run-chart__canvas"><canvas ref={canvas} role="img" aria-label={title} /></div>
      <table className="visually-hidden" data-testid={`${testId}-table`}>
        <thead><tr><th>interval</th><th>started</th><th>completed</th><th>canceled</th><th>running</th><th>mean duration ms</th></tr></thead>
        <tbody>{rows.map((b, i) => (
          <tr key={b.start}><th>{labels[i]}</th><td>{b.started}</td><td>{b.completed}</td><td>{b.canceled}</td><td>{b.running}</td><td>{b.meanDurationMs === null ? '' : Math.round(b.meanDurationMs)}</td></tr>
        ))}</tbody>
      </table>
    </figure>
  );
}

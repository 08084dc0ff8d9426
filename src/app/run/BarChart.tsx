import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

// Only what bar charts need is registered: chart.js is tree-shaken this way (ADR 0091).
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface BarSeries {
  label: string;
  values: number[];
  color: string;
}

/**
 * A bar chart (chart.js on a canvas), stacked or side by side. The figures are also given as a
 * visually hidden table, for screen readers and tests.
 */
export function BarChart({ title, labels, series, stacked = false, testId }: { title: string; labels: string[]; series: BarSeries[]; stacked?: boolean; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const chart = new Chart(canvas.current!, {
      type: 'bar',
      data: { labels, datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color })) },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: series.length > 1 } },
        scales: { x: { stacked }, y: { stacked, beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [labels, series, stacked]);
  return (
    <figure className="run-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div className="run-chart__canvas"><canvas ref={canvas} role="img" aria-label={title} /></div>
      <table className="visually-hidden" data-testid={`${testId}-table`}>
        <thead><tr><th />{series.map((s) => <th key={s.label}>{s.label}</th>)}</tr></thead>
        <tbody>{labels.map((l, i) => <tr key={l}><th>{l}</th>{series.map((s) => <td key={s.label}>{s.values[i]}</td>)}</tr>)}</tbody>
      </table>
    </figure>
  );
}

import { heatColour, type Heatmap } from '../../replay';
import { formatDuration } from './playback';
import type { HeatBadge } from './ReplayDiagram';

export type HeatMetric = 'frequency' | 'meanMs' | 'p95Ms' | 'waitingMs';
export const METRICS: Array<{ id: HeatMetric; label: string }> = [
  { id: 'frequency', label: 'Frequency' },
  { id: 'meanMs', label: 'Mean duration' },
  { id: 'p95Ms', label: 'p95 duration' },
  { id: 'waitingMs', label: 'Waiting time' },
];

/**
 * Heatmap badges for the diagram (activities by their matched element, flows by id) and the
 * scale of the legend.
 */
export function heatBadges(h: Heatmap, metric: HeatMetric, elementOfActivity: (activity: string) => string | null): { badges: HeatBadge[]; min: number; max: number } {
  const values: Array<{ elementId: string; value: number }> = [];
  for (const [activity, f] of Object.entries(h.nodes)) {
    const id = elementOfActivity(activity);
    const v = f[metric];
    if (id && v !== null) values.push({ elementId: id, value: v });
  }
  for (const [flowId, f] of Object.entries(h.flows)) {
    const v = f[metric];
    if (v !== null && !flowId.includes(' → ')) values.push({ elementId: flowId, value: v });
  }
  const min = Math.min(...values.map((v) => v.value));
  const max = Math.max(...values.map((v) => v.value));
  const label = (v: number) => (metric === 'frequency' ? String(v) : formatDuration(v));
  return {
    badges: values.map(({ elementId, value }) => ({ elementId, label: label(value), colour: heatColour(value, min, max), title: `${METRICS.find((m) => m.id === metric)?.label}: ${label(value)}` })),
    min: values.length ? min : 0,
    max: values.length ? max : 0,
  };
}

/** The legend's text for a value. */
export function legendLabel(metric: HeatMetric, v: number): string {
  return metric === 'frequency' ? String(v) : formatDuration(v);
}

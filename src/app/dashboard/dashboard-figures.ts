import type { ElementStats, InstanceCounts, InstanceSummary, Timeline } from '../../api';

/** One bucket of a histogram: `[from, to)` milliseconds and how many fell in it. */
export interface Bucket {
  fromMs: number;
  toMs: number;
  count: number;
}

/**
 * Instance durations (ended minus started, ended instances only) in `buckets` equal-width
 * buckets from the shortest to the longest; the longest falls in the last bucket.
 *
 * @example
 * durationHistogram([{ startedAt: 0, endedAt: 10 }, { startedAt: 0, endedAt: 30 }], 2)
 * // [{ fromMs: 10, toMs: 20, count: 1 }, { fromMs: 20, toMs: 30, count: 1 }]
 */
export function durationHistogram(instances: ReadonlyArray<Pick<InstanceSummary, 'startedAt' | 'endedAt'>>, buckets = 10): Bucket[] {
  const durations = instances.filter((i) => i.endedAt !== null).map((i) => i.endedAt! - i.startedAt);
  if (durations.length === 0) return [];
  const min = Math.min(...durations);
  const max = Math.max(...durations);
  const width = Math.max(1, Math.ceil((max - min) / buckets) || 1);
  const count = Math.max(1, Math.min(buckets, Math.ceil((max - min + 1) / width)));
  const out: Bucket[] = Array.from({ length: count }, (_, i) => ({ fromMs: min + i * width, toMs: min + (i + 1) * width, count: 0 }));
  for (const d of durations) out[Math.min(count - 1, Math.floor((d - min) / width))].count++;
  return out;
}

/** The rows of the "instances by state" chart: one per version of the process, oldest first. */
export function stateRows(counts: readonly InstanceCounts[], processId: string): InstanceCounts[] {
  return counts.filter((c) => c.processId === processId).sort((a, b) => a.version - b.version);
}

/**
 * The diagram heatmap: each element's level 1..5 by how many tokens passed it (completed +
 * active), relative to the busiest element; elements nothing passed get no level.
 */
export function heatLevels(stats: readonly ElementStats[]): Array<{ elementId: string; level: number; count: number }> {
  const counts = stats.map((s) => ({ elementId: s.elementId, count: s.completed + s.active }));
  const max = Math.max(0, ...counts.map((c) => c.count));
  if (max === 0) return [];
  return counts.filter((c) => c.count > 0).map((c) => ({ ...c, level: Math.max(1, Math.ceil((c.count / max) * 5)) }));
}

/** "850 ms", "12.5 s", "3.2 min", "1.5 h" for a chart label. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

/**
 * Axis labels of a timeline's intervals, in local time: clock time when it spans under a day,
 * date and time otherwise (seconds only when the intervals are shorter than a minute).
 */
export function bucketLabels(timeline: Pick<Timeline, 'from' | 'to' | 'bucketMs' | 'buckets'>): string[] {
  const withDate = timeline.to - timeline.from >= 86_400_000;
  const withSeconds = timeline.bucketMs < 60_000;
  const pad = (n: number) => String(n).padStart(2, '0');
  return timeline.buckets.map((b) => {
    const d = new Date(b.start);
    const clock = `${pad(d.getHours())}:${pad(d.getMinutes())}${withSeconds ? `:${pad(d.getSeconds())}` : ''}`;
    return withDate ? `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${clock}` : clock;
  });
}

import { ok, route } from '../route';
import { statsTimeline } from '../schemas';
import type { InstanceRowView } from '../instance-source';
import { sourceOf } from './instances';

/** One interval `[start, end)` of a process's timeline. */
export interface TimelineBucket {
  start: number;
  end: number;
  /** Instances started in the interval. */
  started: number;
  /** Instances that completed in the interval (the throughput). */
  completed: number;
  canceled: number;
  /** Instances running at the interval's end (started before it, not ended by then). */
  running: number;
  /** Mean duration (ms) of the instances that completed in the interval; null when none did. */
  meanDurationMs: number | null;
}

/** `stats.timeline`'s answer: equal intervals from `from` to `to`, oldest first. */
export interface Timeline {
  from: number;
  to: number;
  bucketMs: number;
  buckets: TimelineBucket[];
}

/**
 * Instances by state over time: `buckets` equal intervals from `from` (default: the first start)
 * to `to` (default: just after the last start or end). Pure, so the server and the worker agree.
 *
 * @example
 * timelineOf([{ startedAt: 0, endedAt: 10, status: 'completed' }], { buckets: 2 })
 * // { from: 0, to: 11, bucketMs: 6, buckets: [{ start: 0, end: 6, started: 1, completed: 0, running: 1, ... }, ...] }
 */
export function timelineOf(rows: ReadonlyArray<Pick<InstanceRowView, 'startedAt' | 'endedAt' | 'status'>>, options: { buckets?: number; from?: number; to?: number } = {}): Timeline {
  const count = options.buckets ?? 24;
  let first = Infinity;
  let last = -Infinity;
  for (const r of rows) {
    first = Math.min(first, r.startedAt);
    last = Math.max(last, r.startedAt, r.endedAt ?? r.startedAt);
  }
  if (rows.length === 0 && (options.from === undefined || options.to === undefined)) return { from: options.from ?? 0, to: options.to ?? 0, bucketMs: 0, buckets: [] };
  const from = options.from ?? first;
  const to = options.to ?? last + 1;
  if (to <= from) return { from, to, bucketMs: 0, buckets: [] };
  const bucketMs = Math.max(1, Math.ceil((to - from) / count));
  const buckets: TimelineBucket[] = [];
  for (let start = from; start < to; start += bucketMs) {
    buckets.push({ start, end: Math.min(to, start + bucketMs), started: 0, completed: 0, canceled: 0, running: 0, meanDurationMs: null });
  }
  const durationSums = new Array<number>(buckets.length).fill(0);
  const at = (t: number) => Math.floor((t - from) / bucketMs);
  for (const r of rows) {
    const s = at(r.startedAt);
    if (s >= 0 && s < buckets.length) buckets[s].started++;
    const ended = r.status === 'completed' || r.status === 'canceled' ? r.endedAt : null;
    if (ended !== null) {
      const e = at(ended);
      if (e >= 0 && e < buckets.length) {
        if (r.status === 'completed') {
          buckets[e].completed++;
          durationSums[e] += ended - r.startedAt;
        } else buckets[e].canceled++;
      }
    }
    // Running at a bucket's end: started before the end, not ended by then.
    const firstEnd = Math.max(0, s);
    const lastEnd = ended === null ? buckets.length - 1 : Math.min(buckets.length - 1, at(ended) - 1);
    for (let i = firstEnd; i <= lastEnd; i++) if (r.startedAt < buckets[i].end && (ended === null || ended >= buckets[i].end)) buckets[i].running++;
  }
  buckets.forEach((b, i) => { b.meanDurationMs = b.completed > 0 ? durationSums[i] / b.completed : null; });
  return { from, to, bucketMs, buckets };
}

export const statsTimelineRoutes = {
  'stats.timeline': route(statsTimeline, async (ports, { processId, version, buckets, from, to }) =>
    ok(timelineOf(await sourceOf(ports).rows({ processId, version }), { buckets, from, to }))),
};

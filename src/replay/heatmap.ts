import { EDGE, NODE, type ReplayIndex } from './replay-index';

/** Figures of one activity or one edge. Durations in ms; null when nothing was measured. */
export interface PlaceFigures {
  /** Stays (activities) or passages (edges). */
  frequency: number;
  meanMs: number | null;
  p95Ms: number | null;
  /** Activities: mean time from the previous activity's end to this one's start. */
  waitingMs: number | null;
}

export interface Heatmap {
  /** By activity name (match them to elements with `matchActivities`). */
  nodes: Record<string, PlaceFigures>;
  /** By sequence flow id, or `from → to` (activity names) for an inferred step. */
  flows: Record<string, PlaceFigures>;
}

/**
 * Frequency, mean and 95th-percentile duration and waiting time per activity and per edge, over
 * the whole log or over the segments that start in the window `[from, to]` (the part played).
 * Stays still open at the end of the log count in the frequency, not in the durations.
 *
 * @example
 * heatmap(index).nodes['Approve']; // { frequency: 120, meanMs: 90000, p95Ms: 300000, waitingMs: 4000 }
 */
export function heatmap(ix: ReplayIndex, window?: { from: number; to: number }): Heatmap {
  const from = window?.from ?? -Infinity;
  const to = window?.to ?? Infinity;
  const nodeDur: number[][] = ix.log.activities.map(() => []);
  const nodeCount = new Int32Array(ix.log.activities.length);
  const waits: number[][] = ix.log.activities.map(() => []);
  const edgeDur: number[][] = ix.edges.map(() => []);
  for (let s = 0; s < ix.segCount; s++) {
    const t = ix.segFrom[s];
    if (t < from) continue;
    if (t > to) break;
    const d = ix.segTo[s] - t;
    const p = ix.segPlace[s];
    if (ix.segKind[s] === NODE) {
      nodeCount[p]++;
      if (!ix.segOpen[s]) nodeDur[p].push(d);
    } else if (ix.segKind[s] === EDGE) {
      edgeDur[p].push(d);
      const target = ix.edges[p].to;
      if (target >= 0) waits[target].push(d);
    }
  }
  const nodes: Record<string, PlaceFigures> = {};
  ix.log.activities.forEach((a, i) => {
    if (nodeCount[i] === 0) return;
    nodes[a] = { frequency: nodeCount[i], meanMs: mean(nodeDur[i]), p95Ms: p95(nodeDur[i]), waitingMs: mean(waits[i]) };
  });
  const flows: Record<string, PlaceFigures> = {};
  ix.edges.forEach((e, i) => {
    if (edgeDur[i].length === 0) return;
    const key = e.flowId ?? `${ix.log.activities[e.from]} → ${ix.log.activities[e.to]}`;
    flows[key] = { frequency: edgeDur[i].length, meanMs: mean(edgeDur[i]), p95Ms: p95(edgeDur[i]), waitingMs: null };
  });
  return { nodes, flows };
}

function mean(xs: number[]): number | null {
  if (xs.length === 0) return null;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Nearest-rank 95th percentile. */
export function p95(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)];
}

/** A colour scale for a heatmap legend: `value` in [min, max] → a CSS colour from pale yellow to deep red. */
export function heatColour(value: number, min: number, max: number): string {
  const x = max > min ? Math.min(1, Math.max(0, (value - min) / (max - min))) : 1;
  const hue = 55 - 55 * x;
  const light = 85 - 45 * x;
  return `hsl(${hue.toFixed(0)}, 90%, ${light.toFixed(0)}%)`;
}

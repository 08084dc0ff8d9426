/** Counts of values in equal-width bins: `counts[i]` is the number of values in `[edges[i], edges[i+1])` (the last bin includes its upper edge). */
export interface Histogram {
  edges: number[];
  counts: number[];
}

/**
 * Bins values for a histogram: about the square root of their number of bins, between 1 and
 * `maxBins`. No values give no bins; equal values give one bin.
 *
 * @example
 * histogram([1, 2, 2, 3], 2); // { edges: [1, 2, 3], counts: [1, 3] }
 */
export function histogram(values: readonly number[], maxBins = 30): Histogram {
  if (values.length === 0) return { edges: [], counts: [] };
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (max === min) return { edges: [min, max], counts: [values.length] };
  const bins = Math.max(1, Math.min(maxBins, Math.ceil(Math.sqrt(values.length))));
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - min) / width))]++;
  return { edges: Array.from({ length: bins + 1 }, (_, i) => min + i * width), counts };
}

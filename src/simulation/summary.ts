import { Rng } from './random';

/** `{mean, median, p90, min, max, ci95}`: how every figure but a count is reported. */
export interface Figure {
  mean: number;
  median: number;
  p90: number;
  min: number;
  max: number;
  ci95: [number, number];
}

/** Values kept for the quantiles: exact up to this many, a uniform sample of them beyond. */
export const RESERVOIR_SIZE = 20_000;

/**
 * A running summary of one figure: exact count, sum, min and max; median and p90 from a seeded
 * reservoir sample (exact while there are at most {@link RESERVOIR_SIZE} values), so a run of a
 * million instances keeps no per-instance list. The 95% interval comes from batch means (20
 * batches in arrival order), which respects the correlation of successive instances in a queue.
 */
export class Summary {
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  private readonly sample: number[] = [];
  private readonly values: number[] = [];
  private readonly rng: Rng;

  constructor(seed = 1) {
    this.rng = new Rng(seed);
  }

  add(x: number): void {
    this.count++;
    this.sum += x;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    if (this.sample.length < RESERVOIR_SIZE) this.sample.push(x);
    else {
      const j = Math.floor(this.rng.next() * this.count);
      if (j < RESERVOIR_SIZE) this.sample[j] = x;
    }
    if (this.values.length < RESERVOIR_SIZE * 5) this.values.push(x);
  }

  get mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  /** The kept values (all of them up to {@link RESERVOIR_SIZE}). */
  samples(): readonly number[] {
    return this.sample;
  }

  /** Means of 20 consecutive batches of the first values (at most 100,000 of them). */
  batchMeans(batches = 20): number[] {
    const n = this.values.length;
    if (n < batches * 2) return [];
    const size = Math.floor(n / batches);
    const out: number[] = [];
    for (let b = 0; b < batches; b++) {
      let s = 0;
      for (let i = b * size; i < (b + 1) * size; i++) s += this.values[i];
      out.push(s / size);
    }
    return out;
  }
}

export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom; 1.96 beyond. */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** The 95% confidence interval of the mean of `means` (independent replications or batches), by Student's t. */
export function confidence(means: number[]): [number, number] {
  const n = means.length;
  if (n === 0) return [0, 0];
  const m = means.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return [m, m];
  const v = means.reduce((a, b) => a + (b - m) * (b - m), 0) / (n - 1);
  const t = T975[n - 2] ?? 1.96;
  const h = t * Math.sqrt(v / n);
  return [m - h, m + h];
}

/**
 * One figure over several replications: pooled mean, min, max, quantiles of the pooled samples;
 * the interval across the replications' means when there are several, else from batch means.
 */
export function figure(parts: Summary[]): Figure {
  const count = parts.reduce((a, p) => a + p.count, 0);
  if (count === 0) return { mean: 0, median: 0, p90: 0, min: 0, max: 0, ci95: [0, 0] };
  const pooled = pooledSorted(parts);
  const mean = parts.reduce((a, p) => a + p.sum, 0) / count;
  const used = parts.filter((p) => p.count > 0);
  const ci = used.length > 1 ? confidence(used.map((p) => p.mean)) : widen(confidence(used[0].batchMeans()), mean);
  return {
    mean,
    median: quantile(pooled, 0.5),
    p90: quantile(pooled, 0.9),
    min: Math.min(...used.map((p) => p.min)),
    max: Math.max(...used.map((p) => p.max)),
    ci95: ci,
  };
}

/** A figure from one value per replication (utilization, a role's cost). */
export function figureOf(values: number[]): Figure {
  const parts = values.map((v) => {
    const s = new Summary();
    s.add(v);
    return s;
  });
  return figure(parts);
}

function pooledSorted(parts: Summary[]): Float64Array {
  let n = 0;
  for (const p of parts) n += p.samples().length;
  const out = new Float64Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p.samples(), at);
    at += p.samples().length;
  }
  // A typed array sorts numerically by default, natively: several times faster than
  // `Array.prototype.sort` with a comparator on 20,000 values per figure.
  return out.sort();
}

/** Without enough values for batches the interval is the mean itself (n = 1 or too few instances). */
function widen(ci: [number, number], mean: number): [number, number] {
  return ci[0] === 0 && ci[1] === 0 ? [mean, mean] : ci;
}

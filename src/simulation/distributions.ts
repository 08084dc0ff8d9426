import type { Rng } from './random';

/**
 * The BPSim distributions (BPSim 2.0 §7.2), with BPSim's parameter names. Times are in the
 * scenario's base time unit; the reader converts them to milliseconds with `scale`.
 */
export type Distribution =
  | { kind: 'constant'; value: number | string | boolean }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  | { kind: 'normal'; mean: number; standardDeviation: number }
  | { kind: 'truncatedNormal'; mean: number; standardDeviation: number; min: number; max: number }
  /** `mean` and `standardDeviation` of the log-normal variable itself, not of its logarithm. */
  | { kind: 'logNormal'; mean: number; standardDeviation: number }
  | { kind: 'exponential'; mean: number }
  | { kind: 'gamma'; shape: number; scale: number }
  | { kind: 'erlang'; k: number; mean: number }
  | { kind: 'weibull'; shape: number; scale: number }
  /** BPSim names beta's two shape parameters `shape` (alpha) and `scale` (beta); the result lies in [0, 1]. */
  | { kind: 'beta'; shape: number; scale: number }
  | { kind: 'poisson'; mean: number }
  | { kind: 'binomial'; trials: number; probability: number }
  /** BPSim `UserDistribution` with `discrete="true"`: one of the values, with its probability. */
  | { kind: 'empirical'; points: Array<{ value: number | string | boolean; probability: number }> };

/** Thrown for a distribution whose parameters cannot produce numbers (`sd < 0`, probabilities not summing to 1). */
export class DistributionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DistributionError';
  }
}

/** Checks `d`'s parameters; returns the problem in words, or null. */
export function distributionProblem(d: Distribution): string | null {
  const bad = (cond: boolean, msg: string): string | null => (cond ? msg : null);
  switch (d.kind) {
    case 'constant': return null;
    case 'uniform': return bad(!(d.min <= d.max), `uniform needs min <= max (min ${d.min}, max ${d.max})`);
    case 'triangular': return bad(!(d.min <= d.mode && d.mode <= d.max && d.min < d.max), `triangular needs min <= mode <= max and min < max (${d.min}, ${d.mode}, ${d.max})`);
    case 'normal': return bad(!(d.standardDeviation >= 0), `normal needs standardDeviation >= 0 (${d.standardDeviation})`);
    case 'truncatedNormal': return bad(!(d.standardDeviation >= 0 && d.min < d.max), `truncated normal needs standardDeviation >= 0 and min < max`);
    case 'logNormal': return bad(!(d.mean > 0 && d.standardDeviation >= 0), `log-normal needs mean > 0 and standardDeviation >= 0`);
    case 'exponential': return bad(!(d.mean > 0), `exponential needs mean > 0 (${d.mean})`);
    case 'gamma': case 'weibull': case 'beta': return bad(!(d.shape > 0 && d.scale > 0), `${d.kind} needs shape > 0 and scale > 0`);
    case 'erlang': return bad(!(Number.isInteger(d.k) && d.k >= 1 && d.mean > 0), `Erlang needs an integer k >= 1 and mean > 0`);
    case 'poisson': return bad(!(d.mean >= 0), `Poisson needs mean >= 0`);
    case 'binomial': return bad(!(Number.isInteger(d.trials) && d.trials >= 0 && d.probability >= 0 && d.probability <= 1), `binomial needs integer trials >= 0 and 0 <= probability <= 1`);
    case 'empirical': {
      if (d.points.length === 0) return 'an empirical distribution needs at least one point';
      const sum = d.points.reduce((s, p) => s + p.probability, 0);
      return bad(Math.abs(sum - 1) > 1e-6 || d.points.some((p) => p.probability < 0), `the probabilities of an empirical distribution must be >= 0 and sum to 1 (they sum to ${sum})`);
    }
  }
}

/** The distribution's mean (used by specs and for reporting). */
export function distributionMean(d: Distribution): number {
  switch (d.kind) {
    case 'constant': return typeof d.value === 'number' ? d.value : NaN;
    case 'uniform': return (d.min + d.max) / 2;
    case 'triangular': return (d.min + d.mode + d.max) / 3;
    case 'normal': case 'logNormal': case 'exponential': case 'erlang': case 'poisson': return d.mean;
    case 'truncatedNormal': return NaN;
    case 'gamma': return d.shape * d.scale;
    case 'weibull': return d.scale * gammaFn(1 + 1 / d.shape);
    case 'beta': return d.shape / (d.shape + d.scale);
    case 'binomial': return d.trials * d.probability;
    case 'empirical': return d.points.reduce((s, p) => s + (typeof p.value === 'number' ? p.value : NaN) * p.probability, 0);
  }
}

/** Draws one value of `d` from `rng`. */
export function sample(d: Distribution, rng: Rng): number | string | boolean {
  switch (d.kind) {
    case 'constant': return d.value;
    case 'empirical': {
      const u = rng.next();
      let acc = 0;
      for (const p of d.points) {
        acc += p.probability;
        if (u < acc) return p.value;
      }
      return d.points[d.points.length - 1].value;
    }
    default: return sampleNumber(d, rng);
  }
}

/** Draws a number of `d` (a non-numeric constant or empirical value is an error). */
export function sampleNumber(d: Distribution, rng: Rng): number {
  switch (d.kind) {
    case 'constant':
    case 'empirical': {
      const v = d.kind === 'constant' ? d.value : sample(d, rng);
      if (typeof v !== 'number') throw new DistributionError(`the value ${JSON.stringify(v)} is not a number`);
      return v;
    }
    case 'uniform': return d.min + (d.max - d.min) * rng.next();
    case 'triangular': {
      const u = rng.next();
      const f = (d.mode - d.min) / (d.max - d.min);
      return u < f ? d.min + Math.sqrt(u * (d.max - d.min) * (d.mode - d.min)) : d.max - Math.sqrt((1 - u) * (d.max - d.min) * (d.max - d.mode));
    }
    case 'normal': return d.mean + d.standardDeviation * standardNormal(rng);
    case 'truncatedNormal': {
      // Rejection is exact; after 1000 misses the window is so far in the tail that the nearer bound is the honest answer.
      for (let i = 0; i < 1000; i++) {
        const x = d.mean + d.standardDeviation * standardNormal(rng);
        if (x >= d.min && x <= d.max) return x;
      }
      return Math.abs(d.min - d.mean) < Math.abs(d.max - d.mean) ? d.min : d.max;
    }
    case 'logNormal': {
      const s2 = Math.log(1 + (d.standardDeviation * d.standardDeviation) / (d.mean * d.mean));
      return Math.exp(Math.log(d.mean) - s2 / 2 + Math.sqrt(s2) * standardNormal(rng));
    }
    case 'exponential': return -d.mean * Math.log(rng.open());
    case 'gamma': return gamma(d.shape, rng) * d.scale;
    case 'erlang': {
      let product = 1;
      for (let i = 0; i < d.k; i++) product *= rng.open();
      return (-d.mean / d.k) * Math.log(product);
    }
    case 'weibull': return d.scale * Math.pow(-Math.log(rng.open()), 1 / d.shape);
    case 'beta': {
      const x = gamma(d.shape, rng);
      return x / (x + gamma(d.scale, rng));
    }
    case 'poisson': return poisson(d.mean, rng);
    case 'binomial': {
      let n = 0;
      for (let i = 0; i < d.trials; i++) if (rng.next() < d.probability) n++;
      return n;
    }
  }
}

/** Box–Muller without a cached second value, so every draw consumes exactly two numbers. */
function standardNormal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(rng.open())) * Math.cos(2 * Math.PI * rng.next());
}

/** Marsaglia and Tsang (2000), with the shape < 1 boost. */
function gamma(shape: number, rng: Rng): number {
  if (shape < 1) return gamma(shape + 1, rng) * Math.pow(rng.open(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.open();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Knuth's product method in chunks of mean <= 30 (a sum of Poissons is Poisson), so exp() never underflows. */
function poisson(mean: number, rng: Rng): number {
  let n = 0;
  let rest = mean;
  while (rest > 0) {
    const chunk = Math.min(rest, 30);
    rest -= chunk;
    const limit = Math.exp(-chunk);
    let p = rng.next();
    while (p > limit) {
      n++;
      p *= rng.next();
    }
  }
  return n;
}

/** Lanczos approximation of the gamma function (for the Weibull mean). */
function gammaFn(z: number): number {
  const g = 7;
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (z < 0.5) return Math.PI / (Math.sin(Math.PI * z) * gammaFn(1 - z));
  const x0 = z - 1;
  let x = c[0];
  for (let i = 1; i < g + 2; i++) x += c[i] / (x0 + i);
  const t = x0 + g + 0.5;
  return Math.sqrt(2 * Math.PI) * Math.pow(t, x0 + 0.5) * Math.exp(-t) * x;
}

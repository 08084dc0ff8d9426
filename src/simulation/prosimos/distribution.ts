import type { Distribution } from '../distributions';

/** A Prosimos distribution: a scipy-like name and a list of `{value}` parameters (times in seconds). */
export interface ProsimosDistribution {
  distribution_name: string;
  distribution_params: Array<{ value: number | string }>;
}

/** The BPSim distribution closest to a Prosimos one, and what differs, in words (null: exact). */
export interface ConvertedDistribution {
  dist: Distribution | null;
  note: string | null;
}

/**
 * Converts a Prosimos distribution (seconds) into a BPSim one. Prosimos 2 (pix-framework) writes
 * `fix [value]`, `expon [mean, min, max]`, `norm [mean, std, min, max]`, `uniform [min, max]`,
 * `lognorm` and `gamma [mean, variance, min, max]`; older files carry scipy's shape, loc and scale
 * (`expon [loc, scale]` or `[loc, scale, min, max]`, `lognorm [s, loc, scale]`, `gamma [a, loc,
 * scale]`, `triang [c, loc, scale]`), told apart by the number of parameters. The means are kept
 * exactly; bounds only where BPSim has them (the normal). `exponnorm` has no BPSim counterpart:
 * a truncated normal with its mean and standard deviation stands in, said in the note.
 *
 * @example
 * fromProsimos({ distribution_name: 'expon', distribution_params: [{ value: 60 }, { value: 0 }, { value: 600 }] });
 * // { dist: { kind: 'exponential', mean: 60 }, note: 'bounds [0, 600] not kept' }
 */
export function fromProsimos(d: ProsimosDistribution): ConvertedDistribution {
  const name = String(d.distribution_name ?? '').toLowerCase();
  const p = (d.distribution_params ?? []).map((x) => Number(x?.value));
  if (p.some((x) => !Number.isFinite(x))) return { dist: null, note: `${name} has a parameter that is not a number` };
  const n = p.length;
  const bounds = (min: number, max: number) => (min <= 0 && !(max < Number.MAX_VALUE / 2) ? null : `bounds [${fmt(min)}, ${fmt(max)}] not kept (BPSim bounds only the normal distribution)`);
  const need = (k: number) => (n < k ? { dist: null, note: `${name} needs ${k} parameters, the file has ${n}` } : null);
  switch (name) {
    case 'fix':
    case 'fixed':
      return need(1) ?? { dist: { kind: 'constant', value: p[0] }, note: null };
    case 'expon':
    case 'exponential': {
      if (n === 3) return { dist: { kind: 'exponential', mean: p[0] }, note: bounds(p[1], p[2]) };
      const missing = need(2);
      if (missing) return missing;
      const [loc, scale] = p;
      const notes = [loc !== 0 ? `shifted by ${fmt(loc)} s (loc): an exponential with the same mean` : null, n >= 4 ? bounds(p[2], p[3]) : null].filter(Boolean);
      return { dist: { kind: 'exponential', mean: loc + scale }, note: notes.length ? notes.join('; ') : null };
    }
    case 'norm':
    case 'normal': {
      const missing = need(2);
      if (missing) return missing;
      if (n >= 4) return { dist: { kind: 'truncatedNormal', mean: p[0], standardDeviation: p[1], min: p[2], max: p[3] }, note: null };
      return { dist: { kind: 'normal', mean: p[0], standardDeviation: p[1] }, note: null };
    }
    case 'uniform':
      return need(2) ?? (p[1] >= p[0]
        ? { dist: { kind: 'uniform', min: p[0], max: p[1] }, note: null }
        : { dist: { kind: 'uniform', min: p[0], max: p[0] + p[1] }, note: `read as scipy's [loc, scale] (the second value is below the first)` });
    case 'lognorm':
    case 'lognormal': {
      if (n >= 4) return { dist: { kind: 'logNormal', mean: p[0], standardDeviation: Math.sqrt(p[1]) }, note: bounds(p[2], p[3]) };
      const missing = need(3);
      if (missing) return missing;
      const [s, loc, scale] = p;
      const mean = scale * Math.exp((s * s) / 2);
      const sd = scale * Math.sqrt((Math.exp(s * s) - 1) * Math.exp(s * s));
      return { dist: { kind: 'logNormal', mean: loc + mean, standardDeviation: sd }, note: loc !== 0 ? `shifted by ${fmt(loc)} s (loc): a log-normal with the same mean and standard deviation` : null };
    }
    case 'gamma': {
      if (n >= 4) {
        if (!(p[0] > 0 && p[1] > 0)) return { dist: null, note: `gamma needs a positive mean and variance (${fmt(p[0])}, ${fmt(p[1])})` };
        return { dist: { kind: 'gamma', shape: (p[0] * p[0]) / p[1], scale: p[1] / p[0] }, note: bounds(p[2], p[3]) };
      }
      const missing = need(3);
      if (missing) return missing;
      return { dist: { kind: 'gamma', shape: p[0], scale: p[2] }, note: p[1] !== 0 ? `loc ${fmt(p[1])} s not kept` : null };
    }
    case 'triang':
    case 'triangular': {
      const missing = need(3);
      if (missing) return missing;
      const [c, loc, scale] = p;
      return { dist: { kind: 'triangular', min: loc, mode: loc + c * scale, max: loc + scale }, note: null };
    }
    case 'exponnorm': {
      const missing = need(3);
      if (missing) return missing;
      const [k, loc, scale] = p;
      const mean = loc + k * scale;
      const sd = scale * Math.sqrt(1 + k * k);
      const [min, max] = n >= 5 ? [p[3], p[4]] : [0, mean + 10 * sd];
      return { dist: { kind: 'truncatedNormal', mean, standardDeviation: sd, min, max }, note: 'exponnorm (exponentially modified normal) approximated by a truncated normal with its mean and standard deviation' };
    }
    default:
      return { dist: null, note: `distribution ${JSON.stringify(d.distribution_name)} is not known here (fix, expon, norm, uniform, lognorm, gamma, triang, exponnorm are)` };
  }
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(+x.toPrecision(6));
}

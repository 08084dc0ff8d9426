import { describe, expect, it } from 'vitest';
import type { Distribution } from './distributions';
import { distributionMean, distributionProblem, sampleNumber } from './distributions';
import { Rng } from './random';

const CASES: Distribution[] = [
  { kind: 'uniform', min: 2, max: 6 },
  { kind: 'triangular', min: 1, mode: 2, max: 6 },
  { kind: 'normal', mean: 10, standardDeviation: 2 },
  { kind: 'logNormal', mean: 5, standardDeviation: 2 },
  { kind: 'exponential', mean: 3 },
  { kind: 'gamma', shape: 2.5, scale: 2 },
  { kind: 'gamma', shape: 0.5, scale: 2 },
  { kind: 'erlang', k: 3, mean: 6 },
  { kind: 'weibull', shape: 1.5, scale: 4 },
  { kind: 'beta', shape: 2, scale: 5 },
  { kind: 'poisson', mean: 4 },
  { kind: 'poisson', mean: 75 },
  { kind: 'binomial', trials: 20, probability: 0.3 },
  { kind: 'empirical', points: [{ value: 1, probability: 0.2 }, { value: 5, probability: 0.8 }] },
];

describe('distributions', () => {
  for (const d of CASES) {
    it(`given ${JSON.stringify(d)}, when drawn 40,000 times, then the sample mean is within 2% of the mean`, () => {
      const rng = new Rng(17);
      let sum = 0;
      for (let i = 0; i < 40_000; i++) sum += sampleNumber(d, rng);
      const mean = distributionMean(d);
      expect(Math.abs(sum / 40_000 - mean) / mean).toBeLessThan(0.02);
    });
  }

  it('given a truncated normal, when drawn, then every value lies within its bounds', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 5000; i++) {
      const x = sampleNumber({ kind: 'truncatedNormal', mean: 0, standardDeviation: 1, min: -0.5, max: 2 }, rng);
      expect(x).toBeGreaterThanOrEqual(-0.5);
      expect(x).toBeLessThanOrEqual(2);
    }
  });

  it('given bad parameters, when checked, then the problem is named', () => {
    expect(distributionProblem({ kind: 'exponential', mean: 0 })).toBe('exponential needs mean > 0 (0)');
    expect(distributionProblem({ kind: 'empirical', points: [{ value: 1, probability: 0.5 }] })).toContain('sum to 1');
  });

  it('given one seed, when two generators draw, then they draw the same numbers', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });
});

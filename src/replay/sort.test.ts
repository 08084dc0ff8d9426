import { describe, expect, it } from 'vitest';
import { sortedByTime } from './replay-index';

describe('sortedByTime', () => {
  it('given times with ties, negatives, fractions and far-apart values, when sorted, then the order is by time and ties keep index order', () => {
    const times = [5, -3, 5, 1.5, 0, -0.25, 1767603600123, 5, -1767603600000, 1.5, 2 ** 40 + 1, 0];
    const order = Array.from(sortedByTime(new Float64Array(times), times.length));
    const expected = times.map((t, i) => [t, i]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i);
    expect(order).toEqual(expected);
  });

  it('given many random epoch times, when sorted, then it agrees with a stable comparator sort', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const times = Float64Array.from({ length: 5000 }, () => 1767603600000 + Math.floor(rnd() * 1000) * 60_000);
    const expected = Array.from(times.keys()).sort((a, b) => times[a] - times[b] || a - b);
    expect(Array.from(sortedByTime(times, times.length))).toEqual(expected);
  });

  it('given whole milliseconds spread over more than 49 days (33 bits) and over years (42 bits), with ties, when sorted, then it agrees with a stable comparator sort', () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (const span of [2 ** 32 + 5_000_000, 2 ** 33 - 1, 2 ** 42, 2 ** 50]) {
      const times = Float64Array.from({ length: 4000 }, (_, i) => (i % 7 === 0 ? 1767603600000 : 1767603600000 + Math.floor(rnd() * span) - (i % 3 === 0 ? span : 0)));
      const expected = Array.from(times.keys()).sort((a, b) => times[a] - times[b] || a - b);
      expect(Array.from(sortedByTime(times, times.length))).toEqual(expected);
    }
  });

  it('given a prefix of a longer array, when sorted, then only the first n are ordered', () => {
    expect(Array.from(sortedByTime(new Float64Array([3, 1, 2, -100]), 3))).toEqual([1, 2, 0]);
  });
});

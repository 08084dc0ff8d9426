import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal';
import { integerPower } from './integer-power';
import { compileExpression } from './index';

/** A deterministic generator, so that a failure names a reproducible case. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function randomDecimal(next: () => number): Decimal {
  const digits = 1 + Math.floor(next() * 34);
  let text = String(1 + Math.floor(next() * 9));
  for (let i = 1; i < digits; i++) text += String(Math.floor(next() * 10));
  const point = Math.floor(next() * (digits + 4)) - 2;
  const sign = next() < 0.2 ? '-' : '';
  return new Decimal(`${sign}${text}e${point - digits}`);
}

/** Property (ADR 0211): the word-based power equals decimal.js `pow` rounded to 34 digits, digit for digit. */
describe('integer powers', () => {
  it('given random bases of 1..34 digits and exponents up to ±1000, then integerPower equals decimal.js pow', () => {
    const next = lcg(12);
    let fast = 0;
    for (let i = 0; i < 4000; i++) {
      const x = randomDecimal(next);
      const n = Math.round((next() - 0.5) * (i % 10 === 0 ? 2000 : 80));
      const expected = x.pow(n);
      const got = integerPower(x, n);
      if (got === undefined) continue;
      fast++;
      if (!expected.isFinite() || expected.abs().gt('1e6100') || (!expected.isZero() && expected.abs().lt('1e-6100'))) continue;
      expect(`${x}**${n} = ${got.toString()}`).toBe(`${x}**${n} = ${expected.toString()}`);
    }
    expect(fast).toBeGreaterThan(3500);
  });

  it('given loan-formula bases (1 + r/12) and terms, then integerPower equals decimal.js pow', () => {
    for (const rate of ['0.035', '0.032', '0.03375', '0.03', '0.03125', '0.0425', '0.1', '0.0001']) {
      const x = new Decimal(1).plus(new Decimal(rate).div(12));
      for (const n of [12, 36, 60, 120, 180, 240, 360, -12, -36, -360, 999, -1000]) {
        expect(integerPower(x, n)?.toString()).toBe(x.pow(n).toString());
      }
    }
  });

  it('given exact powers, then they stay exact; and exponents it leaves to decimal.js give undefined', () => {
    expect(integerPower(new Decimal('1.1'), 2)?.toString()).toBe('1.21');
    expect(integerPower(new Decimal(2), 100)?.toString()).toBe(new Decimal(2).pow(100).toString());
    expect(integerPower(new Decimal(-3), 3)?.toString()).toBe('-27');
    expect(integerPower(new Decimal(2), -2)?.toString()).toBe('0.25');
    expect(integerPower(new Decimal(10), 7000)).toBeUndefined();
    expect(integerPower(new Decimal(0), 5)).toBeUndefined();
    expect(integerPower(new Decimal(5), 1)).toBeUndefined();
  });

  it('given FEEL **, then results agree with decimal.js and out-of-range powers are null with a warning', () => {
    expect(String(compileExpression('(1 + 0.035/12) ** -360').evaluate({}).value)).toBe(new Decimal(1).plus(new Decimal('0.035').div(12)).pow(-360).toString());
    const r = compileExpression('10 ** 7000').evaluate({});
    expect(r.value).toBeNull();
    expect(r.warnings.length).toBe(1);
  });
});

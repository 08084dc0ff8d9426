import DecimalJs from 'decimal.js';
import { Decimal } from './decimal';

/**
 * `x ** n` for an integer `n` (2 ≤ |n| ≤ 999,999,999), correctly rounded to 34 digits, without
 * decimal.js's `pow` (whose general multiply and division made loan formulas such as
 * `(1 + r/12) ** -360` cost tens of microseconds). ADR 0211 gives the argument in full:
 *
 * - The significand is raised by binary powering on base-1e7 words, as decimal.js stores them,
 *   each product truncated to `WORDS` words (at least 49 significant digits). A truncation errs by
 *   less than 10^-49 relatively, and binary powering to the n-th power accumulates at most n-1 of
 *   them; a negative power starts from 1/x rounded to 50 digits (one more error of 10^-49 per
 *   factor). So the computed value is within (2|n| + 1) · 10^-49 of the exact power, relatively.
 * - Rounding to 34 digits can only go wrong when a rounding midpoint lies within that distance:
 *   then (a chance of about |n| · 10^-14) we return undefined and the caller uses decimal.js.
 *   Otherwise the rounding of the computed value is the rounding of the exact value: the result is
 *   the correctly rounded power, digit for digit what decimal.js's `pow` gives (it carries 28 or
 *   more guard digits for the same reason). Exact powers (`1.1 ** 2`) stay exact.
 *
 * Also undefined (decimal.js decides) for zero, ±1 exponents and results near the exponent range.
 */
export function integerPower(x: Decimal, n: number): Decimal | undefined {
  const parts = x as unknown as { d: number[] | null; e: number; s: number };
  const d = parts.d;
  const k = n < 0 ? -n : n;
  if (d === null || d[0] === 0 || k < 2 || k > 999_999_999 || !Number.isInteger(n)) return undefined;
  let words = d;
  let scale = parts.e - digitCount(d[0]!) + 1;
  if (n < 0) {
    const inverse = new Reciprocal(1).div(new Reciprocal(x).abs()) as unknown as { d: number[]; e: number };
    words = inverse.d;
    scale = inverse.e - digitCount(words[0]!) + 1;
  }
  // value = M · B^w · 10^(scale·k), with M held in `acc` as words (M in [1, B)).
  let base = truncate(words);
  let baseW = 0;
  let acc: number[] | undefined;
  let accW = 0;
  let rest = k;
  for (;;) {
    if (rest % 2 === 1) {
      if (acc === undefined) {
        acc = base;
        accW = baseW;
      } else {
        const p = multiply(acc, base);
        accW += baseW + p.shift;
        acc = p.words;
      }
    }
    rest = Math.floor(rest / 2);
    if (rest === 0) break;
    const sq = multiply(base, base);
    baseW = 2 * baseW + sq.shift;
    base = sq.words;
  }
  const m = acc!;
  const lead = digitCount(m[0]!);
  // Decimal exponent of the leading digit: beyond FEEL's range decimal.js decides (null there).
  const e = 7 * accW + scale * k + lead - 1;
  if (e > 6100 || e < -6100) return undefined;
  // The digits after the 34th as a fraction of its unit; the error in those units is below
  // (2k + 1) · 10^-49 · 10^34 (the value is below 10^34 such units).
  if (Math.abs(fractionAfter34(m, lead) - 0.5) <= (2 * k + 1) * 1e-15 + 1e-12) return undefined;
  // A decimal.js value over these words (its own layout: words, exponent of the leading digit, sign),
  // rounded to 34 digits half-even by decimal.js: safe, as no midpoint is near.
  const r = new Decimal(1) as unknown as { d: number[]; e: number; s: number };
  r.d = m;
  r.e = e;
  r.s = parts.s < 0 && k % 2 === 1 ? -1 : 1;
  return (r as unknown as Decimal).toSignificantDigits(34);
}

/** The digits of the words after the 34th significant one, as a fraction in [0, 1). */
function fractionAfter34(m: readonly number[], lead: number): number {
  if (lead + 7 * (m.length - 1) <= 34) return 0;
  const used = 34 - lead;
  const w = 1 + Math.floor(used / 7);
  const keep = 7 - (used % 7);
  let unit = 10 ** keep;
  let f = (m[w]! % unit) / unit;
  for (let i = w + 1; i < m.length; i++) {
    unit *= B;
    f += m[i]! / unit;
  }
  return f;
}

/** Words kept per product: 8 base-1e7 words, at least 7·7 + 1 = 50 significant digits. */
const WORDS = 8;
const B = 1e7;

/** 1/x at 50 digits for negative powers (one rounding, relatively below 10^-49). */
const Reciprocal = DecimalJs.clone({ precision: 50, rounding: DecimalJs.ROUND_HALF_EVEN, minE: -9e15, maxE: 9e15 });

function digitCount(w: number): number {
  return w >= 1e6 ? 7 : w >= 1e5 ? 6 : w >= 1e4 ? 5 : w >= 1e3 ? 4 : w >= 100 ? 3 : w >= 10 ? 2 : 1;
}

function truncate(words: readonly number[]): number[] {
  return words.length > WORDS ? words.slice(0, WORDS) : words.slice();
}

/**
 * The product of two significands in [1, B) as words, truncated to `WORDS`; `shift` is 1 when the
 * product reached B (its value is then words · B). Column sums stay below 8 · 10^14 < 2^53.
 */
function multiply(a: readonly number[], b: readonly number[]): { words: number[]; shift: number } {
  const cols = a.length + b.length - 1;
  const p = new Array<number>(cols).fill(0);
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    for (let j = 0; j < b.length; j++) p[i + j] += ai * b[j]!;
  }
  let carry = 0;
  for (let i = cols - 1; i >= 0; i--) {
    const v = p[i]! + carry;
    carry = Math.floor(v / B);
    p[i] = v - carry * B;
  }
  const words = carry > 0 ? [carry, ...p] : p;
  let end = Math.min(words.length, WORDS);
  while (end > 1 && words[end - 1] === 0) end--;
  return { words: words.length === end ? words : words.slice(0, end), shift: carry > 0 ? 1 : 0 };
}

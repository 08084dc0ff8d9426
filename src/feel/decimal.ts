import DecimalJs from 'decimal.js';

/**
 * FEEL numbers: a private decimal.js clone with 34 significant digits and half-even rounding
 * (IEEE 754-2008 decimal128, as the DMN spec asks). A clone, so that nobody else's global
 * decimal.js configuration changes ours, nor ours theirs.
 *
 * @example
 * new Decimal('1.1').plus('1.3').toString(); // '2.4'
 */
export const Decimal = DecimalJs.clone({
  precision: 34,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 40,
  minE: -6143,
  maxE: 6144,
});
export type Decimal = DecimalJs;

/**
 * True for our decimals and for decimals of any other decimal.js clone (clones share a prototype,
 * so `instanceof Decimal` is true for all of them; `normalize` re-creates foreign ones with ours).
 */
export function isDecimal(v: unknown): v is Decimal {
  return v instanceof Decimal || DecimalJs.isDecimal(v);
}

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

interface DecimalParts {
  readonly d: readonly number[] | null;
  readonly e: number;
  readonly s: number;
}

/**
 * `x.cmp(y)` without allocating: decimal.js's `comparedTo` first copies `y` into a new Decimal,
 * which dominates comparisons in decision tables. The same algorithm over the same fields (base-1e7
 * words `d`, exponent `e`, sign `s`); non-finite values take decimal.js's own path.
 */
export function compareDecimals(x: Decimal, y: Decimal): number {
  const a = x as unknown as DecimalParts;
  const b = y as unknown as DecimalParts;
  const xd = a.d;
  const yd = b.d;
  // The copy clamps exponents to our range; values outside it (none of ours) go the slow way.
  if (!xd || !yd || b.e > MAX_E || b.e < MIN_E) return x.cmp(y);
  const xs = a.s;
  if (!xd[0] || !yd[0]) return xd[0] ? xs : yd[0] ? -b.s : 0;
  if (xs !== b.s) return xs;
  if (a.e !== b.e) return (a.e > b.e) !== (xs < 0) ? 1 : -1;
  const n = Math.min(xd.length, yd.length);
  for (let i = 0; i < n; i++) if (xd[i] !== yd[i]) return (xd[i]! > yd[i]!) !== (xs < 0) ? 1 : -1;
  return xd.length === yd.length ? 0 : (xd.length > yd.length) !== (xs < 0) ? 1 : -1;
}

const MAX_E = 6144;
const MIN_E = -6143;

/**
 * The value of a non-zero integer below 10^7 in magnitude (one base-1e7 word), else undefined: the
 * operands for which `+`, `-` and `*` may run on JS numbers exactly (results below 2^53). Zeros
 * are left out, so that decimal.js keeps deciding the sign of a zero result.
 */
export function smallInteger(x: Decimal): number | undefined {
  const p = x as unknown as DecimalParts;
  const d = p.d;
  if (d === null || d.length !== 1 || p.e >= 7 || p.e < 0) return undefined;
  const w = d[0]!;
  // One word, exponent 0..6: an integer exactly when the word has e + 1 digits.
  if (w === 0 || w < POW10[p.e]! || w >= POW10[p.e + 1]!) return undefined;
  return p.s < 0 ? -w : w;
}

const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000];

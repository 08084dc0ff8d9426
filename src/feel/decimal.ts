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

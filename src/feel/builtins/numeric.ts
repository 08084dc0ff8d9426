import DecimalJs from 'decimal.js';
import { Decimal } from '../decimal';
import { FeelDaysTimeDuration, type FeelFunction, FeelYearsMonthsDuration } from '../values';
import { def, fail, int, num, SLOW_COST } from './define';

type Rounding = DecimalJs.Rounding;

/** Rounds to `scale` decimal places (negative scales round to tens, hundreds...). */
export function roundTo(n: Decimal, scale: number, mode: Rounding): Decimal {
  if (scale >= 0) return n.toDecimalPlaces(scale, mode);
  const f = new Decimal(10).pow(-scale);
  return n.div(f).toDecimalPlaces(0, mode).times(f);
}

function rounding(name: string, mode: Rounding, scaleOptional: boolean): FeelFunction {
  return def(name, [scaleOptional ? 'n, scale?' : 'n, scale'], ([n, s], c) => {
    const x = num(n, c, name, 'n');
    if (x === null) return null;
    let scale = 0;
    if (s !== undefined) {
      const sc = int(s, c, name, 'scale');
      if (sc === null) return null;
      if (sc < -6111 || sc > 6176) return fail(c, `${name}(): scale out of range`);
      scale = sc;
    }
    return roundTo(x, scale, mode);
  });
}

export const NUMERIC: FeelFunction[] = [
  rounding('decimal', DecimalJs.ROUND_HALF_EVEN, false),
  rounding('floor', DecimalJs.ROUND_FLOOR, true),
  rounding('ceiling', DecimalJs.ROUND_CEIL, true),
  rounding('round up', DecimalJs.ROUND_UP, false),
  rounding('round down', DecimalJs.ROUND_DOWN, false),
  rounding('round half up', DecimalJs.ROUND_HALF_UP, false),
  rounding('round half down', DecimalJs.ROUND_HALF_DOWN, false),
  def('abs', ['n'], ([n], c) => {
    if (n instanceof FeelDaysTimeDuration) return new FeelDaysTimeDuration(n.seconds.abs());
    if (n instanceof FeelYearsMonthsDuration) return new FeelYearsMonthsDuration(Math.abs(n.months));
    return num(n, c, 'abs', 'n')?.abs() ?? null;
  }),
  def('modulo', ['dividend, divisor'], ([a, b], c) => {
    const x = num(a, c, 'modulo', 'dividend');
    const y = num(b, c, 'modulo', 'divisor');
    if (x === null || y === null) return null;
    if (y.isZero()) return fail(c, 'modulo(): division by zero');
    return x.minus(y.times(x.div(y).floor()));
  }),
  def('sqrt', ['number'], ([n], c) => {
    const x = num(n, c, 'sqrt', 'number');
    if (x === null) return null;
    if (x.isNegative()) return fail(c, 'sqrt(): negative number');
    return x.sqrt();
  }, SLOW_COST / 2),
  def('log', ['number'], ([n], c) => {
    const x = num(n, c, 'log', 'number');
    if (x === null) return null;
    if (x.lte(0)) return fail(c, 'log(): number must be positive');
    return x.ln();
  }, SLOW_COST / 2),
  def('exp', ['number'], ([n], c) => num(n, c, 'exp', 'number')?.exp() ?? null, SLOW_COST / 2),
  def('odd', ['number'], ([n], c) => {
    const x = num(n, c, 'odd', 'number');
    if (x === null) return null;
    if (!x.isInteger()) return fail(c, 'odd(): number must be an integer');
    return !x.mod(2).isZero();
  }),
  def('even', ['number'], ([n], c) => {
    const x = num(n, c, 'even', 'number');
    if (x === null) return null;
    if (!x.isInteger()) return fail(c, 'even(): number must be an integer');
    return x.mod(2).isZero();
  }),
];

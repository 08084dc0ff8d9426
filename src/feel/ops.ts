import { daysFromCivil } from '../dates/civil-days';
import { Temporal } from 'temporal-polyfill';
import type { Budget } from './budget';
import { integerPower } from './integer-power';
import { compareDecimals, Decimal, smallInteger } from './decimal';
import {
  addDays, addMonths, addWholeSeconds, calendarDate, epochNs, localNs, makeDateTime, shiftNs, nsToSeconds, timeNs, timeOffset, toTemporalDuration,
} from './temporal';
import type { FeelContext, FeelFunction, FeelRange} from './values';
import {
  type CallContext, FeelDate, FeelDateTime, FeelDaysTimeDuration, FeelTime,
  type FeelValue, FeelYearsMonthsDuration, typeNameOf,
} from './values';

/** FEEL operator semantics: equality, ordering and arithmetic over all value kinds. */

const NS_PER_DAY = 86_400_000_000_000n;

const NS_PER_SECOND = 1_000_000_000n;

function dtInstant(v: FeelDateTime): bigint {
  return epochNs(v) ?? localNs(v.dateTime) + shiftNs(v.yearShift);
}

/** Value at the spec's resolution: whole seconds (`valuedt`), fractions dropped. */
function dtValue(v: FeelDateTime): bigint {
  const ns = dtInstant(v);
  return ns - (((ns % NS_PER_SECOND) + NS_PER_SECOND) % NS_PER_SECOND);
}

/** Time of day in whole seconds (as ns) normalised to UTC when the time has an offset. */
function timeValue(v: FeelTime): bigint {
  const off = timeOffset(v);
  let ns = timeNs(v.time) / NS_PER_SECOND * NS_PER_SECOND;
  if (off !== null) ns -= BigInt(Math.round(off * 1e9));
  return ((ns % NS_PER_DAY) + NS_PER_DAY) % NS_PER_DAY;
}

/**
 * FEEL `=`: true, false, or null when the two values cannot be compared (different kinds).
 * @example feelEquals(new Decimal('1.0'), new Decimal(1)) // true
 */
export function feelEquals(a: FeelValue, b: FeelValue, budget?: Budget): boolean | null {
  if (a === null || b === null) return a === b;
  if (a instanceof Decimal) return b instanceof Decimal ? compareDecimals(a, b) === 0 : null;
  if (typeof a === 'string' || typeof a === 'boolean') return typeof b === typeof a ? a === b : null;
  if (Array.isArray(a)) {
    if (!Array.isArray(b)) return null;
    if (a.length !== b.length) return false;
    // Comparing two large lists is as much work as building one: paid for when a budget is given.
    budget?.step(a.length);
    let out: boolean | null = true;
    for (let i = 0; i < a.length; i++) {
      const e = feelEquals(a[i], b[i], budget);
      if (e === false) return false;
      if (e === null) out = null;
    }
    return out;
  }
  if (typeof b !== 'object' || Array.isArray(b) || b instanceof Decimal) return null;
  if (a.kind !== b.kind) return null;
  switch (a.kind) {
    case 'date':
      return a.date.equals((b as FeelDate).date) && a.yearShift === (b as FeelDate).yearShift;
    case 'date and time': {
      const o = b as FeelDateTime;
      budget?.step(TEMPORAL_OP_COST);
      if ((a.offset === null) !== (o.offset === null)) return false;
      return dtValue(a) === dtValue(o);
    }
    case 'time': {
      const o = b as FeelTime;
      if ((timeOffset(a) === null) !== (timeOffset(o) === null)) return false;
      return timeValue(a) === timeValue(o);
    }
    case 'days and time duration':
      return compareDecimals(a.seconds, (b as FeelDaysTimeDuration).seconds) === 0;
    case 'years and months duration':
      return a.months === (b as FeelYearsMonthsDuration).months;
    case 'context': {
      const o = b as FeelContext;
      if (a.entries.size !== o.entries.size) return false;
      budget?.step(a.entries.size);
      let out: boolean | null = true;
      for (const [k, v] of a.entries) {
        if (!o.entries.has(k)) return false;
        const e = feelEquals(v, o.entries.get(k) ?? null, budget);
        if (e === false) return false;
        if (e === null) out = null;
      }
      return out;
    }
    case 'range': {
      const o = b as FeelRange;
      if (a.startIncluded !== o.startIncluded || a.endIncluded !== o.endIncluded || a.unaryOp !== o.unaryOp) return false;
      const s = feelEquals(a.start, o.start);
      const e = feelEquals(a.end, o.end);
      return s === true && e === true;
    }
    case 'function':
      return a === (b as FeelFunction);
  }
}

/**
 * FEEL ordering: negative, zero or positive; null when the values are not comparable.
 * Numbers, strings, dates, times, date-times and durations of one kind are ordered.
 */
export function feelCompare(a: FeelValue, b: FeelValue): number | null {
  if (a instanceof Decimal) return b instanceof Decimal ? compareDecimals(a, b) : null;
  if (typeof a === 'string') return typeof b === 'string' ? (a < b ? -1 : a > b ? 1 : 0) : null;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) || Array.isArray(b) || b instanceof Decimal) return null;
  if (a.kind !== b.kind) return null;
  switch (a.kind) {
    case 'date':
    {
      const o = b as FeelDate;
      const ya = a.date.year + a.yearShift;
      const yb = o.date.year + o.yearShift;
      return ya !== yb ? Math.sign(ya - yb) : Temporal.PlainDate.compare(a.date, o.date);
    }
    case 'date and time': {
      const x = dtValue(a);
      const y = dtValue(b as FeelDateTime);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 'time': {
      const x = timeValue(a);
      const y = timeValue(b as FeelTime);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 'days and time duration':
      return compareDecimals(a.seconds, (b as FeelDaysTimeDuration).seconds);
    case 'years and months duration':
      return Math.sign(a.months - (b as FeelYearsMonthsDuration).months);
  }
  return null;
}

function mismatch(c: CallContext, op: string, a: FeelValue, b: FeelValue): null {
  c.warn(`cannot apply '${op}' to ${typeNameOf(a)} and ${typeNameOf(b)}`);
  return null;
}

function dateToDateTime(d: FeelDate): FeelDateTime {
  return new FeelDateTime(d.date.toPlainDateTime(), 0, null, d.yearShift);
}

function addSecondsToDateTime(v: FeelDateTime, secs: Decimal): FeelDateTime | null {
  if (!v.zone && secs.isInteger()) {
    const n = secs.toNumber();
    const moved = Math.abs(n) < 1e15 ? addWholeSeconds(v.dateTime, n) : undefined;
    if (moved) return new FeelDateTime(moved, v.offset, null, v.yearShift);
  }
  const dur = toTemporalDuration(secs);
  if (v.zone) {
    const z = v.dateTime.toZonedDateTime(v.zone).add(dur);
    return new FeelDateTime(z.toPlainDateTime(), z.offsetNanoseconds / 1e9, v.zone, v.yearShift);
  }
  return new FeelDateTime(v.dateTime.add(dur), v.offset, null, v.yearShift);
}

function addMonthsToDateTime(v: FeelDateTime, months: number): FeelDateTime | null {
  const to = v.zone ? undefined : addMonths(v.dateTime, months);
  if (to) {
    const dt = v.dateTime;
    const moved = new Temporal.PlainDateTime(to.year, to.month, to.day, dt.hour, dt.minute, dt.second, dt.millisecond, dt.microsecond, dt.nanosecond);
    return new FeelDateTime(moved, v.offset, null, v.yearShift);
  }
  return makeDateTime(v.dateTime.add({ months }, { overflow: 'constrain' }), v.offset, v.zone, v.yearShift);
}

function addTime(t: FeelTime, secs: Decimal): FeelTime {
  return new FeelTime(t.time.add(toTemporalDuration(secs.mod(86400))), t.offset, t.zone);
}

/**
 * Budget steps of an operator on Temporal values (date arithmetic, zoned comparisons): the
 * polyfill takes ten times longer than a FEEL call for them.
 */
export const TEMPORAL_OP_COST = 4;

/** FEEL `+`. */
export function add(a: FeelValue, b: FeelValue, c: CallContext): FeelValue {
  if (a instanceof Decimal && b instanceof Decimal) {
    // Small integers (loop counters, counts, days) add exactly as JS numbers.
    const x = smallInteger(a);
    const y = x === undefined ? undefined : smallInteger(b);
    return y === undefined ? a.plus(b) : new Decimal(x! + y);
  }
  if (a === null || b === null) return null;
  if (typeof a === 'string' && typeof b === 'string') {
    // Doubling a string forty times must run out of budget, not memory.
    if (a.length + b.length > 64) c.budget.text(a.length + b.length, "'+'");
    return a + b;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) || Array.isArray(b) || a instanceof Decimal || b instanceof Decimal) return mismatch(c, '+', a, b);
  c.budget.step(TEMPORAL_OP_COST);
  if (a instanceof FeelDaysTimeDuration) {
    if (b instanceof FeelDaysTimeDuration) return new FeelDaysTimeDuration(a.seconds.plus(b.seconds));
    if (b instanceof FeelDateTime || b instanceof FeelDate || b instanceof FeelTime) return add(b, a, c);
  }
  if (a instanceof FeelYearsMonthsDuration) {
    if (b instanceof FeelYearsMonthsDuration) return new FeelYearsMonthsDuration(a.months + b.months);
    if (b instanceof FeelDateTime || b instanceof FeelDate) return add(b, a, c);
  }
  if (a instanceof FeelDateTime) {
    if (b instanceof FeelDaysTimeDuration) return addSecondsToDateTime(a, b.seconds);
    if (b instanceof FeelYearsMonthsDuration) return addMonthsToDateTime(a, b.months);
  }
  if (a instanceof FeelDate) {
    if (b instanceof FeelDaysTimeDuration) {
      // Midnight plus whole seconds: the date moves by the floor of the days (exact below 1e15 s).
      const secs = b.seconds.isInteger() ? b.seconds.toNumber() : NaN;
      if (a.yearShift === 0 && Math.abs(secs) < 1e15) {
        const moved = addDays(a.date, Math.floor(secs / 86_400));
        if (moved) return moved === a.date ? a : new FeelDate(moved, 0);
      }
      const r = addSecondsToDateTime(dateToDateTime(a), b.seconds);
      return r && new FeelDate(r.dateTime.toPlainDate(), r.yearShift);
    }
    if (b instanceof FeelYearsMonthsDuration) {
      const to = addMonths(a.date, b.months);
      if (to) return new FeelDate(calendarDate(to.year, to.month, to.day), a.yearShift);
      return new FeelDate(a.date.add({ months: b.months }, { overflow: 'constrain' }), a.yearShift);
    }
  }
  if (a instanceof FeelTime && b instanceof FeelDaysTimeDuration) return addTime(a, b.seconds);
  return mismatch(c, '+', a, b);
}

function negateDuration(d: FeelValue): FeelValue {
  if (d instanceof FeelDaysTimeDuration) return new FeelDaysTimeDuration(d.seconds.negated());
  if (d instanceof FeelYearsMonthsDuration) return new FeelYearsMonthsDuration(-d.months || 0);
  return d;
}

/** FEEL `-`. */
export function subtract(a: FeelValue, b: FeelValue, c: CallContext): FeelValue {
  if (a instanceof Decimal && b instanceof Decimal) {
    const x = smallInteger(a);
    const y = x === undefined ? undefined : smallInteger(b);
    // x - y is zero when x = y: decimal.js gives +0 there too (round half even), as does new Decimal(0).
    return y === undefined ? a.minus(b) : new Decimal(x! - y);
  }
  if (a === null || b === null) return null;
  if (typeof a === 'object') c.budget.step(TEMPORAL_OP_COST);
  if (a instanceof FeelDateTime || a instanceof FeelDate) {
    if (b instanceof FeelDateTime || b instanceof FeelDate) {
      if (a instanceof FeelDate && b instanceof FeelDate) {
        // Two midnights UTC: whole days, by day arithmetic (the shifts are multiples of 400 years).
        const days = daysFromCivil(a.date.year, a.date.month, a.date.day) - daysFromCivil(b.date.year, b.date.month, b.date.day);
        const shift = a.yearShift - b.yearShift;
        if (shift === 0) return new FeelDaysTimeDuration(new Decimal(days * 86_400));
      }
      const x = a instanceof FeelDate ? dateToDateTime(a) : a;
      const y = b instanceof FeelDate ? dateToDateTime(b) : b;
      // A date counts as midnight UTC, so it cannot be subtracted from or to a local date and time.
      if ((x.offset === null) !== (y.offset === null)) {
        c.warn('cannot subtract a date and time with a zone and one without');
        return null;
      }
      return new FeelDaysTimeDuration(nsToSeconds(dtInstant(x) - dtInstant(y)));
    }
    if (b instanceof FeelDaysTimeDuration || b instanceof FeelYearsMonthsDuration) return add(a, negateDuration(b), c);
  }
  if (a instanceof FeelTime) {
    if (b instanceof FeelTime) {
      if ((timeOffset(a) === null) !== (timeOffset(b) === null)) return mismatch(c, '-', a, b);
      const oa = BigInt(Math.round((timeOffset(a) ?? 0) * 1e9));
      const ob = BigInt(Math.round((timeOffset(b) ?? 0) * 1e9));
      return new FeelDaysTimeDuration(nsToSeconds(timeNs(a.time) - oa - (timeNs(b.time) - ob)));
    }
    if (b instanceof FeelDaysTimeDuration) return addTime(a, b.seconds.negated());
  }
  if (a instanceof FeelDaysTimeDuration && b instanceof FeelDaysTimeDuration) return new FeelDaysTimeDuration(a.seconds.minus(b.seconds));
  if (a instanceof FeelYearsMonthsDuration && b instanceof FeelYearsMonthsDuration) return new FeelYearsMonthsDuration(a.months - b.months);
  return mismatch(c, '-', a, b);
}

/** FEEL `*`. */
export function multiply(a: FeelValue, b: FeelValue, c: CallContext): FeelValue {
  if (a instanceof Decimal && b instanceof Decimal) {
    const x = smallInteger(a);
    const y = x === undefined ? undefined : smallInteger(b);
    return y === undefined ? finite(a.times(b), c, '*') : new Decimal(x! * y);
  }
  if (a === null || b === null) return null;
  if (b instanceof FeelDaysTimeDuration || b instanceof FeelYearsMonthsDuration) [a, b] = [b, a];
  if (b instanceof Decimal) {
    if (a instanceof FeelDaysTimeDuration) return new FeelDaysTimeDuration(a.seconds.times(b));
    if (a instanceof FeelYearsMonthsDuration) return new FeelYearsMonthsDuration(new Decimal(a.months).times(b).trunc().toNumber() || 0);
  }
  return mismatch(c, '*', a, b);
}

/** FEEL `/`; division by zero gives null with a warning. */
export function divide(a: FeelValue, b: FeelValue, c: CallContext): FeelValue {
  if (a === null || b === null) return null;
  if (b instanceof Decimal) {
    if (b.isZero()) {
      c.warn('division by zero');
      return null;
    }
    if (a instanceof Decimal) return a.div(b);
    if (a instanceof FeelDaysTimeDuration) return new FeelDaysTimeDuration(a.seconds.div(b));
    if (a instanceof FeelYearsMonthsDuration) return new FeelYearsMonthsDuration(new Decimal(a.months).div(b).trunc().toNumber() || 0);
  }
  if (a instanceof FeelDaysTimeDuration && b instanceof FeelDaysTimeDuration) {
    if (b.seconds.isZero()) {
      c.warn('division by zero');
      return null;
    }
    return a.seconds.div(b.seconds);
  }
  if (a instanceof FeelYearsMonthsDuration && b instanceof FeelYearsMonthsDuration) {
    if (b.months === 0) {
      c.warn('division by zero');
      return null;
    }
    return new Decimal(a.months).div(b.months);
  }
  return mismatch(c, '/', a, b);
}

/** FEEL `**`: integer exponents exactly; others through doubles. */
export function power(a: FeelValue, b: FeelValue, c: CallContext): FeelValue {
  if (a instanceof Decimal && b instanceof Decimal) {
    // Integer exponents are exact (to 34 digits); others go through doubles.
    const n = b.toNumber();
    if (b.isInteger() && Math.abs(n) <= 999999999) {
      if (a.isZero() && b.isNegative()) {
        c.warn('zero to a negative power');
        return null;
      }
      return integerPower(a, n) ?? finite(a.pow(b), c, '**');
    }
    const r = Math.pow(a.toNumber(), b.toNumber());
    if (!Number.isFinite(r)) {
      c.warn(`${a.toString()} ** ${b.toString()} is not a finite number`);
      return null;
    }
    return new Decimal(r);
  }
  if (a === null || b === null) return null;
  return mismatch(c, '**', a, b);
}

/** FEEL numbers are finite: beyond decimal128's exponent range (10^6144) a result is null. */
function finite(d: Decimal, c: CallContext, op: string): Decimal | null {
  if (d.isFinite()) return d;
  c.warn(`'${op}': the result is beyond the range of FEEL numbers`);
  return null;
}

/** FEEL unary minus. */
export function negate(a: FeelValue, c: CallContext): FeelValue {
  if (a instanceof Decimal) return a.negated();
  if (a === null) return null;
  if (a instanceof FeelDaysTimeDuration || a instanceof FeelYearsMonthsDuration) return negateDuration(a);
  c.warn(`cannot negate ${typeNameOf(a)}`);
  return null;
}

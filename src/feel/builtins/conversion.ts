import { Temporal } from 'temporal-polyfill';
import { Decimal } from '../decimal';
import { feelEquals } from '../ops';
import {
  makeDate, makeDateTime, parseDate, parseDateTime, parseDuration, parseTime,
} from '../temporal';
import {
  type CallContext, FeelDate, FeelDateTime, FeelDaysTimeDuration, type FeelFunction, FeelTime, type FeelValue,
  FeelYearsMonthsDuration, typeNameOf,
} from '../values';
import { def, fail, int, num, str, SLOW_COST } from './define';
import { feelToString } from './format';

function dateFrom(v: FeelValue | undefined, c: CallContext): FeelValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return parseDate(v) ?? fail(c, `date(): '${v}' is not a valid date`);
  if (v instanceof FeelDate) return v;
  if (v instanceof FeelDateTime) return new FeelDate(v.dateTime.toPlainDate(), v.yearShift);
  return fail(c, `date(): cannot convert ${typeNameOf(v)}`);
}

function dateTimeFrom(v: FeelValue | undefined, c: CallContext): FeelValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return parseDateTime(v) ?? fail(c, `date and time(): '${v}' is not a valid date and time`);
  if (v instanceof FeelDateTime) return v;
  if (v instanceof FeelDate) return new FeelDateTime(v.date.toPlainDateTime(), null, null, v.yearShift);
  return fail(c, `date and time(): cannot convert ${typeNameOf(v)}`);
}

function timeFrom(v: FeelValue | undefined, c: CallContext): FeelValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return parseTime(v) ?? fail(c, `time(): '${v}' is not a valid time`);
  if (v instanceof FeelTime) return v;
  if (v instanceof FeelDateTime) return new FeelTime(v.dateTime.toPlainTime(), v.zone ? null : v.offset, v.zone);
  if (v instanceof FeelDate) return new FeelTime(new Temporal.PlainTime(), 0);
  return fail(c, `time(): cannot convert ${typeNameOf(v)}`);
}

function numberFrom(s: string, group: FeelValue | undefined, dec: FeelValue | undefined, c: CallContext): FeelValue {
  const g = group === undefined || group === null ? null : group;
  const d = dec === undefined || dec === null ? null : dec;
  if (g !== null && (typeof g !== 'string' || ![' ', ',', '.'].includes(g))) return fail(c, 'number(): grouping separator must be space, comma or period');
  if (d !== null && (typeof d !== 'string' || !['.', ','].includes(d))) return fail(c, 'number(): decimal separator must be period or comma');
  if (g !== null && g === d) return fail(c, 'number(): separators must differ');
  let t = s;
  if (g !== null) t = t.split(g).join('');
  if (d !== null) t = t.split(d).join('.');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return fail(c, `number(): '${s}' is not a number`);
  return new Decimal(t);
}

function isSame(a: FeelValue, b: FeelValue): boolean {
  if (typeNameOf(a) !== typeNameOf(b)) return false;
  if (a instanceof FeelTime && b instanceof FeelTime) return a.time.equals(b.time) && a.offset === b.offset && a.zone === b.zone;
  if (a instanceof FeelDateTime && b instanceof FeelDateTime) return a.dateTime.equals(b.dateTime) && a.offset === b.offset && a.zone === b.zone && a.yearShift === b.yearShift;
  return feelEquals(a, b) === true;
}

export const CONVERSION: FeelFunction[] = [
  def('date', ['from', 'year, month, day'], [
    ([v], c) => dateFrom(v, c),
    ([y, m, d], c) => {
      const yy = int(y, c, 'date', 'year');
      const mm = int(m, c, 'date', 'month');
      const dd = int(d, c, 'date', 'day');
      if (yy === null || mm === null || dd === null) return null;
      return makeDate(yy, mm, dd) ?? fail(c, `date(): ${yy}-${mm}-${dd} is not a valid date`);
    },
  ], SLOW_COST),
  def('date and time', ['from', 'date, time'], [
    ([v], c) => dateTimeFrom(v, c),
    ([d, t], c) => {
      if (d === null || t === null || d === undefined || t === undefined) return null;
      const date = d instanceof FeelDate ? d.date : d instanceof FeelDateTime ? d.dateTime.toPlainDate() : null;
      if (!date) return fail(c, `date and time(): 'date' must be a date, got ${typeNameOf(d)}`);
      if (!(t instanceof FeelTime)) return fail(c, `date and time(): 'time' must be a time, got ${typeNameOf(t)}`);
      const shift = (d as FeelDate | FeelDateTime).yearShift;
      return makeDateTime(date.toPlainDateTime(t.time), t.offset, t.zone, shift) ?? fail(c, 'date and time(): invalid zone');
    },
  ], 2 * SLOW_COST),
  def('time', ['from', 'hour, minute, second, offset?'], [
    ([v], c) => timeFrom(v, c),
    ([h, m, s, o], c) => {
      const hh = int(h, c, 'time', 'hour');
      const mm = int(m, c, 'time', 'minute');
      const ss = num(s, c, 'time', 'second');
      if (hh === null || mm === null || ss === null) return null;
      if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss.lt(0) || ss.gte(60)) return fail(c, 'time(): field out of range');
      const ns = ss.minus(ss.trunc()).times(1e9).trunc().toNumber();
      const t = new Temporal.PlainTime(hh, mm, ss.trunc().toNumber(), Math.floor(ns / 1e6), Math.floor(ns / 1e3) % 1000, ns % 1000);
      if (o === undefined || o === null) return new FeelTime(t);
      if (!(o instanceof FeelDaysTimeDuration)) return fail(c, 'time(): offset must be a days and time duration');
      if (o.seconds.abs().gt(18 * 3600)) return fail(c, 'time(): offset out of range');
      return new FeelTime(t, o.seconds.toNumber());
    },
  ], 2 * SLOW_COST),
  def('duration', ['from'], ([v], c) => {
    const s = str(v, c, 'duration', 'from');
    if (s === null) return null;
    return parseDuration(s) ?? fail(c, `duration(): '${s}' is not a valid duration`);
  }, SLOW_COST),
  def('years and months duration', ['from, to'], ([a, b], c) => {
    if (a === null || b === null || a === undefined || b === undefined) return null;
    // Whole months between the calendar dates; the time of day does not count (as the TCK expects).
    const x = a instanceof FeelDate ? a.date : a instanceof FeelDateTime ? a.dateTime.toPlainDate() : null;
    const y = b instanceof FeelDate ? b.date : b instanceof FeelDateTime ? b.dateTime.toPlainDate() : null;
    if (!x || !y) return fail(c, 'years and months duration(): arguments must be dates or date and times');
    const d = x.until(y, { largestUnit: 'months' });
    const shiftMonths = ((b as FeelDate | FeelDateTime).yearShift - (a as FeelDate | FeelDateTime).yearShift) * 12;
    return new FeelYearsMonthsDuration(d.months + shiftMonths || 0);
  }, SLOW_COST),
  def('number', ['from, grouping separator?, decimal separator?'], ([v, g, d], c) => {
    const s = str(v, c, 'number', 'from');
    return s === null ? null : numberFrom(s, g, d, c);
  }),
  def('string', ['from'], ([v], c) => (v === null || v === undefined ? null : feelToString(v, false, c.budget))),
  def('not', ['negand'], ([v]) => (typeof v === 'boolean' ? !v : null)),
  def('is', ['value1, value2'], ([a, b]) => isSame(a ?? null, b ?? null), SLOW_COST),
];

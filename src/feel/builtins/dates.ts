import { Temporal } from 'temporal-polyfill';
import { civilFromDays } from '../../dates/civil-days';
import { Decimal } from '../decimal';
import {
  type CallContext, FeelDate, FeelDateTime, type FeelFunction, type FeelValue, typeNameOf,
} from '../values';
import { def, fail, SLOW_COST } from './define';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The calendar fields of a date or date-time (a date-time answers them itself: no copy). */
function dateOf(v: FeelValue | undefined, fn: string, c: CallContext): Temporal.PlainDate | Temporal.PlainDateTime | null {
  if (v instanceof FeelDate) return v.date;
  if (v instanceof FeelDateTime) return v.dateTime;
  if (v !== null && v !== undefined) c.warn(`${fn}(): 'date' must be a date, got ${typeNameOf(v)}`);
  return null;
}

function nowUtc(c: CallContext): Temporal.PlainDateTime | null {
  const ms = c.now();
  if (!Number.isFinite(ms)) return null;
  return utcDateTime(ms);
}

/**
 * The UTC wall-clock date-time of epoch milliseconds by day arithmetic (what
 * `Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO('UTC')` gives, without the polyfill's
 * zone machinery, which a case runs too rarely to keep warm).
 */
export function utcDateTime(ms: number): Temporal.PlainDateTime {
  const days = Math.floor(ms / 86_400_000);
  const inDay = ms - days * 86_400_000;
  const { year, month, day } = civilFromDays(days);
  const secs = Math.floor(inDay / 1000);
  return new Temporal.PlainDateTime(year, month, day, Math.floor(secs / 3600), Math.floor(secs / 60) % 60, secs % 60, inDay - secs * 1000);
}

export const DATES: FeelFunction[] = [
  def('day of year', ['date'], ([d], c) => {
    const x = dateOf(d, 'day of year', c);
    return x && new Decimal(x.dayOfYear);
  }),
  def('day of week', ['date'], ([d], c) => {
    const x = dateOf(d, 'day of week', c);
    return x && DAYS[x.dayOfWeek - 1];
  }),
  def('month of year', ['date'], ([d], c) => {
    const x = dateOf(d, 'month of year', c);
    return x && MONTHS[x.month - 1];
  }),
  def('week of year', ['date'], ([d], c) => {
    const x = dateOf(d, 'week of year', c);
    return x && new Decimal(x.weekOfYear ?? 0);
  }, SLOW_COST),
  def('last day of month', ['date'], ([d], c) => {
    const x = dateOf(d, 'last day of month', c);
    return x && new FeelDate(new Temporal.PlainDate(x.year, x.month, x.daysInMonth), (d as FeelDate | FeelDateTime).yearShift);
  }, SLOW_COST),
  def('now', [''], (_a, c) => {
    const n = nowUtc(c);
    return n ? new FeelDateTime(n, 0) : fail(c, 'now(): no clock');
  }, SLOW_COST),
  def('today', [''], (_a, c) => {
    const n = nowUtc(c);
    return n ? new FeelDate(n.toPlainDate()) : fail(c, 'today(): no clock');
  }, SLOW_COST),
];

import { Temporal } from 'temporal-polyfill';
import { civilFromDays, daysFromCivil } from '../dates/civil-days';
import { Decimal } from './decimal';
import { FeelDate, FeelDateTime, FeelDaysTimeDuration, FeelTime, FeelYearsMonthsDuration } from './values';

/** Temporal values of FEEL: parsing from ISO 8601 text, formatting, and the zone helpers. */

const DATE_RE = /^(-?\d{4,9})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:(Z|z)|([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?(?:@(.+))?$/;
const DURATION_RE = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d*)?)S)?)?$/;

/**
 * Temporal values are immutable and parsing them through temporal-polyfill costs microseconds, so
 * each parser remembers its last texts (`date("2024-01-01")` in a rule runs on every evaluation).
 * The memo is cleared when full: a bounded memory cost whatever the input.
 */
function memoized<T>(parse: (s: string) => T): (s: string) => T {
  const memo = new Map<string, T>();
  return (s) => {
    const hit = memo.get(s);
    if (hit !== undefined || memo.has(s)) return hit as T;
    if (memo.size >= 4096) memo.clear();
    const v = parse(s);
    memo.set(s, v);
    return v;
  };
}

/** `2024-02-29` -> date, or null. */
export const parseDate = memoized(parseDateUncached);
/** `10:30:00`, `10:30:00.5+01:00`, `10:30:00@Europe/Paris` -> time, or null. */
export const parseTime = memoized(parseTimeUncached);
/** `2024-01-01T10:00:00Z`, `...@Europe/Paris`, or a bare date (midnight) -> date and time, or null. */
export const parseDateTime = memoized(parseDateTimeUncached);
/** `P1Y2M`, `-P3DT4H`, `PT0.5S` -> one of the two FEEL duration kinds, or null (mixed kinds are invalid). */
export const parseDuration = memoized(parseDurationUncached);

export function plainDate(y: number, m: number, d: number): Temporal.PlainDate | null {
  try {
    return Temporal.PlainDate.from({ year: y, month: m, day: d }, { overflow: 'reject' });
  } catch {
    return null;
  }
}

const SAFE_YEAR = 200_000;
const MAX_YEAR = 999_999_999;
const NS_PER_400_YEARS = 146_097n * 86_400_000_000_000n;

/** Splits a year into one Temporal can hold and a multiple of 400 to add back (see FeelDate). */
export function splitYear(year: number): [number, number] {
  if (Math.abs(year) <= SAFE_YEAR) return [year, 0];
  const mapped = (((year % 400) + 400) % 400) + 2000;
  return [mapped, year - mapped];
}

/** Nanoseconds spanned by a year shift (exact: 400 Gregorian years are 146,097 days). */
export function shiftNs(yearShift: number): bigint {
  return yearShift === 0 ? 0n : BigInt(yearShift / 400) * NS_PER_400_YEARS;
}

/** A FEEL date from year, month and day (years up to ±999,999,999), or null. */
export function makeDate(y: number, m: number, d: number): FeelDate | null {
  if (Math.abs(y) > MAX_YEAR) return null;
  const [year, shift] = splitYear(y);
  const pd = plainDate(year, m, d);
  return pd ? new FeelDate(pd, shift) : null;
}

/** `2024-02-29` -> date, or null. */
function parseDateUncached(s: string): FeelDate | null {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  if (m[1].replace('-', '').length > 4 && m[1].replace('-', '').startsWith('0')) return null;
  return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

interface TimeParts {
  time: Temporal.PlainTime;
  offset: number | null;
  zone: string | null;
  /** 24:00:00 rolls over to the next day. */
  endOfDay: boolean;
}

function parseTimeParts(s: string): TimeParts | null {
  const m = TIME_RE.exec(s);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = Number(m[3]);
  let endOfDay = false;
  if (hour === 24 && minute === 0 && second === 0 && !m[4]) {
    hour = 0;
    endOfDay = true;
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  const frac = (m[4] ?? '').slice(1).padEnd(9, '0').slice(0, 9);
  const time = new Temporal.PlainTime(hour, minute, second, Number(frac.slice(0, 3)), Number(frac.slice(3, 6)), Number(frac.slice(6, 9)));
  let offset: number | null = null;
  if (m[5]) offset = 0;
  else if (m[6]) {
    const oh = Number(m[7]);
    const om = Number(m[8]);
    const os = Number(m[9] ?? 0);
    if (oh > 18 || om > 59 || os > 59) return null;
    offset = (m[6] === '-' ? -1 : 1) * (oh * 3600 + om * 60 + os);
  }
  let zone: string | null = null;
  if (m[10]) {
    if (offset !== null) return null;
    zone = canonicalZone(m[10]);
    if (!zone) return null;
  }
  return { time, offset, zone, endOfDay };
}

/** The canonical IANA zone id, or null when unknown. */
export function canonicalZone(z: string): string | null {
  try {
    return Temporal.ZonedDateTime.from({ timeZone: z, year: 2000, month: 1, day: 1 }).timeZoneId;
  } catch {
    return null;
  }
}

/** `10:30:00`, `10:30:00.5+01:00`, `10:30:00@Europe/Paris` -> time, or null. */
function parseTimeUncached(s: string): FeelTime | null {
  const p = parseTimeParts(s);
  return p ? new FeelTime(p.time, p.offset, p.zone) : null;
}

/** `2024-01-01T10:00:00Z`, `...@Europe/Paris`, or a bare date (midnight) -> date and time, or null. */
function parseDateTimeUncached(s: string): FeelDateTime | null {
  const t = s.indexOf('T');
  if (t < 0) {
    const d = parseDate(s);
    return d ? new FeelDateTime(d.date.toPlainDateTime(), null, null, d.yearShift) : null;
  }
  const d = parseDate(s.slice(0, t));
  const p = parseTimeParts(s.slice(t + 1));
  if (!d || !p) return null;
  let date = d.date;
  if (p.endOfDay) date = date.add({ days: 1 });
  return makeDateTime(date.toPlainDateTime(p.time), p.offset, p.zone, d.yearShift);
}

/** Builds a date and time, resolving a zone's offset at that wall-clock time. */
export function makeDateTime(dt: Temporal.PlainDateTime, offset: number | null, zone: string | null, yearShift = 0): FeelDateTime | null {
  if (zone) {
    try {
      const z = dt.toZonedDateTime(zone);
      return new FeelDateTime(dt, z.offsetNanoseconds / 1e9, zone, yearShift);
    } catch {
      return null;
    }
  }
  return new FeelDateTime(dt, offset, null, yearShift);
}

/** `P1Y2M`, `-P3DT4H`, `PT0.5S` -> one of the two FEEL duration kinds, or null (mixed kinds are invalid). */
function parseDurationUncached(s: string): FeelDaysTimeDuration | FeelYearsMonthsDuration | null {
  const m = DURATION_RE.exec(s);
  if (!m || s.endsWith('T') || s === 'P' || s === '-P') return null;
  const neg = m[1] ? -1 : 1;
  const hasYM = m[2] !== undefined || m[3] !== undefined;
  const hasDT = m[4] !== undefined || m[5] !== undefined || m[6] !== undefined || m[7] !== undefined;
  if (hasYM && !hasDT) return new FeelYearsMonthsDuration(neg * (Number(m[2] ?? 0) * 12 + Number(m[3] ?? 0)) || 0);
  if (hasYM) {
    // Both kinds: only a years-and-months duration can hold years, and the day part must then be zero.
    return null;
  }
  const secs = new Decimal(m[4] ?? 0).times(86400).plus(new Decimal(m[5] ?? 0).times(3600)).plus(new Decimal(m[6] ?? 0).times(60)).plus(new Decimal(m[7] ?? 0));
  return new FeelDaysTimeDuration(neg < 0 ? secs.negated() : secs);
}

/** Parses either duration kind, with mixed `P1Y2DT3H` read as years and months plus days and time. */
export function parseAnyDuration(s: string): FeelDaysTimeDuration | FeelYearsMonthsDuration | null {
  return parseDuration(s);
}

// ---- formatting --------------------------------------------------------------------------------

function pad(n: number, w = 2): string {
  return String(Math.abs(n)).padStart(w, '0');
}

export function formatDate(d: Temporal.PlainDate, yearShift = 0): string {
  const y = d.year + yearShift;
  return `${y < 0 ? '-' : ''}${pad(y, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

function formatFraction(t: Temporal.PlainTime): string {
  const ns = t.millisecond * 1e6 + t.microsecond * 1e3 + t.nanosecond;
  return ns ? '.' + String(ns).padStart(9, '0').replace(/0+$/, '') : '';
}

export function formatOffset(offset: number): string {
  if (offset === 0) return 'Z';
  const a = Math.abs(offset);
  const s = a % 60;
  return `${offset < 0 ? '-' : '+'}${pad(Math.floor(a / 3600))}:${pad(Math.floor((a % 3600) / 60))}${s ? ':' + pad(s) : ''}`;
}

export function formatPlainTime(t: Temporal.PlainTime): string {
  return `${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${formatFraction(t)}`;
}

export function formatTime(v: FeelTime): string {
  return formatPlainTime(v.time) + (v.zone ? '@' + v.zone : v.offset !== null ? formatOffset(v.offset) : '');
}

export function formatDateTime(v: FeelDateTime): string {
  const base = `${formatDate(v.dateTime.toPlainDate(), v.yearShift)}T${formatPlainTime(v.dateTime.toPlainTime())}`;
  return base + (v.zone ? '@' + v.zone : v.offset !== null ? formatOffset(v.offset) : '');
}

export function formatDaysTime(d: FeelDaysTimeDuration): string {
  let s = d.seconds;
  if (s.isZero()) return 'PT0S';
  const neg = s.isNegative();
  s = s.abs();
  const days = s.divToInt(86400);
  s = s.minus(days.times(86400));
  const hours = s.divToInt(3600);
  s = s.minus(hours.times(3600));
  const minutes = s.divToInt(60);
  s = s.minus(minutes.times(60));
  let out = (neg ? '-' : '') + 'P';
  if (!days.isZero()) out += days.toFixed() + 'D';
  if (!hours.isZero() || !minutes.isZero() || !s.isZero()) {
    out += 'T';
    if (!hours.isZero()) out += hours.toFixed() + 'H';
    if (!minutes.isZero()) out += minutes.toFixed() + 'M';
    if (!s.isZero()) out += s.toFixed() + 'S';
  }
  return out;
}

export function formatYearsMonths(d: FeelYearsMonthsDuration): string {
  const m = Math.abs(d.months);
  if (m === 0) return 'P0M';
  const y = Math.floor(m / 12);
  const mo = m % 12;
  return `${d.months < 0 ? '-' : ''}P${y ? y + 'Y' : ''}${mo || !y ? mo + 'M' : ''}`;
}

// ---- instants ----------------------------------------------------------------------------------

/** Epoch nanoseconds of a date and time with an offset or zone; null for a local one. */
export function epochNs(v: FeelDateTime): bigint | null {
  if (v.offset === null) return null;
  return localNs(v.dateTime) + shiftNs(v.yearShift) - BigInt(Math.round(v.offset * 1e9));
}

/** Nanoseconds of a wall-clock date-time as if it were UTC (plain arithmetic: the polyfill's is slow). */
export function localNs(dt: Temporal.PlainDateTime): bigint {
  const dayNs = ((dt.hour * 60 + dt.minute) * 60 + dt.second) * 1e9 + dt.millisecond * 1e6 + dt.microsecond * 1e3 + dt.nanosecond;
  return BigInt(daysFromCivil(dt.year, dt.month, dt.day)) * NS_PER_DAY + BigInt(dayNs);
}

const NS_PER_DAY = 86_400_000_000_000n;

/**
 * A date `days` days after `d` (negative: before), by day arithmetic; undefined when the result
 * leaves the years held without a shift (the caller then takes Temporal's way).
 */
export function addDays(d: Temporal.PlainDate, days: number): Temporal.PlainDate | undefined {
  if (days === 0) return d;
  const { year: y, month: m, day } = civilFromDays(daysFromCivil(d.year, d.month, d.day) + days);
  if (Math.abs(y) > SAFE_YEAR) return undefined;
  return calendarDate(y, m, day);
}

/**
 * The PlainDate of a valid year (|year| ≤ 200,000), month and day. PlainDates are immutable and
 * the polyfill's constructor validates at length (about a microsecond), so the dates made by
 * arithmetic are remembered by year, month and day (a `Map` cleared when full, as the parsers').
 */
export function calendarDate(year: number, month: number, day: number): Temporal.PlainDate {
  const key = (year * 16 + month) * 32 + day;
  let d = dates.get(key);
  if (d === undefined) {
    if (dates.size >= 4096) dates.clear();
    d = new Temporal.PlainDate(year, month, day);
    dates.set(key, d);
  }
  return d;
}

const dates = new Map<number, Temporal.PlainDate>();

/**
 * A date `months` months after `d`, the day clamped to the month's length (Temporal's `add` with
 * `overflow: 'constrain'`), by plain arithmetic; undefined outside the years held without a shift.
 */
export function addMonths(d: Temporal.PlainDate | Temporal.PlainDateTime, months: number): { year: number; month: number; day: number } | undefined {
  if (!Number.isSafeInteger(months)) return undefined;
  const total = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(total / 12);
  if (Math.abs(year) > SAFE_YEAR) return undefined;
  const month = total - year * 12 + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/**
 * A wall-clock date-time `seconds` (an integer, |seconds| < 10^15) later, by day arithmetic
 * (Temporal's `add` of a seconds duration to a PlainDateTime); undefined outside the years held
 * without a shift.
 */
export function addWholeSeconds(dt: Temporal.PlainDateTime, seconds: number): Temporal.PlainDateTime | undefined {
  const inDay = (dt.hour * 60 + dt.minute) * 60 + dt.second + (seconds % 86_400);
  const carry = Math.floor(inDay / 86_400);
  const days = Math.trunc(seconds / 86_400) + carry;
  const t = inDay - carry * 86_400;
  const { year, month, day } = civilFromDays(daysFromCivil(dt.year, dt.month, dt.day) + days);
  if (Math.abs(year) > SAFE_YEAR) return undefined;
  return new Temporal.PlainDateTime(year, month, day, Math.floor(t / 3600), Math.floor(t / 60) % 60, t % 60, dt.millisecond, dt.microsecond, dt.nanosecond);
}

/** Nanoseconds since midnight. */
export function timeNs(t: Temporal.PlainTime): bigint {
  return BigInt(((t.hour * 60 + t.minute) * 60 + t.second) * 1e9 + t.millisecond * 1e6 + t.microsecond * 1e3 + t.nanosecond);
}

/** A time's offset in seconds: fixed, or the zone's offset today-independent (its offset on 1970-01-01). */
export function timeOffset(v: FeelTime): number | null {
  if (v.offset !== null) return v.offset;
  if (v.zone) {
    // A fixed date's zone rules never change: each zone and hour is asked of Temporal once
    // (the polyfill takes tens of microseconds for it). At most 24 entries per zone in use.
    const key = `${v.zone}\u0000${v.time.hour}`;
    const hit = zoneOffsets.get(key);
    if (hit !== undefined) return hit;
    let offset: number | null;
    try {
      offset = Temporal.PlainDateTime.from({ year: 1970, month: 1, day: 1, hour: v.time.hour }).toZonedDateTime(v.zone).offsetNanoseconds / 1e9;
    } catch {
      offset = null;
    }
    if (zoneOffsets.size >= 4096) zoneOffsets.clear();
    zoneOffsets.set(key, offset);
    return offset;
  }
  return null;
}

const zoneOffsets = new Map<string, number | null>();

/** Decimal seconds -> a Temporal duration (seconds + nanoseconds) for exact addition. */
export function toTemporalDuration(seconds: Decimal): Temporal.Duration {
  // Durations are mostly literals (`@"P1D"`), the same decimal on every evaluation: converted once.
  const hit = durations.get(seconds);
  if (hit !== undefined) return hit;
  const whole = seconds.trunc();
  const ns = seconds.minus(whole).times(1e9).trunc();
  const d = Temporal.Duration.from({ seconds: whole.toNumber(), nanoseconds: ns.toNumber() });
  durations.set(seconds, d);
  return d;
}

/** Decimals are immutable, and so are Temporal durations: a weak cache keyed by the decimal. */
const durations = new WeakMap<Decimal, Temporal.Duration>();

/** Decimal seconds between two instants given in nanoseconds. */
export function nsToSeconds(ns: bigint): Decimal {
  return new Decimal(ns.toString()).div(1e9);
}

export { Temporal };

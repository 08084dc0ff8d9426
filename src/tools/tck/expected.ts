/**
 * Expected TCK values, read without the engine under test: numbers with decimal.js itself (not
 * FEEL's clone), XML Schema dates, times, date-times and durations with the small parsers below.
 * `compareExact` then checks a FEEL result field by field, as the reference runners compare
 * java.time values: same kind, same local fields, same fraction of a second, same offset or zone.
 */
import DecimalJs from 'decimal.js';

/** A date as written in xsd:date / the date part of xsd:dateTime. */
export interface XsdDate { readonly year: number; readonly month: number; readonly day: number }

/** A time of day: fraction in nanoseconds; `offset` in seconds east of UTC, null when local. */
export interface XsdTime {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly nanos: number;
  readonly offset: number | null;
}

export type Expected =
  | { readonly kind: 'number'; readonly value: DecimalJs }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'date'; readonly date: XsdDate }
  | { readonly kind: 'time'; readonly time: XsdTime }
  | { readonly kind: 'dateTime'; readonly date: XsdDate; readonly time: XsdTime }
  | { readonly kind: 'yearMonthDuration'; readonly months: bigint }
  | { readonly kind: 'dayTimeDuration'; readonly nanos: bigint }
  | { readonly kind: 'unparsable'; readonly type: string; readonly text: string };

const NUMERIC = new Set(['decimal', 'double', 'float', 'int', 'integer', 'long', 'short', 'byte', 'nonNegativeInteger', 'positiveInteger', 'negativeInteger', 'nonPositiveInteger', 'unsignedInt', 'unsignedLong']);
const DATE = /^(-?\d{4,})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$/;
const DURATION = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d{1,9}))?S)?)?$/;

/** Reads a typed simple value of a test file; null for INF/NaN numbers (FEEL has none). */
export function readExpected(type: string | undefined, raw: string): Expected | null {
  const text = type === undefined || type === 'string' ? raw : raw.trim();
  if (type === undefined || type === 'string' || type === 'anyURI' || type === 'QName') return { kind: 'string', value: text };
  if (type === 'boolean') return { kind: 'boolean', value: text === 'true' || text === '1' };
  if (NUMERIC.has(type)) return text === 'INF' || text === '-INF' || text === 'NaN' ? null : { kind: 'number', value: new DecimalJs(text) };
  const parsed = type === 'date' ? date(text)
    : type === 'time' ? time(text)
    : type === 'dateTime' ? dateTime(text)
    : type === 'duration' || type === 'dayTimeDuration' || type === 'yearMonthDuration' ? duration(text)
    : { kind: 'string' as const, value: raw };
  return parsed ?? { kind: 'unparsable', type, text };
}

function date(text: string): Expected | null {
  const d = dateParts(text);
  return d && { kind: 'date', date: d };
}

function dateParts(text: string): XsdDate | null {
  const m = DATE.exec(text);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

function timeParts(text: string): XsdTime | null {
  const m = TIME.exec(text);
  if (!m) return null;
  let offset: number | null = null;
  if (m[5] === 'Z') offset = 0;
  else if (m[5]) offset = (m[5][0] === '-' ? -1 : 1) * (Number(m[5].slice(1, 3)) * 3600 + Number(m[5].slice(4, 6)) * 60);
  return { hour: Number(m[1]), minute: Number(m[2]), second: Number(m[3]), nanos: Number((m[4] ?? '').padEnd(9, '0')), offset };
}

function time(text: string): Expected | null {
  const t = timeParts(text);
  return t && { kind: 'time', time: t };
}

function dateTime(text: string): Expected | null {
  const at = text.indexOf('T');
  const d = at > 0 ? dateParts(text.slice(0, at)) : null;
  const t = d ? timeParts(text.slice(at + 1)) : null;
  return d && t ? { kind: 'dateTime', date: d, time: t } : null;
}

function duration(text: string): Expected | null {
  const m = DURATION.exec(text);
  if (!m || text.endsWith('T') || /^-?P$/.test(text)) return null;
  const sign = m[1] ? -1n : 1n;
  const big = (s: string | undefined) => BigInt(s ?? 0);
  const yearMonth = m[2] !== undefined || m[3] !== undefined;
  const dayTime = m[4] !== undefined || m[5] !== undefined || m[6] !== undefined || m[7] !== undefined;
  if (yearMonth && dayTime) return null;
  if (yearMonth) return { kind: 'yearMonthDuration', months: sign * (big(m[2]) * 12n + big(m[3])) };
  const seconds = ((big(m[4]) * 24n + big(m[5])) * 60n + big(m[6])) * 60n + big(m[7]);
  return { kind: 'dayTimeDuration', nanos: sign * (seconds * 1_000_000_000n + BigInt((m[8] ?? '').padEnd(9, '0'))) };
}

/** The text of an expected value for failure details. */
export function describeExpected(e: Expected): string {
  switch (e.kind) {
    case 'number': return e.value.toString();
    case 'string': return JSON.stringify(e.value);
    case 'boolean': return String(e.value);
    case 'date': return `date ${dateText(e.date)}`;
    case 'time': return `time ${timeText(e.time)}`;
    case 'dateTime': return `date and time ${dateText(e.date)}T${timeText(e.time)}`;
    case 'yearMonthDuration': return `years and months duration of ${e.months} months`;
    case 'dayTimeDuration': return `days and time duration of ${e.nanos} ns`;
    case 'unparsable': return `unparsable ${e.type} ${JSON.stringify(e.text)}`;
  }
}

function dateText(d: XsdDate): string {
  return `${d.year}-${d.month}-${d.day}`;
}

function timeText(t: XsdTime): string {
  return `${t.hour}:${t.minute}:${t.second}.${String(t.nanos).padStart(9, '0')}${t.offset === null ? '' : ` offset ${t.offset}s`}`;
}

interface ActualTime { readonly hour: number; readonly minute: number; readonly second: number; readonly millisecond: number; readonly microsecond: number; readonly nanosecond: number }
interface ActualDate { readonly year: number; readonly month: number; readonly day: number }

/**
 * True when a FEEL result equals the expected value exactly: numbers within 1e-8 (as the reference
 * runners allow for doubles), strings and booleans by identity, temporals field by field (kind,
 * local date and time, nanoseconds, offset; a result with an IANA zone never equals an offset), and
 * durations by their exact length in months or nanoseconds.
 */
export function matchesExactly(e: Expected, actual: unknown): boolean {
  switch (e.kind) {
    case 'string':
    case 'boolean':
      return actual === e.value;
    case 'number':
      return isFeelNumber(actual) && new DecimalJs(actual.toString()).minus(e.value).abs().lt(TOLERANCE);
    case 'date':
      return kindOf(actual) === 'date' && sameDate(e.date, fields(actual, 'date') as ActualDate, yearShift(actual));
    case 'time':
      return kindOf(actual) === 'time' && sameTime(e.time, fields(actual, 'time') as ActualTime, actual);
    case 'dateTime': {
      if (kindOf(actual) !== 'date and time') return false;
      const dt = fields(actual, 'dateTime') as ActualDate & ActualTime;
      return sameDate(e.date, dt, yearShift(actual)) && sameTime(e.time, dt, actual);
    }
    case 'yearMonthDuration':
      return kindOf(actual) === 'years and months duration' && BigInt(fields(actual, 'months') as number) === e.months;
    case 'dayTimeDuration':
      return kindOf(actual) === 'days and time duration' && secondsToNanos(String(fields(actual, 'seconds'))) === e.nanos;
    case 'unparsable':
      return false;
  }
}

const TOLERANCE = new DecimalJs('1e-8');

function isFeelNumber(v: unknown): v is { toString(): string } {
  // FEEL numbers are decimal.js-style objects (FEEL's own clone): a `d` digit array and `e` exponent.
  return typeof v === 'object' && v !== null && Array.isArray((v as { d?: unknown }).d) && typeof (v as { e?: unknown }).e === 'number' && !('kind' in v);
}

function kindOf(v: unknown): string | undefined {
  return typeof v === 'object' && v !== null && 'kind' in v ? String((v as { kind: unknown }).kind) : undefined;
}

function fields(v: unknown, key: string): unknown {
  return (v as Record<string, unknown>)[key];
}

function yearShift(v: unknown): number {
  return Number(fields(v, 'yearShift') ?? 0);
}

function sameDate(e: XsdDate, a: ActualDate, shift: number): boolean {
  return a.year + shift === e.year && a.month === e.month && a.day === e.day;
}

function sameTime(e: XsdTime, a: ActualTime, value: unknown): boolean {
  const nanos = a.millisecond * 1_000_000 + a.microsecond * 1000 + a.nanosecond;
  if (a.hour !== e.hour || a.minute !== e.minute || a.second !== e.second || nanos !== e.nanos) return false;
  const zone = fields(value, 'zone') as string | null;
  const offset = fields(value, 'offset') as number | null;
  return zone === null && offset === e.offset;
}

/** Decimal seconds as text (`-93784.5`, `1e-9`) to exact nanoseconds; NaN-safe via decimal.js. */
function secondsToNanos(text: string): bigint | null {
  const ns = new DecimalJs(text).times(1e9);
  return ns.isInteger() ? BigInt(ns.toFixed(0)) : null;
}

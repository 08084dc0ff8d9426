import { MS_PER_DAY } from './calendar';
import type { IsoDuration, Parsed } from './types';

/**
 * ISO 8601 durations as Zeebe reads them (`io.camunda.zeebe.model.bpmn.util.time.Interval.parse`):
 * `[-]P[n]Y[n]M[n]W[n]D[T[n]H[n]M[n[.f]]S]`, components in that order, each with an optional sign of
 * its own, a fraction on seconds only (`.` or `,`, up to nine digits), at least one component, and
 * at least one after `T`. The date part is a `java.time.Period` (weeks count as 7 days), the time
 * part a `java.time.Duration`.
 */

const DURATION_RE =
  /^([-+]?)P(?:([-+]?\d+)Y)?(?:([-+]?\d+)M)?(?:([-+]?\d+)W)?(?:([-+]?\d+)D)?(T(?:([-+]?\d+)H)?(?:([-+]?\d+)M)?(?:([-+]?\d+)(?:[.,](\d{0,9}))?S)?)?$/;

/** Java's `Period` components are `int`s; we hold the time components to the same bound. */
const MAX_COMPONENT = 2_147_483_647;
/** Far enough for any business timer, and keeps every due time inside the range of a JS `Date`. */
const MAX_SPAN_MS = 100_000 * 365.2425 * MS_PER_DAY;

export const ZERO_DURATION: IsoDuration = Object.freeze({
  years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0, milliseconds: 0,
});

/**
 * Parses an ISO 8601 duration.
 *
 * @example
 * parseIsoDuration('P1DT12H');  // { ok: true, value: { days: 1, hours: 12, ... } }
 * parseIsoDuration('-PT1.5S');  // { ok: true, value: { seconds: -1, milliseconds: -500, ... } }
 * parseIsoDuration('PT');       // { ok: false, reason: 'the duration has no parts' }
 */
export function parseIsoDuration(text: string): Parsed<IsoDuration> {
  const m = DURATION_RE.exec(text);
  if (!m) return { ok: false, reason: explainMismatch(text) };
  const [, sign, y, mo, w, d, tPart, h, mi, s, fraction] = m;
  if (y === undefined && mo === undefined && w === undefined && d === undefined && tPart === undefined) {
    return { ok: false, reason: 'the duration has no parts' };
  }
  if (tPart !== undefined && h === undefined && mi === undefined && s === undefined) {
    return { ok: false, reason: tPart === 'T' && y === undefined && mo === undefined && w === undefined && d === undefined
      ? 'the duration has no parts'
      : "'T' must be followed by hours, minutes or seconds" };
  }
  const g = sign === '-' ? -1 : 1;
  const parts = [y, mo, w, d, h, mi, s].map((p) => (p === undefined ? 0 : Number(p)));
  const tooLarge = parts.find((p) => Math.abs(p) > MAX_COMPONENT);
  if (tooLarge !== undefined) return { ok: false, reason: `the number ${Math.abs(tooLarge)} is too large (at most ${MAX_COMPONENT})` };
  const [years, months, weeks, days, hours, minutes, seconds] = parts.map((p) => g * p + 0);
  // The fraction takes the sign written on the seconds (`PT-0.5S` is minus half a second).
  const nanos = fraction ? Number(fraction.padEnd(9, '0')) * (s.startsWith('-') ? -1 : 1) : 0;
  const milliseconds = Math.floor((g * nanos) / 1e6) + 0;
  const duration: IsoDuration = { years, months, weeks, days, hours, minutes, seconds, milliseconds };
  if (approximateSpanMs(duration) > MAX_SPAN_MS) {
    return { ok: false, reason: 'the duration is too large (more than 100,000 years)' };
  }
  return { ok: true, value: duration };
}

/** The exact (time) part in milliseconds: hours, minutes, seconds and milliseconds. */
export function exactMillis(d: IsoDuration): number {
  return ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000 + d.milliseconds;
}

/** The calendar months of the date part (years count as 12). */
export function calendarMonths(d: IsoDuration): number {
  return d.years * 12 + d.months;
}

/** The calendar days of the date part (weeks count as 7). */
export function calendarDays(d: IsoDuration): number {
  return d.weeks * 7 + d.days;
}

/** True when some component is negative (a cycle interval may not go backwards, even in part). */
export function hasNegativePart(d: IsoDuration): boolean {
  return Object.values(d).some((v) => v < 0);
}

/** True when every component is zero. */
export function isZero(d: IsoDuration): boolean {
  return Object.values(d).every((v) => v === 0);
}

function approximateSpanMs(d: IsoDuration): number {
  const day = MS_PER_DAY;
  return Math.abs(d.years) * 365.2425 * day + Math.abs(d.months) * 31 * day + Math.abs(calendarDays(d)) * day + Math.abs(exactMillis(d));
}

function explainMismatch(text: string): string {
  if (text === '') return 'the value is empty';
  if (/[a-z]/.test(text) && DURATION_RE.test(text.toUpperCase())) {
    return 'the designators must be upper case (P, Y, M, W, D, T, H, S)';
  }
  if (!/^[-+]?P/.test(text)) return "a duration starts with 'P', as in PT10M or P1D";
  if (/\d[.,]\d*[YMWDH]/.test(text)) return 'only seconds may have a fraction (PT1.5S)';
  if (/T$/.test(text)) return "'T' must be followed by hours, minutes or seconds";
  return 'expected P[n]Y[n]M[n]W[n]DT[n]H[n]M[n]S with the parts in this order, e.g. P1DT12H or PT0.5S';
}

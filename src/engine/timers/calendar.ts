/**
 * Proleptic Gregorian calendar arithmetic on epoch milliseconds, in UTC or at a fixed offset.
 *
 * Integer math only (Howard Hinnant's `days_from_civil`), so every call is O(1) and never builds a
 * `Date` or a Temporal object: the timer scheduler calls these on hot paths. Zone-aware arithmetic
 * (DST) lives in `zoned.ts`.
 */

export const MS_PER_SECOND = 1_000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** A calendar date; `month` 1-12, `day` 1-31. */
import { civilFromDays, daysFromCivil, type CivilDate } from '../../dates/civil-days';

// Day numbers: shared with FEEL and the replay (src/dates); re-exported for the timers.
export { civilFromDays, daysFromCivil, type CivilDate } from '../../dates/civil-days';

/** A wall-clock date and time, without a zone. */
export interface LocalDateTime extends CivilDate {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The instant at which UTC shows `local` (no `Date`: `Date.UTC` maps years 0-99 to 1900-1999). */
export function utcMillisOfLocal(local: LocalDateTime): number {
  return daysFromCivil(local.year, local.month, local.day) * MS_PER_DAY
    + ((local.hour * 60 + local.minute) * 60 + local.second) * 1000 + local.millisecond;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month];
}

/** ISO weekday of a day number: 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDays(days: number): number {
  return ((((days % 7) + 7) % 7) + 3) % 7 + 1;
}

const MONTH_NAMES = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `February 2026`, for error messages. */
export function monthLabel(year: number, month: number): string {
  return `${MONTH_NAMES[month]} ${year}`;
}

/**
 * Adds calendar months and days to an instant read at a fixed offset (0 for UTC), as
 * `java.time` does for a `Period`: months first, clamping the day to the end of a shorter month
 * (Jan 31 + 1 month = Feb 28/29), then days; the time of day is kept.
 */
export function addCalendar(at: number, months: number, days: number, offsetMs = 0): number {
  const local = at + offsetMs;
  let dayNumber = Math.floor(local / MS_PER_DAY);
  const timeOfDay = local - dayNumber * MS_PER_DAY;
  if (months !== 0) {
    const { year, month, day } = civilFromDays(dayNumber);
    const index = year * 12 + (month - 1) + months;
    const y = Math.floor(index / 12);
    const m = index - y * 12 + 1;
    dayNumber = daysFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
  }
  return (dayNumber + days) * MS_PER_DAY + timeOfDay - offsetMs;
}

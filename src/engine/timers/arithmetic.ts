import { calendarDays, calendarMonths, exactMillis } from './duration';
import type { IsoDuration } from './types';
import { addCalendarIn } from './zoned';

/**
 * Adds an ISO duration to an instant as Zeebe does (`ZonedDateTime.plus(Period).plus(Duration)`):
 * the calendar part (years and months, clamped to the end of a shorter month, then weeks and days)
 * on the wall clock of `zone`, then the time part as exact milliseconds. `zone` is `null` for UTC
 * (the default, as for every timer without a zoned start), a fixed offset such as `+02:00`, or an
 * IANA id such as `Europe/Berlin`. O(1); UTC and offsets never touch Temporal.
 *
 * @example
 * const oneMonth = { ...ZERO_DURATION, months: 1 };
 * addDuration(Date.parse('2026-01-31T09:00:00Z'), oneMonth);      // 2026-02-28T09:00:00Z
 * const day = { ...ZERO_DURATION, days: 1 };
 * const hours24 = { ...ZERO_DURATION, hours: 24 };
 * const sat = Date.parse('2026-03-28T09:00:00Z');                  // 10:00 in Berlin, before DST starts
 * addDuration(sat, day, 'Europe/Berlin');                          // 2026-03-29T08:00:00Z (10:00 CEST)
 * addDuration(sat, hours24, 'Europe/Berlin');                      // 2026-03-29T09:00:00Z (11:00 CEST)
 */
export function addDuration(at: number, d: IsoDuration, zone: string | null = null): number {
  return addCalendarIn(at, calendarMonths(d), calendarDays(d), zone) + exactMillis(d);
}

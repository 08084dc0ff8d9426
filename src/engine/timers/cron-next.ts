import { civilFromDays, daysFromCivil, daysInMonth, MS_PER_DAY, weekdayOfDays } from './calendar';
import type { CronSpec } from './cron-parse';

/**
 * The next instant a cron expression matches, in UTC, without scanning minute by minute: whole
 * months are skipped by the month field, a month's matching days are one bit mask (day-of-month
 * AND day-of-week), and the time of day comes from three lookup tables. A call touches at most a
 * few hundred months even for the rarest pattern (February 29 on a Monday, every 28 years).
 */

/** The Gregorian calendar repeats after 400 years (146,097 days = 20,871 weeks): nothing new after that. */
export const CRON_SEARCH_MONTHS = 400 * 12 + 12;
/** The last year a JS `Date` can hold. */
const MAX_YEAR = 275_759;

/**
 * The first whole second strictly after `after` that matches `spec` (epoch ms), or null when none
 * exists within 400 years (then none ever does). As Spring's `CronExpression.next`.
 *
 * @example
 * const spec = parseCron('0 0 9-17 * * MON-FRI');
 * cronNext(spec.value, Date.parse('2026-04-24T17:00:00Z')); // Monday 2026-04-27T09:00:00Z
 */
export function cronNext(spec: CronSpec, after: number): number | null {
  const start = Math.floor(after / 1000) * 1000 + 1000;
  let dayNumber = Math.floor(start / MS_PER_DAY);
  let { year, month, day } = civilFromDays(dayNumber);
  let secondOfDay = (start - dayNumber * MS_PER_DAY) / 1000;

  for (let monthsSearched = 0; monthsSearched < CRON_SEARCH_MONTHS && year <= MAX_YEAR;) {
    if (spec.months[month]) {
      const rest = dayMask(spec, year, month) & ~((1 << (day - 1)) - 1);
      if (rest !== 0) {
        const first = 31 - Math.clz32(rest & -rest) + 1;
        if (first > day) {
          day = first;
          secondOfDay = 0;
        }
        const time = nextTimeOfDay(spec, secondOfDay);
        if (time !== -1) {
          dayNumber = daysFromCivil(year, month, day);
          return dayNumber * MS_PER_DAY + time * 1000;
        }
        // No time left today: try the next day of this month.
        if (day < daysInMonth(year, month)) {
          day += 1;
          secondOfDay = 0;
          continue;
        }
      }
    }
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    day = 1;
    secondOfDay = 0;
    monthsSearched++;
  }
  return null;
}

/** Bit d-1 set when day d of the month matches both day fields. */
export function dayMask(spec: CronSpec, year: number, month: number): number {
  const dim = daysInMonth(year, month);
  const full = dim === 31 ? 0x7fffffff : (1 << dim) - 1;
  let dom = spec.domMask;
  for (const s of spec.domSpecials) {
    const d = specialDay(s, year, month, dim);
    if (d >= 1 && d <= dim) dom |= 1 << (d - 1);
  }
  dom &= full;
  if (dom === 0) return 0;

  const weekdayOfFirst = weekdayOfDays(daysFromCivil(year, month, 1));
  let dow = 0;
  for (let w = 1; w <= 7; w++) {
    if (spec.dowMask & (1 << w)) {
      for (let d = firstWeekday(w, weekdayOfFirst); d <= dim; d += 7) dow |= 1 << (d - 1);
    }
  }
  for (const s of spec.dowSpecials) {
    const first = firstWeekday(s.weekday, weekdayOfFirst);
    const d = s.kind === 'nthInMonth' ? first + 7 * (s.n - 1) : first + 7 * Math.floor((dim - first) / 7);
    if (d <= dim) dow |= 1 << (d - 1);
  }
  return dom & dow;
}

/** The day of the month of the first `weekday` when the 1st is `weekdayOfFirst`. */
function firstWeekday(weekday: number, weekdayOfFirst: number): number {
  return ((weekday - weekdayOfFirst + 7) % 7) + 1;
}

function specialDay(s: CronSpec['domSpecials'][number], year: number, month: number, dim: number): number {
  const weekdayOf = (d: number) => weekdayOfDays(daysFromCivil(year, month, d));
  switch (s.kind) {
    case 'last':
      return dim - s.minus;
    case 'lastWeekday': {
      const w = weekdayOf(dim);
      return w === 6 ? dim - 1 : w === 7 ? dim - 2 : dim;
    }
    case 'nearestWeekday': {
      if (s.day > dim) return -1;
      const w = weekdayOf(s.day);
      // Saturday: the Friday before (the Monday after for the 1st); Sunday: the Monday after,
      // which Spring never finds when it falls in the next month.
      if (w === 6) return s.day === 1 ? 3 : s.day - 1;
      if (w === 7) return s.day + 1 <= dim ? s.day + 1 : -1;
      return s.day;
    }
  }
}

/** The first allowed second of the day at or after `secondOfDay`, or -1. */
function nextTimeOfDay(spec: CronSpec, secondOfDay: number): number {
  const h = Math.floor(secondOfDay / 3600);
  const m = Math.floor((secondOfDay % 3600) / 60);
  const s = secondOfDay % 60;
  const { nextHour, nextMinute, nextSecond } = spec;
  const hour = nextHour[h];
  if (hour === -1) return -1;
  if (hour > h) return hour * 3600 + nextMinute[0] * 60 + nextSecond[0];
  const minute = nextMinute[m];
  if (minute === m) {
    const second = nextSecond[s];
    if (second !== -1) return hour * 3600 + minute * 60 + second;
    const later = nextMinute[m + 1];
    if (later !== -1) return hour * 3600 + later * 60 + nextSecond[0];
  } else if (minute !== -1) {
    return hour * 3600 + minute * 60 + nextSecond[0];
  }
  const laterHour = nextHour[h + 1];
  return laterHour === -1 ? -1 : laterHour * 3600 + nextMinute[0] * 60 + nextSecond[0];
}

import { CalendarError } from './calendar-error';

/**
 * Shifts of an RRULE with `INTERVAL`, `UNTIL` or `COUNT` (every n weeks or days from DTSTART's week
 * or day, ending at a date or after a number of occurrences; ADR 0177). Times are wall-clock ms
 * (the calendar's zone read as UTC, as in `calendar.ts`). Rules without these parts stay weekly
 * shifts (`WeeklyCalendar.shifts`), on their own, faster, path.
 */

const DAY = 86_400_000;
const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** Occurrences `anchor + k * period + shifts[i]` (k >= 0) whose start is in [first, last]. */
export interface RecurringShifts {
  /** 00:00 of DTSTART's day (DAILY) or of the Monday of its week (WEEKLY), wall-clock ms. */
  anchor: number;
  period: number;
  /** Open intervals in ms from the period's start, sorted by start. */
  shifts: Array<[number, number]>;
  /** DTSTART: the first occurrence starts at or after it. */
  first: number;
  /** The last occurrence's start (`Number.MAX_SAFE_INTEGER`: no end). */
  last: number;
}

/** A rule's `UNTIL` as an instant (`Z`) still to be put on the calendar's wall clock. */
export interface PendingUntil {
  rule: RecurringShifts;
  utc: number;
}

/** True when the RRULE needs `RecurringShifts` (it has INTERVAL other than 1, UNTIL or COUNT). */
export function isBounded(rule: Record<string, string>): boolean {
  return (rule.INTERVAL !== undefined && rule.INTERVAL !== '1') || rule.UNTIL !== undefined || rule.COUNT !== undefined;
}

const positive = (value: string, part: string, where: string): number => {
  if (!/^[1-9]\d*$/.test(value)) throw new CalendarError(`${where}: RRULE ${part}=${value} is not a positive whole number`);
  return Number(value);
};

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The occurrences of a WEEKLY or DAILY rule from `start` to `end` (wall ms), with `parseTime`
 * reading UNTIL; a UTC UNTIL (`Z`) is returned as pending when `pending` is given.
 */
export function readBounded(rule: Record<string, string>, start: number, end: number, where: string, parseTime: (v: string) => number, pending: PendingUntil[]): RecurringShifts {
  const every = rule.INTERVAL === undefined ? 1 : positive(rule.INTERVAL, 'INTERVAL', where);
  if (rule.UNTIL !== undefined && rule.COUNT !== undefined) throw new CalendarError(`${where}: RRULE has both UNTIL and COUNT (RFC 5545 allows one)`);
  const byDay = rule.BYDAY ? rule.BYDAY.split(',').map((d) => {
    const n = DAYS.indexOf(d.slice(-2));
    if (n < 0 || d.length !== 2) throw new CalendarError(`${where}: BYDAY ${d} is not a day`);
    return n;
  }) : null;
  const startDay = Math.floor(start / DAY);
  const weekday = (epochDay: number) => (epochDay + 4) % 7; // 0 = Sunday (1970-01-01 was a Thursday)
  let anchorDay: number;
  let periodDays: number;
  const dayOffsets: number[] = [];
  if (rule.FREQ === 'DAILY') {
    anchorDay = startDay;
    periodDays = byDay ? (every * 7) / gcd(every, 7) : every;
    for (let j = 0; j < periodDays; j += every) if (!byDay || byDay.includes(weekday(startDay + j))) dayOffsets.push(j);
  } else {
    anchorDay = startDay - ((weekday(startDay) + 6) % 7); // the Monday of DTSTART's week (WKST=MO)
    periodDays = 7 * every;
    for (const d of byDay ?? [weekday(startDay)]) dayOffsets.push((d + 6) % 7);
    dayOffsets.sort((a, b) => a - b);
  }
  if (dayOffsets.length === 0) throw new CalendarError(`${where}: RRULE has no day to recur on (BYDAY ${rule.BYDAY} with INTERVAL=${every})`);
  const timeOfDay = start - startDay * DAY;
  const r: RecurringShifts = {
    anchor: anchorDay * DAY,
    period: periodDays * DAY,
    shifts: [...new Set(dayOffsets)].map((d) => [d * DAY + timeOfDay, d * DAY + timeOfDay + (end - start)]),
    first: start,
    last: Number.MAX_SAFE_INTEGER,
  };
  if (rule.COUNT !== undefined) r.last = nthStart(r, positive(rule.COUNT, 'COUNT', where));
  if (rule.UNTIL !== undefined) {
    const value = rule.UNTIL.trim();
    const t = parseTime(value);
    if (/^\d{8}$/.test(value)) r.last = t + DAY - 1; // a date: occurrences starting on that day count
    else if (/Z$/i.test(value)) {
      r.last = t;
      pending.push({ rule: r, utc: t });
    } else r.last = t;
  }
  return r;
}

/** The start of the `n`-th occurrence (1-based) at or after `first`. */
function nthStart(r: RecurringShifts, n: number): number {
  const inFirst = r.shifts.map(([a]) => r.anchor + a).filter((s) => s >= r.first);
  if (n <= inFirst.length) return inFirst[n - 1];
  const rest = n - inFirst.length - 1;
  const k = 1 + Math.floor(rest / r.shifts.length);
  return r.anchor + k * r.period + r.shifts[rest % r.shifts.length][0];
}

/** The occurrence [from, to) holding wall time `t`, or null. */
export function recurringAt(r: RecurringShifts, t: number): [number, number] | null {
  if (t < r.first) return null;
  const k = Math.floor((t - r.anchor) / r.period);
  for (let p = k; p >= k - 1 && p >= 0; p--) {
    const base = r.anchor + p * r.period;
    for (const [a, b] of r.shifts) {
      const s = base + a;
      if (s >= r.first && s <= r.last && t >= s && t < base + b) return [s, base + b];
    }
  }
  return null;
}

/** The earliest occurrence start >= `t` (wall ms), or Infinity when the rule has ended. */
export function nextRecurringStart(r: RecurringShifts, t: number): number {
  const from = Math.max(t, r.first);
  const k = Math.max(0, Math.floor((from - r.anchor) / r.period));
  for (let p = k; p <= k + 1; p++) {
    const base = r.anchor + p * r.period;
    for (const [a] of r.shifts) {
      const s = base + a;
      if (s > r.last) return Infinity;
      if (s >= from) return s;
    }
  }
  return Infinity;
}

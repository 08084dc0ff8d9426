import type { WeeklyCalendar } from './calendar';

/**
 * A weekly shift as people edit it: the days it starts on (0 = Monday … 6 = Sunday) and its times of
 * day in seconds; an `end` at or before `begin` ends on the next day (`begin` 0, `end` 0: all day).
 */
export interface WeeklyShift {
  days: number[];
  begin: number;
  end: number;
}

const DAY_S = 86_400;
const DAY_MS = DAY_S * 1000;
const ICAL_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/**
 * The iCalendar text of weekly shifts and holidays, as the BPSim `Calendar` the simulator reads
 * (`calendar.ts`): one weekly VEVENT per shift on its days (in the order given), anchored on
 * Monday 2024-01-01 in UTC like the simulated clock, and one all-day `SUMMARY:Holiday` VEVENT per holiday (epoch days, UTC).
 *
 * @example
 * calendarText([{ days: [0, 1, 2, 3, 4], begin: 9 * 3600, end: 17 * 3600 }], []);
 * // BEGIN:VCALENDAR … RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR … END:VCALENDAR
 */
export function calendarText(shifts: WeeklyShift[], holidays: number[], source = 'Simulation', zone?: string): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//Flowdeck//${source}//EN`];
  const tz = zone && zone !== 'UTC' ? `;TZID=${zone}` : '';
  shifts.forEach((s, i) => {
    const end = s.end <= s.begin ? s.end + DAY_S : s.end;
    const days = [...new Set(s.days)].map((d) => ICAL_DAYS[d]);
    lines.push('BEGIN:VEVENT', `UID:shift-${i + 1}`, `DTSTART${tz}:${stamp(s.begin)}`, `DTEND${tz}:${stamp(end)}`, `RRULE:FREQ=WEEKLY;BYDAY=${days.join(',')}`, 'END:VEVENT');
  });
  holidays.forEach((d, i) => {
    lines.push('BEGIN:VEVENT', `UID:holiday-${i + 1}`, 'SUMMARY:Holiday', `DTSTART;VALUE=DATE:${new Date(d * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '')}`, 'END:VEVENT');
  });
  lines.push('END:VCALENDAR');
  return lines.join('\n');
}

/**
 * The shifts of a calendar as people edit them: its open intervals cut at midnight where they last
 * longer than a day, grouped by times of day. `calendarText(shiftsOf(c), c.holidays)` opens at the
 * same times as `c`.
 */
export function shiftsOf(c: WeeklyCalendar): WeeklyShift[] {
  const pieces: Array<[number, number, number]> = [];
  for (const [a, b] of c.shifts) {
    if (b - a <= DAY_MS) pieces.push([Math.floor(a / DAY_MS) % 7, (a % DAY_MS) / 1000, ((a % DAY_MS) + (b - a)) / 1000]);
    else for (let from = a; from < b;) {
      const to = Math.min(b, (Math.floor(from / DAY_MS) + 1) * DAY_MS);
      pieces.push([Math.floor(from / DAY_MS) % 7, (from % DAY_MS) / 1000, (from % DAY_MS) / 1000 + (to - from) / 1000]);
      from = to;
    }
  }
  const rows = new Map<string, WeeklyShift>();
  for (const [day, begin, end] of pieces) {
    const key = `${begin}/${end}`;
    const row = rows.get(key) ?? { days: [], begin, end: end % DAY_S };
    if (!row.days.includes(day)) row.days.push(day);
    rows.set(key, row);
  }
  return [...rows.values()].map((r) => ({ ...r, days: r.days.sort((a, b) => a - b) })).sort((x, y) => x.days[0] - y.days[0] || x.begin - y.begin);
}

/** 2024-01-01 (a Monday) plus `s` seconds, as an iCalendar date-time. */
function stamp(s: number): string {
  const d = new Date(Date.UTC(2024, 0, 1) + s * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}T${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`;
}

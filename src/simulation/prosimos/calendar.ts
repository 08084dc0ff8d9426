import { calendarText } from '../calendar-text';
import type { WeeklyShift } from '../calendar-text';

/** A Prosimos calendar entry: every day from `from` to `to` (weekday names), open from `beginTime` to `endTime`. */
export interface ProsimosPeriod {
  from: string;
  to: string;
  beginTime: string;
  endTime: string;
}

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/**
 * The iCalendar text of a Prosimos calendar, as the BPSim `Calendar` the simulator reads
 * (`calendar.ts`): one weekly VEVENT per period, on the days from `from` to `to` (wrapping past
 * Sunday), anchored on Monday 2024-01-01 and in UTC like the simulated clock. An `endTime` at or
 * before `beginTime` (`00:00:00`) ends on the next day. Returns the problems of periods it skips.
 *
 * @example
 * toICalendar([{ from: 'MONDAY', to: 'FRIDAY', beginTime: '09:00:00', endTime: '17:00:00' }]).text;
 * // BEGIN:VCALENDAR … RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR … END:VCALENDAR
 */
export function toICalendar(periods: ProsimosPeriod[]): { text: string; problems: string[] } {
  const problems: string[] = [];
  const shifts: WeeklyShift[] = [];
  periods.forEach((p, i) => {
    const from = WEEKDAYS.indexOf(String(p.from).toUpperCase());
    const to = WEEKDAYS.indexOf(String(p.to).toUpperCase());
    const begin = seconds(p.beginTime);
    const end = seconds(p.endTime);
    if (from < 0 || to < 0 || begin === null || end === null) {
      problems.push(`period ${i + 1} (${JSON.stringify(p)}) is not weekday names and hh:mm:ss times`);
      return;
    }
    const days: number[] = [];
    for (let d = from; ; d = (d + 1) % 7) {
      days.push(d);
      if (d === to) break;
    }
    shifts.push({ days, begin, end });
  });
  return { text: calendarText(shifts, [], 'Prosimos import'), problems };
}

/** Seconds since midnight of `hh:mm:ss[.ffffff]`, rounded to the second (iCalendar has no fractions). */
function seconds(t: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(String(t).trim());
  if (!m) return null;
  const s = Number(m[1]) * 3600 + Number(m[2]) * 60 + Math.round(Number(m[3] ?? 0));
  return s <= 86_400 ? s : null;
}

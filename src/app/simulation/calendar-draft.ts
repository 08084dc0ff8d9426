import { calendarText, shiftsOf } from '../../simulation';
import type { WeeklyCalendar } from '../../simulation';

/** One weekly shift as the form edits it: days (0 = Monday … 6 = Sunday), times `HH:MM` (UTC); `to` at or before `from` ends the next day. */
export interface ShiftDraft {
  days: number[];
  from: string;
  to: string;
}

/** A calendar as the form edits it. */
export interface CalendarDraft {
  name: string;
  shifts: ShiftDraft[];
  /** Closed all day, `YYYY-MM-DD` on the calendar's wall clock. */
  holidays: string[];
  /** The IANA zone of the shifts' and holidays' wall clock (`UTC`: the simulated clock's). */
  zone: string;
  /** Shifts the form cannot show (RRULE INTERVAL, UNTIL, COUNT): read-only here, kept as the file has them. */
  kept?: boolean;
}

export const DAY_NAMES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const DAY_MS = 86_400_000;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const hhmm = (s: number) => `${String(Math.floor(s / 3600) % 24).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}`;
const seconds = (t: string) => Number(t.slice(0, 2)) * 3600 + Number(t.slice(3, 5)) * 60;

/** The form's values of a calendar read from the file. */
export function calendarDraftOf(c: WeeklyCalendar): CalendarDraft {
  return {
    name: c.name ?? c.id,
    shifts: shiftsOf(c).map((s) => ({ days: s.days, from: hhmm(s.begin), to: hhmm(s.end) })),
    holidays: c.holidays.map((d) => new Date(d * DAY_MS).toISOString().slice(0, 10)),
    zone: c.zone ?? 'UTC',
    ...(c.rules && c.rules.length > 0 ? { kept: true } : {}),
  };
}

/** A new calendar: Monday to Friday, 09:00 to 17:00. */
export function newCalendarDraft(name: string): CalendarDraft {
  return { name, shifts: [{ days: [0, 1, 2, 3, 4], from: '09:00', to: '17:00' }], holidays: [], zone: 'UTC' };
}

/** The iCalendar text the file keeps for a calendar draft (call only when it has no problems). */
export function calendarTextOf(c: CalendarDraft): string {
  return calendarText(c.shifts.map((s) => ({ days: s.days, begin: seconds(s.from), end: seconds(s.to) })), [...new Set(c.holidays)].sort().map((d) => Date.parse(`${d}T00:00:00Z`) / DAY_MS), 'Simulation', c.zone);
}

/** What is wrong with a calendar draft, each naming the calendar and the shift or holiday. */
export function calendarProblems(id: string, c: CalendarDraft): string[] {
  const out: string[] = [];
  if (c.kept) return out;
  const name = `The calendar ${c.name || id}`;
  if (c.shifts.length === 0) out.push(`${name} needs at least one shift (a calendar that is never open stops every task on it).`);
  c.shifts.forEach((s, i) => {
    if (s.days.length === 0) out.push(`${name}: shift ${i + 1} needs at least one day.`);
    if (!TIME.test(s.from) || !TIME.test(s.to)) out.push(`${name}: shift ${i + 1} needs its times as HH:MM.`);
  });
  if (!isZone(c.zone)) out.push(`${name}: ${c.zone || 'an empty zone'} is not a time zone (an IANA id such as Europe/Berlin, or UTC).`);
  c.holidays.forEach((d, i) => {
    if (!DATE.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`))) out.push(`${name}: holiday ${i + 1} needs a date.`);
  });
  return out;
}

/** True for an IANA zone id the browser knows (`Europe/Berlin`, `UTC`). */
export function isZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A new calendar id, not used by any of `ids`: `Calendar_1`, `Calendar_2`, … */
export function freeCalendarId(ids: string[]): string {
  for (let n = 1; ; n++) if (!ids.includes(`Calendar_${n}`)) return `Calendar_${n}`;
}

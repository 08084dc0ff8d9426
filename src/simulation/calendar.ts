import { offsetAt } from '../engine/timers/zone-offsets';
import { canonicalZoneId } from '../engine/timers/zoned';
import { CalendarError } from './calendar-error';
import { isBounded, nextRecurringStart, readBounded, recurringAt } from './calendar-rules';
import type { PendingUntil, RecurringShifts } from './calendar-rules';

export { CalendarError } from './calendar-error';

/**
 * Weekly working calendars read from the iCalendar text of a BPSim `Calendar` (RFC 5545 VEVENTs
 * with `RRULE:FREQ=WEEKLY;BYDAY=...` or `FREQ=DAILY` shifts, and `EXDATE` holidays). Times are
 * UTC: a floating `DTSTART` (no `Z`, no `TZID`) is read as UTC, as the simulated clock is, unless
 * the calendar names a zone (`DTSTART;TZID=Europe/Berlin:…` or `X-WR-TIMEZONE`): then shifts and
 * holidays are wall-clock times in that zone, and a shift at 09:00 stays at 09:00 across summer time.
 * RRULE `INTERVAL`, `UNTIL` and `COUNT` make `rules` (`calendar-rules.ts`, ADR 0177).
 */

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

export interface WeeklyCalendar {
  id: string;
  /** The `name` of its BPSim `Calendar`, when it has one. */
  name?: string;
  /** Open intervals in ms from Monday 00:00 UTC, sorted, non-overlapping, within [0, 2 weeks) (a shift may pass midnight on Sunday). */
  shifts: Array<[number, number]>;
  /** Epoch days (UTC) that are closed all day. */
  holidays: number[];
  /** The IANA zone whose wall clock the shifts and holidays are in (absent: UTC). */
  zone?: string;
  /** Shifts every n weeks or days, or ending (RRULE INTERVAL, UNTIL, COUNT); absent for plain weekly shifts. With rules, `zone` is set (`UTC` when the calendar names none). */
  rules?: RecurringShifts[];
}

/**
 * Reads the shifts and holidays of an iCalendar text.
 *
 * @example
 * const c = parseCalendar('week', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20240101T090000\nDTEND:20240101T170000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR\nEND:VEVENT\nEND:VCALENDAR');
 * isOpen(c, Date.parse('2024-01-03T10:00:00Z')); // true (a Wednesday)
 */
export function parseCalendar(id: string, text: string): WeeklyCalendar {
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const shifts: Array<[number, number]> = [];
  const holidays: number[] = [];
  const rules: RecurringShifts[] = [];
  const pending: PendingUntil[] = [];
  let event: Record<string, string> | null = null;
  let eventLine = 0;
  const zones = new Set<string>();
  lines.forEach((line, i) => {
    const tzid = /^(?:DTSTART|DTEND|EXDATE)[^:]*;TZID=([^;:]+)/i.exec(line)?.[1] ?? /^X-WR-TIMEZONE:(.+)$/i.exec(line)?.[1];
    if (tzid) {
      const zone = canonicalZoneId(tzid.trim().replace(/^"|"$/g, ''));
      if (!zone) throw new CalendarError(`calendar ${id}, line ${i + 1}: ${tzid} is not a time zone (an IANA id such as Europe/Berlin)`);
      zones.add(zone);
    }
    if (line === 'BEGIN:VEVENT') {
      event = {};
      eventLine = i + 1;
    } else if (line === 'END:VEVENT' && event) {
      addEvent(id, event, eventLine, { shifts, holidays, rules, pending });
      event = null;
    } else if (event) {
      const colon = line.indexOf(':');
      if (colon < 0) return;
      const name = line.slice(0, colon).split(';')[0].toUpperCase();
      event[name] = event[name] && name === 'EXDATE' ? `${event[name]},${line.slice(colon + 1)}` : line.slice(colon + 1);
    }
  });
  if (shifts.length === 0 && rules.length === 0) throw new CalendarError(`calendar ${id} has no recurring shift (a VEVENT with DTSTART, DTEND and RRULE:FREQ=WEEKLY or DAILY)`);
  if (zones.size > 1) throw new CalendarError(`calendar ${id} mixes time zones (${[...zones].join(', ')}); one calendar has one zone`);
  const calendar: WeeklyCalendar = { id, shifts: merge(shifts), holidays: [...new Set(holidays)].sort((a, b) => a - b) };
  const [zone] = zones;
  // A UTC UNTIL ends the rule at that instant, which is wall-clock time in the calendar's zone.
  for (const p of pending) if (zone && zone !== 'UTC') p.rule.last = p.utc + offsetAt(zone, p.utc);
  // A calendar with rules always has a zone (UTC when it names none): plain weekly UTC calendars,
  // the common case, then answer on their own path without looking for rules.
  if (rules.length > 0) return { ...calendar, zone: zone ?? 'UTC', rules };
  return zone && zone !== 'UTC' ? { ...calendar, zone } : calendar;
}

interface Collected {
  shifts: Array<[number, number]>;
  holidays: number[];
  rules: RecurringShifts[];
  pending: PendingUntil[];
}

function addEvent(id: string, e: Record<string, string>, line: number, { shifts, holidays, rules, pending }: Collected): void {
  const where = `calendar ${id}, VEVENT at line ${line}`;
  if (!e.DTSTART) throw new CalendarError(`${where}: DTSTART is missing`);
  const start = parseIcalTime(e.DTSTART, where);
  const end = e.DTEND ? parseIcalTime(e.DTEND, where) : e.DURATION ? NaN : start + DAY;
  if (!(end > start)) throw new CalendarError(`${where}: DTEND must be after DTSTART`);
  if (end - start > DAY) throw new CalendarError(`${where}: a shift longer than a day is not supported`);
  for (const ex of (e.EXDATE ?? '').split(',').filter(Boolean)) holidays.push(Math.floor(parseIcalTime(ex, where) / DAY));
  const rule = Object.fromEntries((e.RRULE ?? '').split(';').filter(Boolean).map((p) => p.split('=') as [string, string]));
  if (!rule.FREQ) {
    // A one-off event without shifts is a holiday when it says so; the simulator has no one-off openings.
    if ((e.SUMMARY ?? '').toLowerCase().includes('holiday') || e.TRANSP === 'OPAQUE') {
      for (let d = Math.floor(start / DAY); d * DAY < end; d++) holidays.push(d);
      return;
    }
    throw new CalendarError(`${where}: an event without RRULE is not simulated (only weekly or daily shifts, and holidays as EXDATE or SUMMARY:Holiday)`);
  }
  if (rule.FREQ !== 'WEEKLY' && rule.FREQ !== 'DAILY') throw new CalendarError(`${where}: RRULE FREQ=${rule.FREQ} is not simulated (WEEKLY or DAILY)`);
  if (isBounded(rule)) {
    rules.push(readBounded(rule, start, end, where, (v) => parseIcalTime(v, where), pending));
    return;
  }
  const startDay = new Date(start).getUTCDay();
  // BYDAY limits a DAILY rule to the days named, as it does a WEEKLY one (RFC 5545).
  const days = rule.BYDAY ? rule.BYDAY.split(',').map((d) => {
    const n = DAYS.indexOf(d.slice(-2));
    if (n < 0) throw new CalendarError(`${where}: BYDAY ${d} is not a day`);
    return n;
  }) : rule.FREQ === 'DAILY' ? [0, 1, 2, 3, 4, 5, 6] : [startDay];
  const timeOfDay = start % DAY;
  for (const d of days) {
    const from = ((d + 6) % 7) * DAY + timeOfDay; // Monday = 0
    shifts.push([from, from + (end - start)]);
  }
}

function parseIcalTime(value: string, where: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(value.trim());
  if (!m) throw new CalendarError(`${where}: ${value} is not an iCalendar date-time (YYYYMMDDTHHMMSS)`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
}

function merge(shifts: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...shifts].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

/** Monday 00:00 UTC of the week holding `t` (1970-01-01 was a Thursday). */
function weekStart(t: number): number {
  return Math.floor((t - 4 * DAY) / WEEK) * WEEK + 4 * DAY;
}

/** The open interval [from, to) holding `t`, or null. */
function openAt(c: WeeklyCalendar, t: number): [number, number] | null {
  if (c.holidays.includes(Math.floor(t / DAY))) return null;
  const base = weekStart(t);
  for (const w of [base, base - WEEK]) {
    for (const [a, b] of c.shifts) if (t >= w + a && t < w + b) return [w + a, w + b];
  }
  return null;
}

/** `openAt` with the calendar's rules too (kept apart so that plain weekly calendars take the short path). */
function openWithRulesAt(c: WeeklyCalendar, rules: RecurringShifts[], t: number): [number, number] | null {
  const weekly = openAt(c, t);
  if (weekly || c.holidays.includes(Math.floor(t / DAY))) return weekly;
  for (const r of rules) {
    const iv = recurringAt(r, t);
    if (iv) return iv;
  }
  return null;
}

/** The wall-clock time at instant `t` in the calendar's zone (ms since 1970 on its calendar). */
function wall(c: WeeklyCalendar, t: number): number {
  return c.zone ? t + offsetAt(c.zone, t) : t;
}

/** The instant showing wall-clock time `w` in the calendar's zone (in a gap of summer time, the hour after). */
function instant(c: WeeklyCalendar, w: number): number {
  return c.zone ? w - offsetAt(c.zone, w - offsetAt(c.zone, w)) : w;
}

/** True when the calendar is open at `t`. */
export function isOpen(c: WeeklyCalendar, t: number): boolean {
  if (!c.zone) return openAt(c, t) !== null;
  const w = wall(c, t);
  return (c.rules ? openWithRulesAt(c, c.rules, w) : openAt(c, w)) !== null;
}

/**
 * The earliest time >= `t` when the calendar is open (searches a year ahead; a calendar closed
 * that long is an error), or `Infinity` when it has ended for good (its RRULEs' UNTIL or COUNT passed).
 */
export function nextOpen(c: WeeklyCalendar, t: number): number {
  if (!c.zone) return nextOpenWall(c, t);
  const w = wall(c, t);
  const next = c.rules ? nextOpenWithRules(c, c.rules, w) : nextOpenWall(c, w);
  return next === Infinity ? next : Math.max(t, instant(c, next));
}

/** When the open interval holding `t` closes (`t` must be open). Holidays end a shift at midnight. */
export function closesAt(c: WeeklyCalendar, t: number): number {
  if (!c.zone) return closesAtWall(c, t);
  const w = wall(c, t);
  return Math.max(t, instant(c, c.rules ? closesWithRulesAt(c, c.rules, w) : closesAtWall(c, w)));
}

function nextOpenWall(c: WeeklyCalendar, t: number): number {
  if (openAt(c, t)) return t;
  const limit = t + 366 * DAY;
  let w = weekStart(t) - WEEK;
  while (w < limit) {
    for (const [a] of c.shifts) {
      const s = w + a;
      if (s >= t && !c.holidays.includes(Math.floor(s / DAY))) return s;
    }
    w += WEEK;
  }
  throw new CalendarError(`calendar ${c.id} is not open in the year after ${new Date(t).toISOString()}`);
}

function closesAtWall(c: WeeklyCalendar, t: number): number {
  const iv = openAt(c, t);
  if (!iv) return t;
  let end = iv[1];
  for (let d = Math.floor(t / DAY) + 1; d * DAY < end; d++) if (c.holidays.includes(d)) end = Math.min(end, d * DAY);
  return end;
}

/** `nextOpenWall` for a calendar with rules: the earliest start of a weekly shift or an occurrence, off holidays. */
function nextOpenWithRules(c: WeeklyCalendar, rules: RecurringShifts[], t: number): number {
  if (openWithRulesAt(c, rules, t)) return t;
  const limit = t + 366 * DAY;
  for (let from = t; from < limit;) {
    let s = Infinity;
    for (let w = weekStart(from); w <= weekStart(from) + WEEK && s === Infinity; w += WEEK) {
      for (const [a] of c.shifts) if (w + a >= from) {
        s = w + a;
        break;
      }
    }
    for (const r of rules) s = Math.min(s, nextRecurringStart(r, from));
    if (s === Infinity) return s;
    if (s >= limit) break;
    if (!c.holidays.includes(Math.floor(s / DAY))) return s;
    from = s + 1;
  }
  throw new CalendarError(`calendar ${c.id} is not open in the year after ${new Date(t).toISOString()}`);
}

/** `closesAtWall` for a calendar with rules: shifts of different rules may meet or overlap, and the calendar stays open across them. */
function closesWithRulesAt(c: WeeklyCalendar, rules: RecurringShifts[], t: number): number {
  const iv = openWithRulesAt(c, rules, t);
  if (!iv) return t;
  let end = iv[1];
  for (let next = openWithRulesAt(c, rules, end); next && next[1] > end; next = openWithRulesAt(c, rules, end)) end = next[1];
  for (let d = Math.floor(t / DAY) + 1; d * DAY < end; d++) if (c.holidays.includes(d)) end = Math.min(end, d * DAY);
  return end;
}

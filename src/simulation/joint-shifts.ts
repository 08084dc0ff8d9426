import { CalendarError, closesAt, nextOpen } from './calendar';
import type { WeeklyCalendar } from './calendar';

const YEAR = 366 * 86_400_000;

/**
 * Shifts of several calendars at once: a task holding units of several roles works only while
 * every one of their calendars is open (ADR 0176).
 */

/** The earliest time >= `t` when all calendars are open (searches a year ahead; never together is an error; `Infinity`: one has ended). */
export function nextOpenAll(calendars: readonly WeeklyCalendar[], t: number): number {
  let at = t;
  const limit = t + YEAR;
  while (at < limit) {
    let moved = false;
    for (const c of calendars) {
      const n = nextOpen(c, at);
      if (n === Infinity) return n;
      if (n > at) {
        at = n;
        moved = true;
      }
    }
    if (!moved) return at;
  }
  throw new CalendarError(`calendars ${calendars.map((c) => c.id).join(', ')} are not open at the same time in the year after ${new Date(t).toISOString()} (a task needs all its roles on shift)`);
}

/** When `workMs` of time on all the calendars' shifts, starting at `t`, is done. */
export function workEndAll(calendars: readonly WeeklyCalendar[], t: number, workMs: number): number {
  let at = t;
  let left = workMs;
  for (let guard = 0; guard < 100_000; guard++) {
    at = nextOpenAll(calendars, at);
    if (at === Infinity) return at;
    let close = Infinity;
    for (const c of calendars) close = Math.min(close, closesAt(c, at));
    if (at + left <= close) return at + left;
    left -= close - at;
    at = close;
  }
  return at + left;
}

/** Time in [from, to) when all calendars are open (what a task holding their roles has worked). */
export function openMsAll(calendars: readonly WeeklyCalendar[], from: number, to: number): number {
  let sum = 0;
  for (let t = from; t < to;) {
    t = nextOpenAll(calendars, t);
    if (t >= to) break;
    let close = to;
    for (const c of calendars) close = Math.min(close, closesAt(c, t));
    sum += close - t;
    t = close;
  }
  return sum;
}

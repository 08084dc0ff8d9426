import { addDuration } from './arithmetic';
import { cronNext } from './cron-next';
import { compiledCron, nextDue } from './due';
import type { TimerSchedule } from './types';
import { isFixedOffset } from './zoned';

/** What the scheduler does with a timer found due (perhaps long overdue) at `now`. */
export interface CatchUpPlan {
  /** Fire the timer now, once, with its own due time (false when it is not due yet). */
  fire: boolean;
  /** The due time to schedule after this fire, or null when the timer is over. */
  next: number | null;
  /**
   * Due times the timer would have had after the one that fires and up to `now` (a cycle's
   * repetitions missed while the host was down). They are skipped, not fired, and do not use up
   * repetitions. Counted up to {@link MAX_MISSED_COUNT}.
   */
  missed: number;
}

/** Beyond this many, `missed` stops counting (an every-second cron over a month of downtime). */
export const MAX_MISSED_COUNT = 10_000;

/**
 * The catch-up rule, as Zeebe does it: every overdue timer fires once, at once, with the due time
 * it had. A date or a duration is then over. A cycle does not replay the due times it missed: it
 * fires once and reschedules one interval after `now` (an ISO cycle whose next natural due time
 * is still ahead keeps its phase), a cron cycle at its first match after `now`.
 *
 * @example
 * // R/PT1H due at 10:00, host back at 13:30: fire once now, next at 14:30, 3 due times missed.
 * catchUp(hourly, Date.parse('2026-04-27T10:00:00Z'), 0, Date.parse('2026-04-27T13:30:00Z'));
 * // { fire: true, next: Date.parse('2026-04-27T14:30:00Z'), missed: 3 }
 */
export function catchUp(schedule: TimerSchedule, due: number, repetitionsDone: number, now: number): CatchUpPlan {
  if (due > now) return { fire: false, next: due, missed: 0 };
  const done = repetitionsDone + 1;
  return { fire: true, next: nextDue(schedule, due, done, now), missed: countMissed(schedule, due, done, now) };
}

function countMissed(schedule: TimerSchedule, due: number, done: number, now: number): number {
  if (schedule.type === 'date' || schedule.type === 'duration') return 0;
  let missed = 0;
  if (schedule.type === 'cron') {
    const spec = compiledCron(schedule.expression);
    for (let t = cronNext(spec, due); t !== null && t <= now && missed < MAX_MISSED_COUNT; t = cronNext(spec, t)) missed++;
    return missed;
  }
  const left = schedule.repetitions === null ? Infinity : Math.max(1, schedule.repetitions) - done;
  const limit = Math.min(left, MAX_MISSED_COUNT);
  const { interval, zone } = schedule;
  const dstDays = zone !== null && !isFixedOffset(zone) && (interval.weeks !== 0 || interval.days !== 0);
  const calendar = interval.years !== 0 || interval.months !== 0 || dstDays;
  if (!calendar) {
    // Days are exact in UTC and at a fixed offset: one division instead of a loop.
    const step = addDuration(0, interval);
    return Math.max(0, Math.min(limit, Math.floor((now - due) / step)));
  }
  for (let t = addDuration(due, interval, zone); t <= now && missed < limit; t = addDuration(t, interval, zone)) missed++;
  return missed;
}

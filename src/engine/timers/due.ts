import { addDuration } from './arithmetic';
import { cronNext } from './cron-next';
import { parseCron } from './cron-parse';
import type { CronSpec } from './cron-parse';
import type { TimerSchedule } from './types';

/**
 * Due times of a parsed schedule, following Zeebe's timer engine (`TimerTriggerProcessor`,
 * `RepeatingInterval.nextOccurrenceAfter`, `CronTimer.getDueDate`). See README.md, "Due times".
 */

/**
 * The first due time of a timer activated (or, for a start event, deployed) at `now`.
 *
 * - `date`: the date itself, even when it lies before `now` (then it is due at once).
 * - `duration`: `now` plus the duration; `now` when that is not later (zero or negative durations
 *   fire at once).
 * - `cycle`: its start when it has one (`now` when the start lies in the past, as Zeebe does),
 *   otherwise `now` plus one interval.
 * - `cron`: the first matching second after `now`; null if the calendar runs out.
 *
 * @example
 * const now = Date.parse('2026-04-27T10:00:00Z');
 * firstDue({ type: 'cron', expression: '0 0 9-17 * * MON-FRI' }, now); // 2026-04-27T11:00:00Z
 */
export function firstDue(schedule: TimerSchedule, now: number): number | null {
  switch (schedule.type) {
    case 'date':
      return schedule.at;
    case 'duration':
      return Math.max(now, addDuration(now, schedule.duration));
    case 'cycle':
      if (schedule.start !== null) return Math.max(schedule.start, now);
      return addDuration(now, schedule.interval, schedule.zone);
    case 'cron':
      return cronNext(compiledCron(schedule.expression), now);
  }
}

/**
 * The due time after a fire, or null when the timer is over. `previousDue` is the due time that
 * fired, `repetitionsDone` how many times the timer has fired in all (that one included), `now`
 * when it fired (defaults to `previousDue`, i.e. on time).
 *
 * - `date`, `duration`: null (they fire once).
 * - `cycle`: null after `repetitions` fires (`R0` and `R1` both fire once, as in Zeebe); otherwise
 *   `previousDue` plus one interval, or, when that is not after `now` (the fire came late, e.g.
 *   after downtime), `now` plus one interval.
 * - `cron`: the first matching second after `now` (and after `previousDue`).
 *
 * Strictly increasing: with `now >= previousDue`, the result is always later than both.
 *
 * @example
 * const cycle = { type: 'cycle', repetitions: 3, start: null, zone: null, interval: { ...ZERO_DURATION, minutes: 10 } };
 * nextDue(cycle, t, 1); // t + 10 min
 * nextDue(cycle, t, 3); // null: three fires done
 */
export function nextDue(schedule: TimerSchedule, previousDue: number, repetitionsDone: number, now: number = previousDue): number | null {
  switch (schedule.type) {
    case 'date':
    case 'duration':
      return null;
    case 'cycle': {
      if (schedule.repetitions !== null && repetitionsDone >= Math.max(1, schedule.repetitions)) return null;
      const natural = addDuration(previousDue, schedule.interval, schedule.zone);
      return natural > now ? natural : addDuration(now, schedule.interval, schedule.zone);
    }
    case 'cron':
      return cronNext(compiledCron(schedule.expression), Math.max(previousDue, now));
  }
}

const cronCache = new Map<string, CronSpec>();
const CRON_CACHE_LIMIT = 512;

/**
 * The compiled form of a cron schedule's expression, memoised (deterministic, so the module stays
 * pure). Throws when the expression was not produced by `parseTimer` (a corrupted stored schedule).
 */
export function compiledCron(expression: string): CronSpec {
  let spec = cronCache.get(expression);
  if (spec === undefined) {
    const parsed = parseCron(expression);
    if (!parsed.ok) throw new Error(`timer schedule holds an invalid cron expression '${expression}': ${parsed.reason}`);
    if (cronCache.size >= CRON_CACHE_LIMIT) cronCache.clear();
    spec = parsed.value;
    cronCache.set(expression, spec);
  }
  return spec;
}

/**
 * The data of the timer module. Everything here is plain JSON: a {@link TimerSchedule} is persisted
 * inside instance state and in the host's timer table, and must survive
 * `JSON.parse(JSON.stringify(schedule))` unchanged.
 */

/** Which child of `bpmn:timerEventDefinition` holds the value. */
export type TimerKind = 'timeDate' | 'timeDuration' | 'timeCycle';

/**
 * A timer definition as written on the element, already past FEEL evaluation: the text of a static
 * value, or a FEEL date-and-time / duration rendered to its ISO text by the host's FEEL adapter.
 */
export interface TimerSpec {
  kind: TimerKind;
  value: string;
}

/**
 * An ISO 8601 duration as Zeebe reads it: every component is a signed integer with the sign of the
 * whole duration already applied (`-PT1.5S` is `{ seconds: -1, milliseconds: -500 }`). Years,
 * months, weeks and days are calendar units (a day is a calendar day, 23 or 25 hours across a DST
 * change in a zone); hours, minutes, seconds and milliseconds are exact time. Fractions finer than
 * a millisecond are floored, as `java.time.Duration.toMillis()` does.
 */
export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  milliseconds: number;
}

/**
 * When a timer is due. Instants are epoch milliseconds.
 *
 * - `date`: once, at `at`.
 * - `duration`: once, `duration` after the timer is activated.
 * - `cycle`: an ISO 8601 repeating interval (`R3/PT10M`, `R/PT1H`, `R3/2026-04-27T17:20:00Z/P1D`);
 *   `repetitions` is `null` when unbounded; `zone` is the zone of `start` (an IANA id such as
 *   `Europe/Berlin` or a fixed offset such as `+02:00`; `null` for UTC) in which calendar units of
 *   `interval` are added, so `P1D` keeps the local time across DST.
 * - `cron`: a Spring 6-field cron expression (or a macro such as `@daily`), evaluated in UTC.
 */
export type TimerSchedule =
  | { type: 'date'; at: number }
  | { type: 'duration'; duration: IsoDuration }
  | { type: 'cycle'; repetitions: number | null; start: number | null; zone: string | null; interval: IsoDuration }
  | { type: 'cron'; expression: string };

/** The result of {@link parseTimer}: a schedule, or one message naming the value and what is wrong. */
export type ParseTimerResult = { ok: true; schedule: TimerSchedule } | { ok: false; error: string };

/** A parser's inner result: the reason is appended to "<kind> '<value>' is not a valid ...: ". */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Timer definitions as Zeebe reads them: parsing, validation and due-time math. Pure: no clock, no
 * I/O; every instant is passed in and returned as epoch milliseconds. See README.md.
 */
export type { IsoDuration, ParseTimerResult, TimerKind, TimerSchedule, TimerSpec } from './types';
export { parseTimer, MAX_TIMER_VALUE_LENGTH } from './parse-timer';
export { firstDue, nextDue } from './due';
export { catchUp, MAX_MISSED_COUNT } from './catch-up';
export type { CatchUpPlan } from './catch-up';
export { addDuration } from './arithmetic';
export { parseIsoDuration, ZERO_DURATION } from './duration';
export { parseIsoDateTime } from './date-time';
export type { ZonedInstant } from './date-time';
export { isAllowed, allowedKinds } from './positions';
export type { TimerPosition } from './positions';

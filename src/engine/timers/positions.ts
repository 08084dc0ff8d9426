import type { TimerKind } from './types';

/**
 * Where a timer event definition sits, as far as Zeebe's rules care. A process's timer start
 * event, an event subprocess's timer start event (interrupting or not), an intermediate timer
 * catch event (also the target of an event-based gateway), and a timer boundary event
 * (interrupting or not).
 */
export type TimerPosition =
  | 'startEvent'
  | 'eventSubprocessStart'
  | 'eventSubprocessStartNonInterrupting'
  | 'intermediateCatchEvent'
  | 'boundaryEvent'
  | 'boundaryEventNonInterrupting';

/**
 * Zeebe's table (Camunda 8 docs, "Timer events"; an event subprocess start behaves like a boundary
 * event, and Zeebe rejects a cycle on an interrupting one): a cycle repeats, so it only makes sense
 * where firing does not end the scope, and a process start has no activation to count a duration
 * from.
 */
const ALLOWED: Readonly<Record<TimerPosition, readonly TimerKind[]>> = {
  startEvent: ['timeDate', 'timeCycle'],
  eventSubprocessStart: ['timeDate', 'timeDuration'],
  eventSubprocessStartNonInterrupting: ['timeDate', 'timeDuration', 'timeCycle'],
  intermediateCatchEvent: ['timeDate', 'timeDuration'],
  boundaryEvent: ['timeDate', 'timeDuration'],
  boundaryEventNonInterrupting: ['timeDate', 'timeDuration', 'timeCycle'],
};

const PLACES: Readonly<Record<TimerPosition, string>> = {
  startEvent: 'a timer start event of a process',
  eventSubprocessStart: 'an interrupting timer start event of an event subprocess',
  eventSubprocessStartNonInterrupting: 'a non-interrupting timer start event of an event subprocess',
  intermediateCatchEvent: 'an intermediate timer catch event',
  boundaryEvent: 'an interrupting timer boundary event',
  boundaryEventNonInterrupting: 'a non-interrupting timer boundary event',
};

/** The timer definitions Zeebe accepts at `position`. */
export function allowedKinds(position: TimerPosition): readonly TimerKind[] {
  return ALLOWED[position];
}

/**
 * Whether Zeebe accepts a `kind` timer at `position`, with the message the compiler reports
 * (prefixed with the element id) when it does not.
 *
 * @example
 * isAllowed('timeCycle', 'boundaryEventNonInterrupting'); // { ok: true }
 * isAllowed('timeCycle', 'boundaryEvent');
 * // { ok: false, error: 'a timeCycle is not allowed on an interrupting timer boundary event (allowed: timeDate, timeDuration)' }
 */
export function isAllowed(kind: TimerKind, position: TimerPosition): { ok: true } | { ok: false; error: string } {
  const allowed = ALLOWED[position];
  if (allowed.includes(kind)) return { ok: true };
  return { ok: false, error: `a ${kind} is not allowed on ${PLACES[position]} (allowed: ${allowed.join(', ')})` };
}

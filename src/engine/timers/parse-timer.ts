import { cronNext } from './cron-next';
import { parseCron } from './cron-parse';
import { parseCycle } from './cycle';
import { parseIsoDateTime } from './date-time';
import { parseIsoDuration } from './duration';
import type { ParseTimerResult, Parsed, TimerSpec } from './types';

/** Longer values are refused before any parsing: no timer value is legitimately this long. */
export const MAX_TIMER_VALUE_LENGTH = 256;
/** A calendar day in the 400-year Gregorian cycle: if a cron matches nothing from here, it never does. */
const CYCLE_ORIGIN = Date.UTC(2000, 0, 1) - 1;

/**
 * Parses and validates a timer definition into a {@link TimerSchedule}. Surrounding white space
 * (XML indentation) is ignored. A `timeCycle` starting with `R` is an ISO 8601 repeating interval,
 * anything else a cron expression, as in Zeebe.
 *
 * @example
 * parseTimer({ kind: 'timeCycle', value: 'R3/PT10M' });
 * // { ok: true, schedule: { type: 'cycle', repetitions: 3, start: null, zone: null, interval: { minutes: 10, ... } } }
 * parseTimer({ kind: 'timeCycle', value: 'R3/PT' });
 * // { ok: false, error: "timeCycle 'R3/PT' is not a valid ISO 8601 repeating interval: the duration has no parts" }
 */
export function parseTimer(spec: TimerSpec): ParseTimerResult {
  const value = typeof spec.value === 'string' ? spec.value.trim() : '';
  const label = `${spec.kind} '${shorten(value)}'`;
  if (typeof spec.value !== 'string') return { ok: false, error: `${spec.kind} has no text value` };
  if (value.length > MAX_TIMER_VALUE_LENGTH) {
    return { ok: false, error: `${label} is too long (${value.length} characters, at most ${MAX_TIMER_VALUE_LENGTH})` };
  }
  switch (spec.kind) {
    case 'timeDate': {
      const r = parseIsoDateTime(value);
      return r.ok ? { ok: true, schedule: { type: 'date', at: r.value.at } } : fail(label, 'ISO 8601 date-time', r);
    }
    case 'timeDuration': {
      const r = parseIsoDuration(value);
      return r.ok ? { ok: true, schedule: { type: 'duration', duration: r.value } } : fail(label, 'ISO 8601 duration', r);
    }
    case 'timeCycle':
      return parseTimeCycle(value, label);
    default:
      return { ok: false, error: `unknown timer kind '${String(spec.kind)}' (expected timeDate, timeDuration or timeCycle)` };
  }
}

function parseTimeCycle(value: string, label: string): ParseTimerResult {
  if (value.startsWith('R')) {
    const r = parseCycle(value);
    return r.ok ? { ok: true, schedule: { type: 'cycle', ...r.value } } : fail(label, 'ISO 8601 repeating interval', r);
  }
  if (/^r\d*\//.test(value)) return fail(label, 'ISO 8601 repeating interval', { ok: false, reason: "write the 'R' in upper case" });
  if (/^[-+]?P/.test(value) && parseIsoDuration(value).ok) {
    return fail(label, 'time cycle', { ok: false, reason: `a duration alone does not repeat: write R/${value} (unbounded) or R3/${value} (three times)` });
  }
  const r = parseCron(value);
  if (!r.ok) return fail(label, 'cron expression', r);
  if (cronNext(r.value, CYCLE_ORIGIN) === null) {
    return { ok: false, error: `${label} never fires: no date matches its day-of-month, month and day-of-week fields together` };
  }
  return { ok: true, schedule: { type: 'cron', expression: value } };
}

function fail(label: string, what: string, r: Parsed<unknown> & { ok: false }): ParseTimerResult {
  return { ok: false, error: `${label} is not a valid ${what}: ${r.reason}` };
}

/** Keeps hostile values from flooding an error message. */
function shorten(value: string): string {
  return value.length <= 80 ? value : `${value.slice(0, 77)}...`;
}

import { parseIsoDateTime } from './date-time';
import { hasNegativePart, isZero, parseIsoDuration } from './duration';
import type { IsoDuration, Parsed } from './types';

/**
 * ISO 8601 repeating intervals as Zeebe reads them (`RepeatingInterval.parse`):
 * `R<n>/<duration>`, `R/<duration>` (unbounded) and `R<n>/<start>/<duration>`. Zeebe supports no
 * end-bounded forms (`<start>/<end>`, `<duration>/<end>`), and neither do we.
 */

export interface ParsedCycle {
  repetitions: number | null;
  start: number | null;
  zone: string | null;
  interval: IsoDuration;
}

/** Java's `Integer.parseInt` bound, which Zeebe uses for the count. */
const MAX_REPETITIONS = 2_147_483_647;

/**
 * Parses `R3/PT10M`, `R/PT1H` or `R3/2026-04-27T17:20:00Z/P1D`.
 *
 * Stricter than Zeebe on purpose where Zeebe would spin: an interval that is zero or has a negative
 * part (`R/PT0S`, `R/-PT1H`) would make every next due time "now" and fire in a tight loop, so it is
 * refused here.
 *
 * @example
 * parseCycle('R3/PT10M'); // { ok: true, value: { repetitions: 3, start: null, zone: null, interval: { minutes: 10, ... } } }
 * parseCycle('R3/PT');    // { ok: false, reason: 'the duration has no parts' }
 */
export function parseCycle(text: string): Parsed<ParsedCycle> {
  const slash = text.indexOf('/');
  if (slash === -1) {
    return { ok: false, reason: `no interval after '${text}': write R3/PT10M (3 times, every 10 minutes) or R/PT1H (every hour, unbounded)` };
  }
  const count = text.slice(1, slash);
  let repetitions: number | null = null;
  if (count !== '') {
    if (!/^\d+$/.test(count)) return { ok: false, reason: `the repetition count '${count}' must be a whole number, as in R3/PT10M` };
    repetitions = Number(count);
    if (repetitions > MAX_REPETITIONS) return { ok: false, reason: `the repetition count ${count} is too large (at most ${MAX_REPETITIONS})` };
  }

  const rest = text.slice(slash + 1);
  const last = rest.lastIndexOf('/');
  const durationText = last === -1 ? rest : rest.slice(last + 1);
  let start: number | null = null;
  let zone: string | null = null;
  if (last !== -1) {
    const startText = rest.slice(0, last);
    // The zone id of the start may hold a slash itself (`[Europe/Berlin]`): only the last one splits.
    if (startText === '') return { ok: false, reason: 'expected R<n>/<duration> or R<n>/<start>/<duration>' };
    const parsedStart = parseIsoDateTime(startText);
    if (!parsedStart.ok) {
      if (parseIsoDuration(startText).ok) return { ok: false, reason: 'an interval given as <duration>/<end> is not supported: write R<n>/<start>/<duration>' };
      return { ok: false, reason: `the start '${startText}' is not a date-time: ${parsedStart.reason}` };
    }
    ({ at: start, zone } = parsedStart.value);
  }

  const interval = parseIsoDuration(durationText);
  if (!interval.ok) {
    if (parseIsoDateTime(durationText).ok) return { ok: false, reason: 'an interval given as <start>/<end> is not supported: write R<n>/<start>/<duration>' };
    return interval;
  }
  if (hasNegativePart(interval.value)) return { ok: false, reason: 'the interval must not be negative, in whole or in part' };
  if (isZero(interval.value)) return { ok: false, reason: 'the interval must be longer than zero' };
  return { ok: true, value: { repetitions, start, zone, interval: interval.value } };
}

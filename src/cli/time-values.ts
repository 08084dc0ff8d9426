import { z } from 'zod';
import { addDuration, parseIsoDateTime, parseIsoDuration } from '../engine/timers';

/** Any JSON object (variables). Arrays and null are refused. */
export const jsonObject = z.record(z.string(), z.unknown());

/** A non-empty name: a message, a signal, a job type, an element id. */
export const name = (what: string) => z.string({ error: `expected ${what} (a string)` }).min(1, `${what} must not be empty`);

/** An ISO 8601 duration such as `PT1H` or `P1DT12H`, zero or positive (time does not run backwards). */
export const isoDuration = z.string().superRefine((text, ctx) => {
  const parsed = parseIsoDuration(text);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `"${text}" is not an ISO 8601 duration (${parsed.reason}); write e.g. PT1H or P2D` });
  else if (Object.values(parsed.value).some((v) => v < 0)) ctx.addIssue({ code: 'custom', message: `"${text}" is negative: time only moves forward` });
});

/** An ISO 8601 date-time such as `2026-04-27T09:00:00Z` (without a zone it means UTC, as for timers). */
export const isoDateTime = z.string().superRefine((text, ctx) => {
  const parsed = parseIsoDateTime(text);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `"${text}" is not an ISO 8601 date-time (${parsed.reason})` });
});

/** Epoch milliseconds of a date-time that passed {@link isoDateTime}. */
export function instantOf(text: string): number {
  const parsed = parseIsoDateTime(text);
  if (!parsed.ok) throw new Error(`"${text}" is not an ISO 8601 date-time (${parsed.reason})`);
  return parsed.value.at;
}

/**
 * The instant `duration` after `from`, with Zeebe's calendar arithmetic (a month after 31 January
 * is the end of February), so `advance: "P1M"` lands where a `P1M` timer would.
 */
export function afterDuration(from: number, duration: string): number {
  const parsed = parseIsoDuration(duration);
  if (!parsed.ok) throw new Error(`"${duration}" is not an ISO 8601 duration (${parsed.reason})`);
  return addDuration(from, parsed.value);
}

import { daysInMonth, monthLabel, utcMillisOfLocal } from './calendar';
import type { LocalDateTime } from './calendar';
import type { Parsed } from './types';
import { canonicalZoneId, formatOffset, instantOfLocal } from './zoned';

/**
 * ISO 8601 date-times as Camunda 8 reads them: `2026-04-27T17:20:00Z`, with an offset
 * (`+02:00`), with an IANA zone id (`[Europe/Berlin]`, or `@Europe/Berlin` as FEEL writes zoned
 * date-times), or without any zone, which Camunda reads as UTC. Seconds and a fraction (up to nine
 * digits) are optional, as in `java.time`. A date without a time is refused.
 */

/** Where a date-time is, and the zone later calendar arithmetic (cycles) happens in. */
export interface ZonedInstant {
  /** Epoch milliseconds. */
  at: number;
  /** `null` for UTC, `+02:00` for a fixed offset, `Europe/Berlin` for an IANA zone. */
  zone: string | null;
}

const DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?(?:\[([^\]]*)\]|@(.*))?$/;

/** `java.time.ZoneOffset` accepts at most ±18:00. */
const MAX_OFFSET_MS = 18 * 3_600_000;

/**
 * Parses an ISO 8601 date-time.
 *
 * @example
 * parseIsoDateTime('2026-04-27T17:20:00Z');             // { ok: true, value: { at: 1777310400000, zone: null } }
 * parseIsoDateTime('2026-04-27T17:20:00[Europe/Berlin]'); // 15:20 UTC, zone 'Europe/Berlin'
 * parseIsoDateTime('2026-04-27');                        // { ok: false, reason: 'it has a date but no time ...' }
 */
export function parseIsoDateTime(text: string): Parsed<ZonedInstant> {
  const m = DATE_TIME_RE.exec(text);
  if (!m) return { ok: false, reason: explainMismatch(text) };
  const [, y, mo, d, h, mi, s, fraction, z, offSign, offH, offM, offS, bracketZone, atZone] = m;
  const local: LocalDateTime = {
    year: Number(y), month: Number(mo), day: Number(d),
    hour: Number(h), minute: Number(mi), second: s === undefined ? 0 : Number(s),
    millisecond: fraction ? Math.floor(Number(fraction.padEnd(9, '0')) / 1e6) : 0,
  };
  const rangeError = checkRanges(local);
  if (rangeError) return { ok: false, reason: rangeError };

  let offsetMs: number | undefined;
  if (z) offsetMs = 0;
  if (offSign) {
    offsetMs = ((Number(offH) * 60 + Number(offM)) * 60 + Number(offS ?? 0)) * 1000 * (offSign === '-' ? -1 : 1);
    if (Number(offM) > 59 || Number(offS ?? 0) > 59 || Math.abs(offsetMs) > MAX_OFFSET_MS) {
      return { ok: false, reason: `the offset ${offSign}${offH}:${offM}${offS ? ':' + offS : ''} is out of range (at most ±18:00)` };
    }
  }

  const zoneText = bracketZone ?? atZone;
  if (zoneText !== undefined) {
    const zone = canonicalZoneId(zoneText);
    if (zone === null) return { ok: false, reason: `unknown time zone '${zoneText}'` };
    const utc = zone === 'UTC';
    return { ok: true, value: { at: utc && offsetMs === undefined ? utcMillisOfLocal(local) : instantOfLocal(local, zone, offsetMs), zone: utc ? null : zone } };
  }
  const at = utcMillisOfLocal(local) - (offsetMs ?? 0);
  return { ok: true, value: { at, zone: offsetMs ? formatOffset(offsetMs) : null } };
}

function checkRanges(t: LocalDateTime): string | null {
  if (t.month < 1 || t.month > 12) return `month ${t.month} is out of range 1-12`;
  const dim = daysInMonth(t.year, t.month);
  if (t.day < 1 || t.day > dim) return `${monthLabel(t.year, t.month)} has no day ${t.day} (it has ${dim} days)`;
  if (t.hour > 23) return `hour ${t.hour} is out of range 0-23`;
  if (t.minute > 59) return `minute ${t.minute} is out of range 0-59`;
  if (t.second > 59) return `second ${t.second} is out of range 0-59 (leap seconds are not supported)`;
  return null;
}

function explainMismatch(text: string): string {
  if (text === '') return 'the value is empty';
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return `it has a date but no time: write ${text}T00:00:00Z for midnight UTC`;
  }
  if (/^\d{4}-\d{2}-\d{2} \d/.test(text)) return "separate the date and the time with 'T', as in 2026-04-27T17:20:00Z";
  if (/^\d{2}:\d{2}/.test(text)) return 'it has a time but no date, as in 2026-04-27T17:20:00Z';
  if (/^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(:\d{2}(\.\d+)?)?[+-](\d{4}|\d{2})(\[.*\]|@.*)?$/.test(text)) {
    return 'write the offset as ±HH:MM, as in +02:00';
  }
  if (/^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2},/.test(text)) return "write the fraction of a second with '.', as in 17:20:00.500Z";
  return 'expected YYYY-MM-DDTHH:MM[:SS[.fff]] followed by Z, an offset such as +02:00 or a zone id such as [Europe/Berlin]';
}

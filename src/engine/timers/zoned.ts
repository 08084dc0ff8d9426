import { Temporal } from 'temporal-polyfill';
import { addCalendar, civilFromDays, MS_PER_DAY, utcMillisOfLocal } from './calendar';
import type { LocalDateTime } from './calendar';
import { hasTransitionBetween, offsetAt } from './zone-offsets';

/**
 * Zones: IANA ids (`Europe/Berlin`), fixed offsets (`+02:00`) and UTC (`null`). Local times
 * resolve as `java.time.ZonedDateTime.ofLocal` does, which is what Zeebe uses: in a DST gap the
 * time moves forward by the length of the gap; in an overlap the previous offset wins when it is
 * still valid, otherwise the earlier one. Away from a transition (all but a few days a year) this
 * is integer math over cached offsets; within two days of one, Temporal resolves it exactly.
 */

const FIXED_OFFSET_RE = /^([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/;
/** Offsets are at most ±18 hours: a local time two days from any transition has one instant. */
const NEAR = 2 * MS_PER_DAY;

export function isFixedOffset(zone: string): boolean {
  return FIXED_OFFSET_RE.test(zone);
}

/** `+02:00` -> 7,200,000. */
export function fixedOffsetMs(zone: string): number {
  const m = FIXED_OFFSET_RE.exec(zone);
  if (!m) throw new RangeError(`not a fixed offset: ${zone}`);
  const ms = ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000;
  return m[1] === '-' ? -ms : ms;
}

/** 7,200,000 -> `+02:00`; seconds only when there are any. */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.abs(offsetMs) / 1000;
  const pad = (n: number) => String(n).padStart(2, '0');
  const seconds = total % 60;
  return `${sign}${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}${seconds ? ':' + pad(seconds) : ''}`;
}

const canonicalIds = new Map<string, string | null>();

/** The canonical IANA id (`europe/berlin` -> `Europe/Berlin`), or null when the zone is unknown. Memoised. */
export function canonicalZoneId(id: string): string | null {
  let canonical = canonicalIds.get(id);
  if (canonical === undefined) {
    try {
      canonical = Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(id).timeZoneId;
    } catch {
      canonical = null;
    }
    if (canonicalIds.size >= 1024) canonicalIds.clear();
    canonicalIds.set(id, canonical);
  }
  return canonical;
}

/**
 * The instant of a local date-time in an IANA zone. With `offsetMs`, that offset decides the
 * instant (as `ZonedDateTime.parse` does when both are written); without, gaps and overlaps
 * resolve as `ZonedDateTime.ofLocal`.
 */
export function instantOfLocal(local: LocalDateTime, zone: string, offsetMs?: number): number {
  const localMs = utcMillisOfLocal(local);
  return offsetMs !== undefined ? localMs - offsetMs : resolveLocal(localMs, zone, undefined);
}

/**
 * Adds calendar months, then calendar days, to an instant read in an IANA zone, resolving the local
 * time after each step as `ZonedDateTime.plus(Period)` does (preferring the offset it had before).
 */
export function addCalendarInZone(at: number, months: number, days: number, zone: string): number {
  let t = at;
  if (months !== 0) {
    const offset = offsetAt(zone, t);
    t = resolveLocal(addCalendar(t + offset, months, 0), zone, offset);
  }
  if (days !== 0) {
    const offset = offsetAt(zone, t);
    t = resolveLocal(t + offset + days * MS_PER_DAY, zone, offset);
  }
  return t;
}

/** Adds calendar months and days in `zone`: UTC (`null`), a fixed offset or an IANA zone. */
export function addCalendarIn(at: number, months: number, days: number, zone: string | null): number {
  if (months === 0 && days === 0) return at;
  if (zone === null) return addCalendar(at, months, days);
  if (isFixedOffset(zone)) return addCalendar(at, months, days, fixedOffsetMs(zone));
  return addCalendarInZone(at, months, days, zone);
}

/** The instant showing wall-clock `localMs` (ms since 1970 on the local calendar) in `zone`. */
function resolveLocal(localMs: number, zone: string, preferredOffset: number | undefined): number {
  if (!hasTransitionBetween(zone, localMs - NEAR, localMs + NEAR)) return localMs - offsetAt(zone, localMs);
  const dayNumber = Math.floor(localMs / MS_PER_DAY);
  const { year, month, day } = civilFromDays(dayNumber);
  const ms = localMs - dayNumber * MS_PER_DAY;
  const fields = {
    year, month, day,
    hour: Math.floor(ms / 3_600_000), minute: Math.floor(ms / 60_000) % 60, second: Math.floor(ms / 1000) % 60, millisecond: ms % 1000,
    timeZone: zone,
  };
  const options = { offset: 'prefer', disambiguation: 'compatible' } as const;
  const withOffset = preferredOffset === undefined ? fields : { ...fields, offset: formatOffset(preferredOffset) };
  return Temporal.ZonedDateTime.from(withOffset, options).epochMilliseconds;
}

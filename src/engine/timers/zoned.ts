import { Temporal } from 'temporal-polyfill';
import { addCalendar, utcMillisOfLocal } from './calendar';
import type { LocalDateTime } from './calendar';

/**
 * Zones: IANA ids (`Europe/Berlin`) through Temporal, fixed offsets (`+02:00`) and UTC (`null`)
 * through integer math. Local times resolve as `java.time.ZonedDateTime.ofLocal` does, which is
 * what Zeebe uses: in a DST gap the time moves forward by the length of the gap, in an overlap the
 * earlier offset wins unless the previous offset (when there is one) is still valid.
 */

const FIXED_OFFSET_RE = /^([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/;

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

/** The canonical IANA id (`europe/berlin` -> `Europe/Berlin`), or null when the zone is unknown. */
export function canonicalZoneId(id: string): string | null {
  try {
    return Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(id).timeZoneId;
  } catch {
    return null;
  }
}

/**
 * The instant of a local date-time in an IANA zone. With `offsetMs`, that offset decides the
 * instant (as `ZonedDateTime.parse` does when both are written); without, gaps and overlaps
 * resolve as `ZonedDateTime.ofLocal`.
 */
export function instantOfLocal(local: LocalDateTime, zone: string, offsetMs?: number): number {
  if (offsetMs !== undefined) {
    return utcMillisOfLocal(local) - offsetMs;
  }
  return Temporal.ZonedDateTime.from({ ...local, timeZone: zone }, { disambiguation: 'compatible' }).epochMilliseconds;
}

/**
 * Adds calendar months, then calendar days, to an instant read in an IANA zone, resolving the local
 * time after each step and preferring the offset it had before (`ZonedDateTime.plus(Period)`).
 */
export function addCalendarInZone(at: number, months: number, days: number, zone: string): number {
  let zdt = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone);
  if (months !== 0) zdt = resolve(zdt.toPlainDateTime().add({ months }), zdt);
  if (days !== 0) zdt = resolve(zdt.toPlainDateTime().add({ days }), zdt);
  return zdt.epochMilliseconds;
}

function resolve(local: Temporal.PlainDateTime, previous: Temporal.ZonedDateTime): Temporal.ZonedDateTime {
  return Temporal.ZonedDateTime.from(
    {
      year: local.year, month: local.month, day: local.day,
      hour: local.hour, minute: local.minute, second: local.second,
      millisecond: local.millisecond, microsecond: local.microsecond, nanosecond: local.nanosecond,
      timeZone: previous.timeZoneId, offset: previous.offset,
    },
    { offset: 'prefer', disambiguation: 'compatible' },
  );
}

/** Adds calendar months and days in `zone`: UTC (`null`), a fixed offset or an IANA zone. */
export function addCalendarIn(at: number, months: number, days: number, zone: string | null): number {
  if (months === 0 && days === 0) return at;
  if (zone === null) return addCalendar(at, months, days);
  if (isFixedOffset(zone)) return addCalendar(at, months, days, fixedOffsetMs(zone));
  return addCalendarInZone(at, months, days, zone);
}

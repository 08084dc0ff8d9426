import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { civilFromDays, MS_PER_DAY } from './calendar';
import { addCalendarInZone, instantOfLocal } from './zoned';

/**
 * The fast zone arithmetic (cached offsets, Temporal only near a transition) against a reference
 * written with Temporal alone, in zones with unusual rules: 30-minute DST (Lord Howe), odd offsets
 * (Kathmandu, Chatham, St John's), negative DST (Dublin), a skipped day (Apia, 2011-12-30), DST at
 * midnight (Sao Paulo, historically), and several changes a year (Casablanca).
 */

const ZONES = [
  'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Apia',
  'America/Sao_Paulo', 'Europe/Dublin', 'Pacific/Chatham', 'America/St_Johns', 'Africa/Casablanca',
];

/** `ZonedDateTime.plus(Period)` by the book: add on the wall clock, resolve preferring the old offset. */
function reference(at: number, months: number, days: number, zone: string): number {
  let zdt = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone);
  const resolve = (local: Temporal.PlainDateTime, previous: Temporal.ZonedDateTime) => Temporal.ZonedDateTime.from(
    { year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute, second: local.second, millisecond: local.millisecond, timeZone: zone, offset: previous.offset },
    { offset: 'prefer', disambiguation: 'compatible' },
  );
  if (months !== 0) zdt = resolve(zdt.toPlainDateTime().add({ months }), zdt);
  if (days !== 0) zdt = resolve(zdt.toPlainDateTime().add({ days }), zdt);
  return zdt.epochMilliseconds;
}

let seed = 42;
const random = () => {
  seed = (seed * 48_271) % 2_147_483_647;
  return seed / 2_147_483_647;
};

/** Instants spread over 1990-2040, a third of them within a few hours of one of the zone's transitions. */
function instant(zone: string): number {
  const base = Date.UTC(1990, 0, 1) + Math.floor(random() * 50 * 365.25 * MS_PER_DAY);
  if (random() < 0.66) return base;
  const next = Temporal.Instant.fromEpochMilliseconds(base).toZonedDateTimeISO(zone).getTimeZoneTransition('next');
  return next === null ? base : next.epochMilliseconds + Math.floor((random() - 0.5) * 6 * 3_600_000);
}

describe('zoned arithmetic: fast path against a Temporal reference', () => {
  it('given 6,000 instants in ten zones, when months and days are added, then both agree to the millisecond', () => {
    for (const zone of ZONES) {
      for (let i = 0; i < 600; i++) {
        let at = instant(zone);
        let months = random() < 0.5 ? 0 : Math.floor(random() * 25) - 6;
        let days = random() < 0.3 ? 0 : Math.floor(random() * 800) - 100;
        if (i % 3 === 0) {
          // Aim the sum at a transition: it must land in gaps and overlaps, not only near them.
          const target = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).getTimeZoneTransition('next');
          if (target !== null) {
            months = 0;
            days = 1 + Math.floor(random() * 400);
            at = target.epochMilliseconds - days * MS_PER_DAY + Math.floor((random() - 0.5) * 4 * 3_600_000);
          }
        }
        if (months === 0 && days === 0) continue;
        const got = addCalendarInZone(at, months, days, zone);
        const want = reference(at, months, days, zone);
        if (got !== want) {
          expect({ zone, at: new Date(at).toISOString(), months, days, got: new Date(got).toISOString() })
            .toEqual({ zone, at: new Date(at).toISOString(), months, days, got: new Date(want).toISOString() });
        }
      }
    }
  });

  it('given local times near and far from transitions, when resolved, then they match ZonedDateTime.from (compatible)', () => {
    for (const zone of ZONES) {
      for (let i = 0; i < 300; i++) {
        const localMs = instant(zone) + 3 * 3_600_000;
        const dayNumber = Math.floor(localMs / MS_PER_DAY);
        const { year, month, day } = civilFromDays(dayNumber);
        const ms = localMs - dayNumber * MS_PER_DAY;
        const local = { year, month, day, hour: Math.floor(ms / 3_600_000), minute: Math.floor(ms / 60_000) % 60, second: Math.floor(ms / 1000) % 60, millisecond: ms % 1000 };
        const want = Temporal.ZonedDateTime.from({ ...local, timeZone: zone }, { disambiguation: 'compatible' }).epochMilliseconds;
        expect({ zone, local, at: instantOfLocal(local, zone) }).toEqual({ zone, local, at: want });
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { parseIsoDateTime } from './date-time';
import { iso, reasonOf, valueOf } from './test-support/parsed';

const parsed = (text: string) => valueOf(parseIsoDateTime(text), text);
const reason = (text: string) => reasonOf(parseIsoDateTime(text), text);

describe('parseIsoDateTime', () => {
  it('given Z, lower-case z and t, or no zone at all, when parsed, then the time is UTC (Camunda reads a bare time as UTC)', () => {
    for (const text of ['2026-04-27T17:20:00Z', '2026-04-27t17:20:00z', '2026-04-27T17:20:00']) {
      expect(parsed(text)).toEqual({ at: Date.UTC(2026, 3, 27, 17, 20), zone: null });
    }
  });

  it('given no seconds or a nine-digit fraction, when parsed, then they are read as java.time does (fraction floored to ms)', () => {
    expect(iso(parsed('2026-04-27T17:20Z').at)).toBe('2026-04-27T17:20:00.000Z');
    expect(iso(parsed('2026-04-27T17:20:00.123456789Z').at)).toBe('2026-04-27T17:20:00.123Z');
  });

  it('given an offset, when parsed, then the instant is shifted and the offset becomes the zone', () => {
    expect(parsed('2026-04-27T17:20:00+02:00')).toEqual({ at: Date.UTC(2026, 3, 27, 15, 20), zone: '+02:00' });
    expect(parsed('2026-04-27T17:20:00-05:30')).toEqual({ at: Date.UTC(2026, 3, 27, 22, 50), zone: '-05:30' });
    expect(parsed('2026-04-27T17:20:00+00:00')).toEqual({ at: Date.UTC(2026, 3, 27, 17, 20), zone: null });
  });

  it('given a zone id in brackets or after @ (FEEL), when parsed, then the local time is read in that zone', () => {
    expect(parsed('2026-04-27T17:20:00[Europe/Berlin]')).toEqual({ at: Date.UTC(2026, 3, 27, 15, 20), zone: 'Europe/Berlin' });
    expect(parsed('2026-01-27T17:20:00@Europe/Berlin')).toEqual({ at: Date.UTC(2026, 0, 27, 16, 20), zone: 'Europe/Berlin' });
    expect(parsed('2026-04-27T17:20:00[UTC]')).toEqual({ at: Date.UTC(2026, 3, 27, 17, 20), zone: null });
  });

  it('given both an offset and a zone id, when parsed, then the offset decides the instant (the Camunda docs example)', () => {
    // "R/2022-01-01T10:00:00+02:00[Europe/Berlin]/P1D: starting from January 1, 2022 at 10 a.m. UTC plus 2 hours"
    expect(parsed('2022-01-01T10:00:00+02:00[Europe/Berlin]')).toEqual({ at: Date.UTC(2022, 0, 1, 8), zone: 'Europe/Berlin' });
  });

  it('given a local time in the spring gap or the autumn overlap, when parsed, then it resolves as ZonedDateTime.ofLocal', () => {
    expect(iso(parsed('2026-03-29T02:30:00[Europe/Berlin]').at)).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(iso(parsed('2026-10-25T02:30:00[Europe/Berlin]').at)).toBe('2026-10-25T00:30:00.000Z'); // the earlier 02:30 (CEST)
    expect(iso(parsed('2026-10-25T02:30:00+01:00[Europe/Berlin]').at)).toBe('2026-10-25T01:30:00.000Z'); // the later one, by offset
  });

  it.each([
    ['', 'the value is empty'],
    ['2026-04-27', 'it has a date but no time: write 2026-04-27T00:00:00Z for midnight UTC'],
    ['2026-04-27 17:20:00Z', "separate the date and the time with 'T', as in 2026-04-27T17:20:00Z"],
    ['17:20:00Z', 'it has a time but no date, as in 2026-04-27T17:20:00Z'],
    ['2026-02-29T10:00:00Z', 'February 2026 has no day 29 (it has 28 days)'],
    ['2026-13-01T10:00:00Z', 'month 13 is out of range 1-12'],
    ['2026-04-27T24:00:00Z', 'hour 24 is out of range 0-23'],
    ['2026-04-27T23:60:00Z', 'minute 60 is out of range 0-59'],
    ['2026-06-30T23:59:60Z', 'second 60 is out of range 0-59 (leap seconds are not supported)'],
    ['2026-04-27T17:20:00+0200', 'write the offset as ±HH:MM, as in +02:00'],
    ['2026-04-27T17:20:00+19:00', 'the offset +19:00 is out of range (at most ±18:00)'],
    ['2026-04-27T17:20:00,5Z', "write the fraction of a second with '.', as in 17:20:00.500Z"],
    ['2026-04-27T17:20:00[Mars/Olympus]', "unknown time zone 'Mars/Olympus'"],
    ['tomorrow', 'expected YYYY-MM-DDTHH:MM[:SS[.fff]] followed by Z, an offset such as +02:00 or a zone id such as [Europe/Berlin]'],
  ])('given %j, when parsed, then it is refused: %s', (text, expected) => {
    expect(reason(text)).toBe(expected);
  });

  it('given 2024, a leap year, when Feb 29 is parsed, then it is accepted', () => {
    expect(iso(parsed('2024-02-29T00:00:00Z').at)).toBe('2024-02-29T00:00:00.000Z');
  });
});

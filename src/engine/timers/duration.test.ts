import { describe, expect, it } from 'vitest';
import { addDuration } from './arithmetic';
import { parseIsoDuration, ZERO_DURATION } from './duration';
import { iso, reasonOf, valueOf } from './test-support/parsed';

const at = Date.parse;
const duration = (text: string) => valueOf(parseIsoDuration(text), text);
const reason = (text: string) => reasonOf(parseIsoDuration(text), text);

describe('parseIsoDuration', () => {
  it('given every designator in order, when parsed, then each component is kept apart', () => {
    expect(duration('P1Y2M3W4DT5H6M7.5S')).toEqual({
      years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7, milliseconds: 500,
    });
  });

  it('given weeks alone, a comma fraction or a time part alone, when parsed, then they are accepted as Java does', () => {
    expect(duration('P2W')).toEqual({ ...ZERO_DURATION, weeks: 2 });
    expect(duration('PT1,25S')).toEqual({ ...ZERO_DURATION, seconds: 1, milliseconds: 250 });
    expect(duration('PT36H')).toEqual({ ...ZERO_DURATION, hours: 36 });
    expect(duration('+P1D')).toEqual({ ...ZERO_DURATION, days: 1 });
  });

  it('given a leading minus, when parsed, then every component is negated', () => {
    expect(duration('-PT5M')).toEqual({ ...ZERO_DURATION, minutes: -5 });
    expect(duration('-P1DT1.5S')).toEqual({ ...ZERO_DURATION, days: -1, seconds: -1, milliseconds: -500 });
  });

  it('given a sign on one component, when parsed, then only that component is negative', () => {
    expect(duration('P1M-1D')).toEqual({ ...ZERO_DURATION, months: 1, days: -1 });
    expect(duration('PT-0.5S')).toEqual({ ...ZERO_DURATION, milliseconds: -500 });
  });

  it('given a fraction finer than a millisecond, when parsed, then it is floored like Duration.toMillis', () => {
    expect(duration('PT0.0015S').milliseconds).toBe(1);
    expect(duration('-PT0.0015S').milliseconds).toBe(-2);
    expect(duration('PT0.123456789S').milliseconds).toBe(123);
  });

  it.each([
    ['', 'the value is empty'],
    ['P', 'the duration has no parts'],
    ['PT', 'the duration has no parts'],
    ['-P', 'the duration has no parts'],
    ['P1DT', "'T' must be followed by hours, minutes or seconds"],
    ['pt5m', 'the designators must be upper case (P, Y, M, W, D, T, H, S)'],
    ['5M', "a duration starts with 'P', as in PT10M or P1D"],
    ['10 minutes', "a duration starts with 'P', as in PT10M or P1D"],
    ['PT1.5H', 'only seconds may have a fraction (PT1.5S)'],
    ['P1.5D', 'only seconds may have a fraction (PT1.5S)'],
    ['P1M2Y', 'expected P[n]Y[n]M[n]W[n]DT[n]H[n]M[n]S with the parts in this order, e.g. P1DT12H or PT0.5S'],
    ['PT1S2M', 'expected P[n]Y[n]M[n]W[n]DT[n]H[n]M[n]S with the parts in this order, e.g. P1DT12H or PT0.5S'],
    ['P3000000000D', 'the number 3000000000 is too large (at most 2147483647)'],
    ['P200000Y', 'the duration is too large (more than 100,000 years)'],
  ])('given %j, when parsed, then it is refused: %s', (text, expected) => {
    expect(reason(text)).toBe(expected);
  });
});

describe('addDuration in UTC', () => {
  it('given P1M from January 31, when added, then the day is clamped to the end of February', () => {
    expect(iso(addDuration(at('2026-01-31T09:00:00Z'), duration('P1M')))).toBe('2026-02-28T09:00:00.000Z');
    expect(iso(addDuration(at('2024-01-31T09:00:00Z'), duration('P1M')))).toBe('2024-02-29T09:00:00.000Z');
  });

  it('given a leap day, when years are added, then Feb 29 clamps to Feb 28 unless the target is a leap year', () => {
    expect(iso(addDuration(at('2024-02-29T12:00:00Z'), duration('P1Y')))).toBe('2025-02-28T12:00:00.000Z');
    expect(iso(addDuration(at('2024-02-29T12:00:00Z'), duration('P4Y')))).toBe('2028-02-29T12:00:00.000Z');
  });

  it('given months and days, when added, then months come first and days after (Period.addTo)', () => {
    expect(iso(addDuration(at('2026-01-31T00:00:00Z'), duration('P1M1D')))).toBe('2026-03-01T00:00:00.000Z');
    expect(iso(addDuration(at('2026-01-31T00:00:00Z'), duration('P1M-1D')))).toBe('2026-02-27T00:00:00.000Z');
    expect(iso(addDuration(at('2024-01-31T00:00:00Z'), duration('P1Y1M')))).toBe('2025-02-28T00:00:00.000Z');
    expect(iso(addDuration(at('2026-03-31T00:00:00Z'), duration('-P1M')))).toBe('2026-02-28T00:00:00.000Z');
  });

  it('given weeks, exact time and fractions, when added, then they add exactly', () => {
    expect(iso(addDuration(at('2026-04-27T10:00:00Z'), duration('P1W')))).toBe('2026-05-04T10:00:00.000Z');
    expect(iso(addDuration(at('2026-04-27T10:00:00Z'), duration('PT36H')))).toBe('2026-04-28T22:00:00.000Z');
    expect(iso(addDuration(at('2026-04-27T10:00:00Z'), duration('PT0.25S')))).toBe('2026-04-27T10:00:00.250Z');
    expect(iso(addDuration(at('2026-12-31T23:59:59Z'), duration('PT1S')))).toBe('2027-01-01T00:00:00.000Z');
  });
});

describe('addDuration in a zone', () => {
  // Europe/Berlin: CET -> CEST on 2026-03-29 at 02:00, CEST -> CET on 2026-10-25 at 03:00.
  it('given P1D across the spring change in Berlin, when added, then the local time stays, 23 hours pass', () => {
    const sat10 = at('2026-03-28T09:00:00Z'); // 10:00 CET
    expect(iso(addDuration(sat10, duration('P1D'), 'Europe/Berlin'))).toBe('2026-03-29T08:00:00.000Z'); // 10:00 CEST
    expect(iso(addDuration(sat10, duration('PT24H'), 'Europe/Berlin'))).toBe('2026-03-29T09:00:00.000Z'); // 11:00 CEST
  });

  it('given P1D across the autumn change in Berlin, when added, then the local time stays, 25 hours pass', () => {
    const sat10 = at('2026-10-24T08:00:00Z'); // 10:00 CEST
    expect(iso(addDuration(sat10, duration('P1D'), 'Europe/Berlin'))).toBe('2026-10-25T09:00:00.000Z'); // 10:00 CET
    expect(iso(addDuration(sat10, duration('PT24H'), 'Europe/Berlin'))).toBe('2026-10-25T08:00:00.000Z'); // 09:00 CET
  });

  it('given a local time that falls in the spring gap, when a day is added, then it moves forward by the gap', () => {
    const sat0230 = at('2026-03-28T01:30:00Z'); // 02:30 CET
    expect(iso(addDuration(sat0230, duration('P1D'), 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
  });

  it('given a local time that falls in the autumn overlap, when added, then the previous offset is kept if valid', () => {
    const summer = at('2026-10-24T00:30:00Z'); // 02:30 CEST
    expect(iso(addDuration(summer, duration('P1D'), 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z'); // first 02:30 (+02:00)
    const winter = at('2026-01-25T01:30:00Z'); // 02:30 CET (+01:00)
    expect(iso(addDuration(winter, duration('P9M'), 'Europe/Berlin'))).toBe('2026-10-25T01:30:00.000Z'); // the second 02:30 (+01:00)
  });

  it('given a fixed offset, when a month is added, then the month end is that of the local date', () => {
    const local = at('2026-01-31T01:00:00+02:00'); // 2026-01-30T23:00Z
    expect(iso(addDuration(local, duration('P1M'), '+02:00'))).toBe('2026-02-27T23:00:00.000Z'); // Feb 28 01:00 +02:00
    expect(iso(addDuration(local, duration('P1M')))).toBe('2026-02-28T23:00:00.000Z'); // in UTC: Jan 30 + 1 month
  });
});

import { describe, expect, it } from 'vitest';
import { firstDue, nextDue } from './due';
import { iso, storedSchedule as schedule } from './test-support/parsed';
import type { TimerSchedule } from './types';

const at = Date.parse;

/** Fires the timer on time until it is over (or `limit` fires): the due times, as ISO strings. */
function fires(s: TimerSchedule, now: string, limit = 10): string[] {
  const out: string[] = [];
  let due = firstDue(s, at(now));
  for (let done = 1; due !== null && out.length < limit; done++) {
    out.push(iso(due)!);
    due = nextDue(s, due, done);
  }
  return out;
}

describe('timeDate', () => {
  it('given a date in the future or the past, when activated, then it is due once, at that date', () => {
    expect(fires(schedule('timeDate', '2026-05-01T08:00:00Z'), '2026-04-27T10:00:00Z')).toEqual(['2026-05-01T08:00:00.000Z']);
    expect(fires(schedule('timeDate', '2026-04-01T08:00:00Z'), '2026-04-27T10:00:00Z')).toEqual(['2026-04-01T08:00:00.000Z']);
  });
});

describe('timeDuration', () => {
  it('given a duration, when activated, then it is due once, that long after activation', () => {
    expect(fires(schedule('timeDuration', 'PT10M'), '2026-04-27T10:00:00Z')).toEqual(['2026-04-27T10:10:00.000Z']);
    expect(fires(schedule('timeDuration', 'P1M'), '2026-01-31T10:00:00Z')).toEqual(['2026-02-28T10:00:00.000Z']);
  });

  it('given a zero or negative duration, when activated, then it is due at once (first due = now)', () => {
    for (const value of ['PT0S', '-PT5M', 'P1M-40D']) {
      expect(fires(schedule('timeDuration', value), '2026-04-27T10:00:00Z')).toEqual(['2026-04-27T10:00:00.000Z']);
    }
  });
});

describe('timeCycle: ISO 8601 repeating intervals', () => {
  it('given R3/PT10M, when fired on time, then it is due three times, ten minutes apart, starting one interval in', () => {
    expect(fires(schedule('timeCycle', 'R3/PT10M'), '2026-04-27T10:00:00Z')).toEqual([
      '2026-04-27T10:10:00.000Z', '2026-04-27T10:20:00.000Z', '2026-04-27T10:30:00.000Z',
    ]);
  });

  it('given R0 or R1, when fired, then it is due once (Zeebe reschedules only while repetitions > 1)', () => {
    expect(fires(schedule('timeCycle', 'R0/PT10M'), '2026-04-27T10:00:00Z')).toEqual(['2026-04-27T10:10:00.000Z']);
    expect(fires(schedule('timeCycle', 'R1/PT10M'), '2026-04-27T10:00:00Z')).toEqual(['2026-04-27T10:10:00.000Z']);
  });

  it('given an unbounded R/PT1H, when fired 10,000 times, then it is still going, an hour apart', () => {
    const s = schedule('timeCycle', 'R/PT1H');
    let due = firstDue(s, at('2026-04-27T10:00:00Z'))!;
    for (let done = 1; done <= 10_000; done++) due = nextDue(s, due, done)!;
    expect(iso(due)).toBe('2027-06-18T03:00:00.000Z'); // 10,001 hours after 10:00
  });

  it('given a start in the future, when deployed, then the first due time is the start, the next one interval later', () => {
    expect(fires(schedule('timeCycle', 'R3/2026-04-27T17:20:00Z/P1D'), '2026-04-20T00:00:00Z')).toEqual([
      '2026-04-27T17:20:00.000Z', '2026-04-28T17:20:00.000Z', '2026-04-29T17:20:00.000Z',
    ]);
  });

  it('given a start in the past, when activated, then it is due at once and repeats from then (Zeebe drops the start\'s phase)', () => {
    expect(fires(schedule('timeCycle', 'R3/2026-01-01T00:00:00Z/P1D'), '2026-04-27T10:00:00Z')).toEqual([
      '2026-04-27T10:00:00.000Z', '2026-04-28T10:00:00.000Z', '2026-04-29T10:00:00.000Z',
    ]);
  });

  it('given a daily cycle with a Berlin start, when it crosses both DST changes, then it stays at 10:00 Berlin time', () => {
    const s = schedule('timeCycle', 'R/2026-03-27T10:00:00[Europe/Berlin]/P1D');
    const due = fires(s, '2026-03-01T00:00:00Z', 4);
    expect(due).toEqual(['2026-03-27T09:00:00.000Z', '2026-03-28T09:00:00.000Z', '2026-03-29T08:00:00.000Z', '2026-03-30T08:00:00.000Z']);
    const autumn = fires(schedule('timeCycle', 'R3/2026-10-24T10:00:00@Europe/Berlin/P1D'), '2026-10-01T00:00:00Z');
    expect(autumn).toEqual(['2026-10-24T08:00:00.000Z', '2026-10-25T09:00:00.000Z', '2026-10-26T09:00:00.000Z']);
  });

  it('given PT24H instead of P1D from a Berlin start, when it crosses DST, then it keeps 24 hours and the wall clock moves', () => {
    expect(fires(schedule('timeCycle', 'R3/2026-03-28T10:00:00[Europe/Berlin]/PT24H'), '2026-03-01T00:00:00Z')).toEqual([
      '2026-03-28T09:00:00.000Z', '2026-03-29T09:00:00.000Z', '2026-03-30T09:00:00.000Z', // 10:00 CET, then 11:00 CEST
    ]);
  });

  it('given a monthly cycle from January 31, when fired, then it clamps to Feb 28 and stays on the 28th (each step adds to the last due time)', () => {
    expect(fires(schedule('timeCycle', 'R4/2026-01-31T12:00:00Z/P1M'), '2026-01-01T00:00:00Z')).toEqual([
      '2026-01-31T12:00:00.000Z', '2026-02-28T12:00:00.000Z', '2026-03-28T12:00:00.000Z', '2026-04-28T12:00:00.000Z',
    ]);
  });

  it('given a yearly cycle from a leap day, when fired, then it moves to Feb 28 and stays there', () => {
    expect(fires(schedule('timeCycle', 'R3/2024-02-29T00:00:00Z/P1Y'), '2024-01-01T00:00:00Z')).toEqual([
      '2024-02-29T00:00:00.000Z', '2025-02-28T00:00:00.000Z', '2026-02-28T00:00:00.000Z',
    ]);
  });

  it('given a fire that came late, when the next due time is computed with now, then it is one interval after the fire if the natural one passed', () => {
    const s = schedule('timeCycle', 'R/PT1H');
    expect(iso(nextDue(s, at('2026-04-27T10:00:00Z'), 1, at('2026-04-27T10:20:00Z')))).toBe('2026-04-27T11:00:00.000Z'); // keeps its phase
    expect(iso(nextDue(s, at('2026-04-27T10:00:00Z'), 1, at('2026-04-27T13:30:00Z')))).toBe('2026-04-27T14:30:00.000Z'); // re-anchored
  });
});

describe('timeCycle: cron', () => {
  it('given a weekday cron, when activated, then the first due time is the next match and it goes on unbounded', () => {
    expect(fires(schedule('timeCycle', '0 0 17 * * MON-FRI'), '2026-04-24T17:00:00Z', 3)).toEqual([
      '2026-04-27T17:00:00.000Z', '2026-04-28T17:00:00.000Z', '2026-04-29T17:00:00.000Z',
    ]);
  });

  it('given a cron fire that came late, when the next due time is computed with now, then it is the first match after now', () => {
    const s = schedule('timeCycle', '0 0 * * * *');
    expect(iso(nextDue(s, at('2026-04-27T10:00:00Z'), 1, at('2026-04-27T13:30:00Z')))).toBe('2026-04-27T14:00:00.000Z');
  });
});

describe('property: due times strictly increase', () => {
  it('given cycles and crons of every shape, when fired on time or late, then every next due time is later than the fire', () => {
    const values = [
      'R/PT1S', 'R/P1D', 'R/P1M', 'R/P1Y', 'R/P1W', 'R/PT0.001S', 'R/P1MT1H', 'R/2026-10-24T02:30:00[Europe/Berlin]/P1D',
      'R/2026-03-28T02:30:00[Europe/Berlin]/PT23H', 'R/2026-01-31T23:30:00-05:00/P1M',
      '* * * * * *', '0 0 0 L * *', '0 0 0 LW * *', '0 0 0 ? * 5#5', '0 0 0 29 2 *', '0 0 12 1W * *', '@hourly',
    ];
    let rng = 7;
    const lateness = () => { rng = (rng * 48_271) % 2_147_483_647; return (rng % 5) * 3_600_000 * (rng % 3 === 0 ? 1 : 0); };
    for (const value of values) {
      const s = schedule('timeCycle', value);
      let due = firstDue(s, at('2026-01-15T00:00:00Z'))!;
      for (let done = 1; done <= 60; done++) {
        const now = due + lateness();
        const next = nextDue(s, due, done, now)!;
        expect(next, `${value} after ${iso(due)} fired at ${iso(now)}`).toBeGreaterThan(now);
        due = next;
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { ZERO_DURATION } from './duration';
import { parseTimer } from './parse-timer';
import type { TimerKind, TimerSchedule } from './types';

function schedule(kind: TimerKind, value: string): TimerSchedule {
  const r = parseTimer({ kind, value });
  if (!r.ok) throw new Error(r.error);
  return r.schedule;
}

function error(kind: TimerKind, value: string): string {
  const r = parseTimer({ kind, value });
  if (r.ok) throw new Error(`${kind} ${value} parsed`);
  return r.error;
}

describe('parseTimer: schedules', () => {
  it('given each kind of definition, when parsed, then the schedule is plain data that survives JSON', () => {
    const all = [
      schedule('timeDate', '2026-04-27T17:20:00Z'),
      schedule('timeDuration', 'P1DT2H'),
      schedule('timeCycle', 'R3/PT10M'),
      schedule('timeCycle', 'R/PT1H'),
      schedule('timeCycle', 'R3/2026-04-27T17:20:00[Europe/Berlin]/P1D'),
      schedule('timeCycle', '0 0 9-17 * * MON-FRI'),
      schedule('timeCycle', '@daily'),
    ];
    expect(JSON.parse(JSON.stringify(all))).toEqual(all);
    expect(all).toEqual([
      { type: 'date', at: Date.UTC(2026, 3, 27, 17, 20) },
      { type: 'duration', duration: { ...ZERO_DURATION, days: 1, hours: 2 } },
      { type: 'cycle', repetitions: 3, start: null, zone: null, interval: { ...ZERO_DURATION, minutes: 10 } },
      { type: 'cycle', repetitions: null, start: null, zone: null, interval: { ...ZERO_DURATION, hours: 1 } },
      { type: 'cycle', repetitions: 3, start: Date.UTC(2026, 3, 27, 15, 20), zone: 'Europe/Berlin', interval: { ...ZERO_DURATION, days: 1 } },
      { type: 'cron', expression: '0 0 9-17 * * MON-FRI' },
      { type: 'cron', expression: '@daily' },
    ]);
  });

  it('given white space around the value (XML indentation), when parsed, then it is ignored', () => {
    expect(schedule('timeDuration', '\n    PT10M\n  ')).toEqual({ type: 'duration', duration: { ...ZERO_DURATION, minutes: 10 } });
  });

  it('given R0, when parsed, then it is accepted: Zeebe fires it once, like R1', () => {
    expect(schedule('timeCycle', 'R0/PT10M')).toMatchObject({ type: 'cycle', repetitions: 0 });
  });
});

describe('parseTimer: errors name the value and what is wrong', () => {
  it.each<[TimerKind, string, string]>([
    ['timeCycle', 'R3/PT', "timeCycle 'R3/PT' is not a valid ISO 8601 repeating interval: the duration has no parts"],
    ['timeCycle', 'R3', "timeCycle 'R3' is not a valid ISO 8601 repeating interval: no interval after 'R3': write R3/PT10M (3 times, every 10 minutes) or R/PT1H (every hour, unbounded)"],
    ['timeCycle', 'Rx/PT1H', "timeCycle 'Rx/PT1H' is not a valid ISO 8601 repeating interval: the repetition count 'x' must be a whole number, as in R3/PT10M"],
    ['timeCycle', 'R-1/PT1H', "timeCycle 'R-1/PT1H' is not a valid ISO 8601 repeating interval: the repetition count '-1' must be a whole number, as in R3/PT10M"],
    ['timeCycle', 'R3000000000/PT1H', "timeCycle 'R3000000000/PT1H' is not a valid ISO 8601 repeating interval: the repetition count 3000000000 is too large (at most 2147483647)"],
    ['timeCycle', 'R/PT0S', "timeCycle 'R/PT0S' is not a valid ISO 8601 repeating interval: the interval must be longer than zero"],
    ['timeCycle', 'R/PT0.0001S', "timeCycle 'R/PT0.0001S' is not a valid ISO 8601 repeating interval: the interval must be longer than zero"],
    ['timeCycle', 'R/-PT1H', "timeCycle 'R/-PT1H' is not a valid ISO 8601 repeating interval: the interval must not be negative, in whole or in part"],
    ['timeCycle', 'R/P1MT-1H', "timeCycle 'R/P1MT-1H' is not a valid ISO 8601 repeating interval: the interval must not be negative, in whole or in part"],
    ['timeCycle', 'R3/2026-04-27T17:20:00Z/2026-04-28T17:20:00Z', "timeCycle 'R3/2026-04-27T17:20:00Z/2026-04-28T17:20:00Z' is not a valid ISO 8601 repeating interval: an interval given as <start>/<end> is not supported: write R<n>/<start>/<duration>"],
    ['timeCycle', 'R3/PT1H/2026-04-28T17:20:00Z', "timeCycle 'R3/PT1H/2026-04-28T17:20:00Z' is not a valid ISO 8601 repeating interval: an interval given as <duration>/<end> is not supported: write R<n>/<start>/<duration>"],
    ['timeCycle', 'R3/2026-04-27/P1D', "timeCycle 'R3/2026-04-27/P1D' is not a valid ISO 8601 repeating interval: the start '2026-04-27' is not a date-time: it has a date but no time: write 2026-04-27T00:00:00Z for midnight UTC"],
    ['timeCycle', 'r3/PT10M', "timeCycle 'r3/PT10M' is not a valid ISO 8601 repeating interval: write the 'R' in upper case"],
    ['timeCycle', 'PT1H', "timeCycle 'PT1H' is not a valid time cycle: a duration alone does not repeat: write R/PT1H (unbounded) or R3/PT1H (three times)"],
    ['timeCycle', '0 0 25 * * *', "timeCycle '0 0 25 * * *' is not a valid cron expression: hour field '25': 25 is out of range 0-23"],
    ['timeCycle', '0 0 0 30 2 *', "timeCycle '0 0 0 30 2 *' never fires: no date matches its day-of-month, month and day-of-week fields together"],
    ['timeCycle', '0 0 0 31 4,6,9,11 *', "timeCycle '0 0 0 31 4,6,9,11 *' never fires: no date matches its day-of-month, month and day-of-week fields together"],
    ['timeCycle', '', "timeCycle '' is not a valid cron expression: the value is empty"],
    ['timeDuration', 'PT', "timeDuration 'PT' is not a valid ISO 8601 duration: the duration has no parts"],
    ['timeDuration', '10m', "timeDuration '10m' is not a valid ISO 8601 duration: a duration starts with 'P', as in PT10M or P1D"],
    ['timeDate', '2026-04-27', "timeDate '2026-04-27' is not a valid ISO 8601 date-time: it has a date but no time: write 2026-04-27T00:00:00Z for midnight UTC"],
    ['timeDate', '2026-02-30T10:00:00Z', "timeDate '2026-02-30T10:00:00Z' is not a valid ISO 8601 date-time: February 2026 has no day 30 (it has 28 days)"],
  ])('given %s %j, when parsed, then: %s', (kind, value, expected) => {
    expect(error(kind, value)).toBe(expected);
  });

  it('given a hostile value, when parsed, then it is refused before parsing and the message stays short', () => {
    const message = error('timeCycle', `R/${'P1D'.repeat(1000)}`);
    expect(message).toBe(`timeCycle 'R/${'P1D'.repeat(25)}...' is too long (3002 characters, at most 256)`);
  });

  it('given a value that is not a string or an unknown kind, when parsed, then the error says so', () => {
    expect(parseTimer({ kind: 'timeDate', value: 42 as unknown as string })).toEqual({ ok: false, error: 'timeDate has no text value' });
    expect(parseTimer({ kind: 'timeLater' as TimerKind, value: 'PT1H' })).toEqual({
      ok: false, error: "unknown timer kind 'timeLater' (expected timeDate, timeDuration or timeCycle)",
    });
  });
});

import { describe, expect, it } from 'vitest';
import { baseRate, formatDuration, formatLogTime, nextTime } from './playback';

describe('playback', () => {
  it('given logs of an hour and of three seconds, when played at 1x, then the hour takes a minute and the short one plays in real time', () => {
    expect(baseRate(0, 3_600_000)).toBe(60);
    expect(baseRate(0, 3000)).toBe(1);
    expect(nextTime(0, 1000, 1, 0, 3_600_000)).toBe(60_000);
    expect(nextTime(0, 1000, 100, 0, 3_600_000)).toBe(3_600_000);
    expect(nextTime(0, 1000, 0.1, 0, 3_600_000)).toBe(6000);
  });

  it('given times and durations, when formatted, then they read in log time', () => {
    expect(formatLogTime(Date.UTC(2026, 0, 5, 9, 0, 0), false)).toBe('2026-01-05 09:00:00.000 UTC');
    expect(formatLogTime(80_500, true)).toBe('+1m 20.5s');
    expect([formatDuration(500), formatDuration(1500), formatDuration(90_000), formatDuration(7_200_000), formatDuration(2 * 86_400_000)]).toEqual(['500 ms', '1.5 s', '1.5 min', '2.0 h', '2.0 d']);
  });
});

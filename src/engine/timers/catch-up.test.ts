import { describe, expect, it } from 'vitest';
import { catchUp, MAX_MISSED_COUNT } from './catch-up';
import { iso, storedSchedule as schedule } from './test-support/parsed';
import type { TimerKind } from './types';

const at = Date.parse;

function plan(kind: TimerKind, value: string, due: string, done: number, now: string) {
  const p = catchUp(schedule(kind, value), at(due), done, at(now));
  return { ...p, next: iso(p.next) };
}

describe('catch-up after the host was down', () => {
  it('given a timer not due yet, when the host starts, then nothing fires and the due time stays', () => {
    expect(plan('timeDuration', 'PT1H', '2026-04-27T11:00:00Z', 0, '2026-04-27T10:30:00Z'))
      .toEqual({ fire: false, next: '2026-04-27T11:00:00.000Z', missed: 0 });
  });

  it('given an overdue date or duration, when the host starts, then it fires once and is over', () => {
    expect(plan('timeDate', '2026-04-27T08:00:00Z', '2026-04-27T08:00:00Z', 0, '2026-04-28T10:00:00Z'))
      .toEqual({ fire: true, next: null, missed: 0 });
    expect(plan('timeDuration', 'PT10M', '2026-04-27T08:10:00Z', 0, '2026-04-28T10:00:00Z'))
      .toEqual({ fire: true, next: null, missed: 0 });
  });

  it('given an hourly cycle due at 10:00 and the host back at 13:30, then it fires once, next at 14:30, three due times missed', () => {
    expect(plan('timeCycle', 'R/PT1H', '2026-04-27T10:00:00Z', 0, '2026-04-27T13:30:00Z'))
      .toEqual({ fire: true, next: '2026-04-27T14:30:00.000Z', missed: 3 });
  });

  it('given a bounded cycle, when due times were missed, then they do not use up repetitions', () => {
    // R5: the 1st fire is late; 4 repetitions are left afterwards, however long the host was down.
    const late = plan('timeCycle', 'R5/PT1H', '2026-04-27T10:00:00Z', 0, '2026-04-28T10:30:00Z');
    expect(late).toEqual({ fire: true, next: '2026-04-28T11:30:00.000Z', missed: 4 });
    // R5 on its last repetition: fires, then is over.
    expect(plan('timeCycle', 'R5/PT1H', '2026-04-27T14:00:00Z', 4, '2026-04-28T10:30:00Z')).toEqual({ fire: true, next: null, missed: 0 });
  });

  it('given a cycle fired a little late but before its next natural due time, then it keeps its phase', () => {
    expect(plan('timeCycle', 'R/PT1H', '2026-04-27T10:00:00Z', 3, '2026-04-27T10:05:00Z'))
      .toEqual({ fire: true, next: '2026-04-27T11:00:00.000Z', missed: 0 });
  });

  it('given a monthly cycle and a Berlin daily cycle, when months or days were missed, then the calendar counts them', () => {
    expect(plan('timeCycle', 'R/2026-01-31T00:00:00Z/P1M', '2026-01-31T00:00:00Z', 0, '2026-06-15T00:00:00Z'))
      .toEqual({ fire: true, next: '2026-07-15T00:00:00.000Z', missed: 4 }); // Feb 28, Mar 28, Apr 28, May 28
    expect(plan('timeCycle', 'R/2026-03-27T10:00:00[Europe/Berlin]/P1D', '2026-03-27T09:00:00Z', 0, '2026-03-30T09:00:00Z'))
      .toEqual({ fire: true, next: '2026-03-31T09:00:00.000Z', missed: 3 }); // 28th 09:00Z, 29th 08:00Z, 30th 08:00Z
  });

  it('given a cron cycle, when the host comes back, then it fires once and next is the first match after now', () => {
    expect(plan('timeCycle', '0 0 9-17 * * MON-FRI', '2026-04-24T17:00:00Z', 0, '2026-04-27T11:30:00Z'))
      .toEqual({ fire: true, next: '2026-04-27T12:00:00.000Z', missed: 3 }); // Mon 09:00, 10:00, 11:00
  });

  it('given an every-second cron down for a month, when counted, then missed stops at the cap', () => {
    expect(plan('timeCycle', '* * * * * *', '2026-04-01T00:00:00Z', 0, '2026-05-01T00:00:00Z'))
      .toEqual({ fire: true, next: '2026-05-01T00:00:01.000Z', missed: MAX_MISSED_COUNT });
  });
});

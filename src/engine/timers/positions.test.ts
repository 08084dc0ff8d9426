import { describe, expect, it } from 'vitest';
import { allowedKinds, isAllowed } from './positions';
import type { TimerPosition } from './positions';
import type { TimerKind } from './types';

describe('isAllowed: which timer definitions Zeebe accepts where', () => {
  const table: [TimerPosition, TimerKind[]][] = [
    ['startEvent', ['timeDate', 'timeCycle']],
    ['eventSubprocessStart', ['timeDate', 'timeDuration']],
    ['eventSubprocessStartNonInterrupting', ['timeDate', 'timeDuration', 'timeCycle']],
    ['intermediateCatchEvent', ['timeDate', 'timeDuration']],
    ['boundaryEvent', ['timeDate', 'timeDuration']],
    ['boundaryEventNonInterrupting', ['timeDate', 'timeDuration', 'timeCycle']],
  ];

  it.each(table)('given %s, when each kind is checked, then exactly %j pass', (position, allowed) => {
    expect(allowedKinds(position)).toEqual(allowed);
    for (const kind of ['timeDate', 'timeDuration', 'timeCycle'] as TimerKind[]) {
      expect(isAllowed(kind, position).ok).toBe(allowed.includes(kind));
    }
  });

  it.each<[TimerKind, TimerPosition, string]>([
    ['timeDuration', 'startEvent', 'a timeDuration is not allowed on a timer start event of a process (allowed: timeDate, timeCycle)'],
    ['timeCycle', 'boundaryEvent', 'a timeCycle is not allowed on an interrupting timer boundary event (allowed: timeDate, timeDuration)'],
    ['timeCycle', 'intermediateCatchEvent', 'a timeCycle is not allowed on an intermediate timer catch event (allowed: timeDate, timeDuration)'],
    ['timeCycle', 'eventSubprocessStart', 'a timeCycle is not allowed on an interrupting timer start event of an event subprocess (allowed: timeDate, timeDuration)'],
  ])('given a %s on %s, when checked, then the compiler message says what is allowed', (kind, position, message) => {
    expect(isAllowed(kind, position)).toEqual({ ok: false, error: message });
  });
});

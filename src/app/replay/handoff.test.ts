import { describe, expect, it } from 'vitest';
import { eventsOf } from '../../replay/model';
import { readXes } from '../../replay/xes-read';
import { toXes, type LogEntry } from '../../simulation';
import { openInReplay, peekHandedSource, releaseHandedSource, simulationSource } from './handoff';

const T = Date.UTC(2026, 0, 5, 9);
const RUN: LogEntry[] = [
  { caseId: '1', activity: 'Serve', enableTime: T, startTime: T, endTime: T + 60_000, resource: 'Clerk-1' },
  { caseId: '2', activity: 'Serve', enableTime: T + 10_000, startTime: T + 60_000, endTime: T + 90_000, resource: 'Clerk-1' },
  { caseId: '1', activity: 'Pack', enableTime: T + 60_000, startTime: T + 60_000, endTime: T + 70_000, resource: 'Packer' },
];

describe('a simulation run handed to the player', () => {
  it('given a simulated log, when handed over, then the player gets the events its XES export would give (assign when it waited)', () => {
    const handed = simulationSource(RUN, '<definitions/>', 'shop-baseline');
    expect(handed.log.cases).toEqual(['1', '2']);
    // XES groups events by trace: compare each case's events in order.
    const byCase = (log: Parameters<typeof eventsOf>[0]) => eventsOf(log).sort((a, b) => a.caseId.localeCompare(b.caseId));
    expect(byCase(handed.log)).toEqual(byCase(readXes(toXes(RUN, 'shop-baseline'))));
    expect(eventsOf(handed.log).filter((e) => e.lifecycle === 'assign').map((e) => e.caseId)).toEqual(['2']);
  });

  it('given nothing handed over, when the replay view asks, then there is no source', () => {
    expect(peekHandedSource()).toBeNull();
  });

  it('given a run handed over, when renders are thrown away before one commits (a lazy chunk suspended the mount), then each still sees it; the committed view releases it, and a newer one stays', () => {
    const location = { hash: '' };
    Object.assign(globalThis, { window: { location } });
    try {
      const first = simulationSource(RUN, '<definitions/>', 'first');
      openInReplay(first);
      expect(location.hash).toBe('#/replay');
      expect([peekHandedSource(), peekHandedSource()]).toEqual([first, first]);
      const second = simulationSource(RUN, '<definitions/>', 'second');
      openInReplay(second);
      releaseHandedSource(first);
      expect(peekHandedSource()).toBe(second);
      releaseHandedSource(second);
      expect(peekHandedSource()).toBeNull();
    } finally {
      delete (globalThis as { window?: unknown }).window;
    }
  });
});

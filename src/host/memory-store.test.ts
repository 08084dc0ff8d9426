import { describe, expect, it } from 'vitest';
import type { HistoryEvent, InstanceState } from '../engine';
import { CountingIds, ManualClock, SeededRandom } from './clocks';
import { MemoryStore } from './memory-store';

function instance(id: string, jobKeys: string[] = []): InstanceState {
  return {
    schemaVersion: 1, instanceId: id, processId: 'p', processVersion: 1, businessKey: null, status: 'active', suspended: false,
    parent: null, startedAt: 0, endedAt: null, seq: 0, variables: {}, elements: {}, joins: {}, tasks: {}, incidents: {}, path: [],
    jobs: Object.fromEntries(jobKeys.map((key) => [key, {
      key, type: 't', retries: 1, elementId: 'E', elementInstanceId: 'e', processInstanceId: id, customHeaders: {}, state: 'activatable' as const,
      errorMessage: null, createdAt: 0,
    }])),
  };
}

const event = (instanceId: string, seq: number): HistoryEvent => ({ instanceId, seq, time: 0, type: 'instanceCompleted' });

describe('MemoryStore', () => {
  it('given a commit, then instances, job index and history are updated together', async () => {
    const store = new MemoryStore();
    await store.commit({ instances: [instance('i1', ['j1'])], history: [event('i1', 1)] });
    expect(await store.findInstanceByJob('j1')).toBe('i1');
    await store.commit({ instances: [instance('i1', ['j2'])], history: [event('i1', 2)] });
    expect(await store.findInstanceByJob('j1')).toBeUndefined();
    expect(await store.findInstanceByJob('j2')).toBe('i1');
    expect((await store.loadHistory('i1')).map((e) => e.seq)).toEqual([1, 2]);
    expect((await store.loadHistory('i1', 1)).map((e) => e.seq)).toEqual([2]);
  });

  it('given history of an unknown instance, then the commit is rejected and nothing changes', async () => {
    const store = new MemoryStore();
    await expect(store.commit({ instances: [instance('i1')], history: [event('ghost', 1)] })).rejects.toThrow(/unknown instance ghost/);
    expect(await store.listInstances()).toEqual([]);
    expect(store.commits).toBe(0);
  });
});

describe('clocks, ids and randomness', () => {
  it('a manual clock moves only forward and only when told', () => {
    const clock = new ManualClock(100);
    clock.advance(50);
    expect(clock.now()).toBe(150);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });

  it('counting ids count per kind', () => {
    const ids = new CountingIds();
    expect([ids.next('job'), ids.next('job'), ids.next('task')]).toEqual(['job-1', 'job-2', 'task-1']);
  });

  it('seeded random repeats per seed and stays in [0, 1)', () => {
    const a = new SeededRandom(1);
    const b = new SeededRandom(1);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(1000);
    expect(new SeededRandom(2).next()).not.toBe(xs[0]);
  });
});

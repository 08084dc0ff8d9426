import { describe, expect, it } from 'vitest';
import { CountingIds, ManualClock, SeededRandom } from './clocks';
import { MemoryStore } from './memory-store';
import { at, command, event, instance, message, storeContract, sub } from './test-support/store-contract';

storeContract('MemoryStore', () => new MemoryStore());

describe('MemoryStore', () => {
  it('counts commits, so tests can prove one operation is one commit', async () => {
    const store = new MemoryStore();
    await store.commit({ instances: [instance('i1')], history: [event('i1', 1)] });
    await expect(store.commit({ instances: [], history: [event('ghost', 1)] })).rejects.toThrow(/unknown instance ghost/);
    expect(store.commits).toBe(1);
  });

  it('given a snapshot restored, then its command records keep their order numbers (or their absence) and new records come after them', async () => {
    const store = new MemoryStore();
    await store.commit({ instances: [at(instance('i1'), 2)], history: [event('i1', 1)], commands: [command('i1', 1, 'start'), command('i1', 2, 'a')] });
    const snapshot = JSON.parse(JSON.stringify(store.snapshot()));
    snapshot.instances.push(at(instance('old'), 1));
    snapshot.commands.push(command('old', 1, 'start')); // written before stores kept the order
    const copy = await MemoryStore.fromSnapshot(snapshot);
    expect((await copy.loadCommands('i1')).map((c) => c.order)).toEqual([1, 2]);
    expect((await copy.loadCommands('old'))[0].order).toBeUndefined();
    await copy.commit({ instances: [at(instance('i1'), 3)], history: [event('i1', 2)], commands: [command('i1', 3, 'b')] });
    expect((await copy.loadCommands('i1')).map((c) => c.order)).toEqual([1, 2, 3]);
  });

  it('given a new instance committed in one step, when its caller reuses the arrays and a second step follows, then the store keeps its own history, records and revision check', async () => {
    const store = new MemoryStore();
    const history = [event('i1', 1), event('i1', 2)];
    const commands = [command('i1', 1, 'start')];
    await store.commit({ instances: [instance('i1')], history, commands });
    history.push(event('i1', 99));
    commands[0].n = 7;
    await store.commit({ instances: [at(instance('i1'), 2)], history: [event('i1', 3)], commands: [command('i1', 2, 'a')] });
    expect((await store.loadHistory('i1')).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect((await store.loadCommands('i1')).map((c) => [c.n, c.order])).toEqual([[1, 1], [2, 2]]);
    // The one-step check: a commit based on a revision that moved on is refused, nothing written.
    await expect(store.commit({ instances: [at(instance('i1'), 2)], history: [event('i1', 4)], commands: [command('i1', 2, 'b')] })).rejects.toThrow(/stored revision 2/);
    expect((await store.loadHistory('i1')).length).toBe(3);
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

describe('MemoryStore snapshots', () => {
  it('given a store with instances, history, buffered messages and locks, when it goes through JSON, then the copy answers the same lookups', async () => {
    const store = new MemoryStore();
    await store.commit({
      instances: [instance('i1', { jobs: ['j1'], subscriptions: [sub('i1', 's1', 'message', 'paid', 'k')] })], history: [event('i1', 1)],
      messages: [message('m1', 'k')], messageStartLocks: [{ processId: 'p', correlationKey: 'k', instanceId: 'i1' }],
    });
    const copy = await MemoryStore.fromSnapshot(JSON.parse(JSON.stringify(store.snapshot())));
    expect(copy.commits).toBe(0);
    expect(await copy.findInstanceByJob('j1')).toBe('i1');
    expect((await copy.findSubscriptions('message', 'paid', 'k')).map((s) => s.key)).toEqual(['s1']);
    expect(await copy.findBufferedMessages('paid', 'k')).toEqual([message('m1', 'k')]);
    expect((await copy.findMessageStartLockOf('i1'))?.processId).toBe('p');
    expect(await copy.loadHistory('i1')).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { fixture } from '../../engine/test-support/harness';
import { MessageTestHost, T0 } from '../test-support/message-host';

const MIN = 60_000;
const given = () => MessageTestHost.create([fixture(import.meta.url, 'message-table.bpmn')]);

describe('the message buffer on the virtual clock', () => {
  it('given a buffered message, when its time to live ends, then the scheduler drops it at that instant and later subscriptions do not get it', async () => {
    const t = await given();
    const r = await t.host.messages.publish({ name: 'wake-up', correlationKey: 'k', timeToLiveMs: 10 * MIN });
    expect(r).toMatchObject({ buffered: true, expiresAt: T0 + 10 * MIN });
    expect(t.host.timers.nextDueAt()).toBe(T0 + 10 * MIN);
    await t.host.timers.advance(10 * MIN - 1);
    expect(await t.host.messages.listBuffered()).toHaveLength(1);
    await t.restart();
    expect(t.host.timers.nextDueAt()).toBe(T0 + 10 * MIN);
    expect(await t.host.timers.advance(1)).toBe(1);
    expect(await t.host.messages.listBuffered()).toEqual([]);
    expect(await t.store.listBufferedMessages()).toEqual([]);
    expect(t.host.timers.nextDueAt()).toBeNull();
    const w = await t.host.startInstance('waiter', { variables: { key: 'k' } });
    expect(w.status).toBe('active');
  });

  it('given a message whose end the scheduler has not reached yet, when a subscription opens at its end, then it is already gone', async () => {
    const t = await given();
    await t.host.messages.publish({ name: 'wake-up', correlationKey: 'k', timeToLiveMs: MIN });
    // The clock moves without the scheduler (a real clock between two firings).
    t.clock.advance(MIN);
    await t.restart();
    expect((await t.host.startInstance('waiter', { variables: { key: 'k' } })).status).toBe('active');
    expect(await t.host.timers.runDue()).toBe(1);
    expect(await t.host.messages.listBuffered()).toEqual([]);
  });

  it('given buffered messages, when the host was down past their ends, then the new host drops each once on start', async () => {
    const t = await given();
    await t.host.messages.publish({ name: 'wake-up', correlationKey: 'a', timeToLiveMs: MIN });
    await t.host.messages.publish({ name: 'wake-up', correlationKey: 'b', timeToLiveMs: 2 * MIN });
    await t.host.messages.publish({ name: 'wake-up', correlationKey: 'c', timeToLiveMs: 60 * MIN });
    t.clock.advance(30 * MIN);
    await t.restart();
    expect(await t.host.timers.runDue()).toBe(2);
    expect((await t.host.messages.listBuffered()).map((m) => m.correlationKey)).toEqual(['c']);
    expect(await t.host.timers.runDue()).toBe(0);
  });

  it('given messages buffered in order, when subscriptions open after a restart, then they are taken oldest first, each once per process', async () => {
    const t = await given();
    for (let n = 1; n <= 3; n++) {
      await t.host.messages.publish({ name: 'wake-up', correlationKey: 'k', variables: { n }, timeToLiveMs: 10 * MIN });
      t.clock.advance(1000);
    }
    await t.restart();
    const got: unknown[] = [];
    for (let i = 0; i < 4; i++) got.push((await t.host.startInstance('waiter', { variables: { key: 'k' } })).variables.n);
    expect(got).toEqual([1, 2, 3, undefined]);
    expect((await t.host.messages.listBuffered()).map((m) => m.correlatedTo)).toEqual([['waiter'], ['waiter'], ['waiter']]);
  });

  it('given a duplicate message id, when published while the first is buffered, then it is refused whatever its ttl, and nothing of it is kept', async () => {
    const t = await given();
    const w = await t.host.startInstance('waiter', { variables: { key: 'k' } });
    await t.host.messages.publish({ name: 'wake-up', correlationKey: 'other', messageId: 'id-1', timeToLiveMs: MIN });
    await t.host.messages.publish({ name: 'wake-up', correlationKey: 'k', messageId: 'id-1', timeToLiveMs: MIN });
    expect((await t.state(w.instanceId)).status).toBe('completed');
    await t.restart();
    const w2 = await t.host.startInstance('waiter', { variables: { key: 'k' } });
    const commits = t.store.commits;
    await expect(t.host.messages.publish({ name: 'wake-up', correlationKey: 'k', messageId: 'id-1' })).rejects.toMatchObject({ name: 'HostError', reason: 'duplicate' });
    // A duplicate correlates nowhere: the new waiter still waits, and no commit was made.
    expect((await t.state(w2.instanceId)).status).toBe('active');
    expect(t.store.commits).toBe(commits);
    expect((await t.host.messages.listBuffered()).map((m) => m.messageId)).toEqual(['id-1', 'id-1']);
  });
});

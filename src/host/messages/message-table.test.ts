import { describe, expect, it } from 'vitest';
import { fixture } from '../../engine/test-support/harness';
import { MessageTestHost } from '../test-support/message-host';
import type { PublishRequest } from './types';

/*
 * Zeebe's message correlation overview (docs.camunda.io, concepts/messages, "Message correlation
 * overview"): correlation key x message id x time to live x receiver, one test per row, in the
 * table's order. "Equal messages" have the same name, correlation key and message id.
 */

const MIN = 60_000;
const TTL = 10 * MIN;
const xml = () => fixture(import.meta.url, 'message-table.bpmn');

async function given() {
  const t = await MessageTestHost.create([xml()]);
  return {
    t,
    start: (extra: Partial<PublishRequest> = {}) => t.host.messages.publish({ name: 'start-it', ...extra }),
    wake: (extra: Partial<PublishRequest> = {}) => t.host.messages.publish({ name: 'wake-up', ...extra }),
    starters: async () => t.instances('starter'),
    active: async () => (await t.instances('starter')).filter((s) => s.status === 'active'),
    waiter: async (key: string) => (await t.host.startInstance('waiter', { variables: { key } })).instanceId,
    status: async (id: string) => (await t.state(id)).status,
  };
}

describe('the message correlation overview, start event receivers', () => {
  it('key set | no id | ttl 0 | start: a new instance only while no instance started with that key is active', async () => {
    const { t, start, starters, active } = await given();
    expect((await start({ correlationKey: 'order-1' })).correlations.map((c) => c.kind)).toEqual(['start']);
    await t.restart();
    const again = await start({ correlationKey: 'order-1' });
    expect(again).toMatchObject({ correlations: [], blockedStarts: ['starter'], buffered: false });
    expect(await start({ correlationKey: 'order-2' })).toMatchObject({ correlations: [{ kind: 'start' }] });
    await t.completeTask((await active())[0].instanceId, 's_work');
    // Not buffered: the discarded message does not come back when the key is free.
    expect((await starters()).length).toBe(2);
    await start({ correlationKey: 'order-1' });
    expect((await active()).length).toBe(2);
  });

  it('key set | no id | ttl > 0 | start: blocked messages wait in the buffer for the active instance to end; equal messages are buffered', async () => {
    const { t, start, starters, active } = await given();
    await start({ correlationKey: 'order-1', variables: { n: 1 }, timeToLiveMs: TTL });
    const second = await start({ correlationKey: 'order-1', variables: { n: 2 }, timeToLiveMs: TTL });
    expect(second).toMatchObject({ correlations: [], blockedStarts: ['starter'], buffered: true });
    await t.restart();
    const [first] = await active();
    await t.completeTask(first.instanceId, 's_work');
    // The same operation started the next instance from the buffered message.
    const [next] = await active();
    expect(next.variables).toEqual({ n: 2 });
    await start({ correlationKey: 'order-1', variables: { n: 3 }, timeToLiveMs: TTL });
    await t.host.timers.advance(TTL);
    await t.completeTask(next.instanceId, 's_work');
    // The third message's lifetime ended before the key was free.
    expect((await starters()).map((s) => s.variables.n)).toEqual([1, 2]);
    expect(await active()).toEqual([]);
  });

  it('key set | id set | ttl 0 | start: a new instance if no instance with the key is active and no equal message is buffered', async () => {
    const { t, start, active } = await given();
    await start({ correlationKey: 'order-1', messageId: 'm-1' });
    // Nothing is buffered, so the same id is no duplicate; the active instance still blocks it.
    expect(await start({ correlationKey: 'order-1', messageId: 'm-1' })).toMatchObject({ correlations: [], blockedStarts: ['starter'] });
    await t.restart();
    await t.completeTask((await active())[0].instanceId, 's_work');
    expect(await start({ correlationKey: 'order-1', messageId: 'm-1' })).toMatchObject({ correlations: [{ kind: 'start' }] });
  });

  it('key set | id set | ttl > 0 | start: an equal buffered message is refused; another id waits for the key; a dropped id can come again', async () => {
    const { t, start, active } = await given();
    await start({ correlationKey: 'order-1', messageId: 'm-1', timeToLiveMs: TTL, variables: { n: 1 } });
    await expect(start({ correlationKey: 'order-1', messageId: 'm-1', timeToLiveMs: TTL })).rejects.toThrow(/start-it with correlation key 'order-1' and id 'm-1' was already published/);
    // Equality is name + key + id: the same id with another key is a different message.
    expect(await start({ correlationKey: 'order-9', messageId: 'm-1' })).toMatchObject({ correlations: [{ kind: 'start' }] });
    await start({ correlationKey: 'order-1', messageId: 'm-2', timeToLiveMs: TTL, variables: { n: 2 } });
    await t.restart();
    await expect(start({ correlationKey: 'order-1', messageId: 'm-1' })).rejects.toMatchObject({ reason: 'duplicate' });
    await t.completeTask((await active()).find((s) => s.variables.n === 1)!.instanceId, 's_work');
    // m-1 was correlated to this process already: m-2 starts the next instance.
    expect((await active()).map((s) => s.variables.n).sort()).toEqual([2, undefined]);
    await t.host.timers.advance(TTL);
    expect(await t.host.messages.listBuffered()).toEqual([]);
    expect(await start({ correlationKey: 'order-1', messageId: 'm-1' })).toMatchObject({ blockedStarts: ['starter'] });
  });

  it('empty key | no id | ttl 0 | start: every message starts a new instance', async () => {
    const { t, start, active } = await given();
    await start();
    await t.restart();
    await start({ correlationKey: '' });
    expect((await active()).length).toBe(2);
    expect(await t.host.messages.listBuffered()).toEqual([]);
  });

  it('empty key | no id | ttl > 0 | start: every message starts a new instance (and is buffered, taking nothing twice)', async () => {
    const { t, start, active } = await given();
    await start({ timeToLiveMs: TTL });
    await start({ timeToLiveMs: TTL });
    await t.restart();
    expect((await active()).length).toBe(2);
    expect((await t.host.messages.listBuffered()).map((m) => m.correlatedTo)).toEqual([['starter'], ['starter']]);
  });

  it('empty key | id set | ttl 0 | start: a new instance unless an equal message is buffered (none is, with ttl 0)', async () => {
    const { t, start, active } = await given();
    await start({ messageId: 'm-1' });
    await t.restart();
    await start({ messageId: 'm-1' });
    expect((await active()).length).toBe(2);
  });

  it('empty key | id set | ttl > 0 | start: a new instance unless an equal message is buffered', async () => {
    const { t, start, active } = await given();
    await start({ messageId: 'm-1', timeToLiveMs: TTL });
    await t.restart();
    await expect(start({ messageId: 'm-1', timeToLiveMs: TTL })).rejects.toMatchObject({ reason: 'duplicate' });
    await start({ messageId: 'm-2', timeToLiveMs: TTL });
    expect((await active()).length).toBe(2);
  });
});

describe('the message correlation overview, intermediate event receivers', () => {
  it('key set | no id | ttl 0 | intermediate: correlated if a matching subscription is active, else discarded', async () => {
    const { t, wake, waiter, status } = await given();
    expect((await wake({ correlationKey: 'order-1' })).correlations).toEqual([]);
    const w = await waiter('order-1');
    await t.restart();
    expect(await status(w)).toBe('active');
    expect((await wake({ correlationKey: 'order-2' })).correlations).toEqual([]);
    expect((await wake({ correlationKey: 'order-1', variables: { ok: true } })).correlations).toEqual([{ kind: 'catch', processId: 'waiter', processInstanceId: w, elementId: 'w_catch' }]);
    expect(await t.state(w)).toMatchObject({ status: 'completed', variables: { key: 'order-1', ok: true } });
  });

  it('key set | no id | ttl > 0 | intermediate: correlated during its lifetime, once per process, oldest first; equal messages are buffered', async () => {
    const { t, wake, waiter, status } = await given();
    await wake({ correlationKey: 'order-1', timeToLiveMs: TTL, variables: { n: 1 } });
    await wake({ correlationKey: 'order-1', timeToLiveMs: TTL, variables: { n: 2 } });
    await t.restart();
    const a = await waiter('order-1');
    const b = await waiter('order-1');
    const c = await waiter('order-1');
    expect([(await t.state(a)).variables.n, (await t.state(b)).variables.n, await status(c)]).toEqual([1, 2, 'active']);
    await t.host.timers.advance(TTL);
    expect(await status(await waiter('order-1'))).toBe('active');
  });

  it('key set | id set | ttl 0 | intermediate: correlated if a subscription is active and no equal message is buffered', async () => {
    const { t, wake, waiter, status } = await given();
    const a = await waiter('order-1');
    await t.restart();
    await wake({ correlationKey: 'order-1', messageId: 'm-1' });
    const b = await waiter('order-1');
    await wake({ correlationKey: 'order-1', messageId: 'm-1' });
    expect([await status(a), await status(b)]).toEqual(['completed', 'completed']);
  });

  it('key set | id set | ttl > 0 | intermediate: correlated during its lifetime unless an equal message is buffered', async () => {
    const { t, wake, waiter, status } = await given();
    await wake({ correlationKey: 'order-1', messageId: 'm-1', timeToLiveMs: TTL });
    await expect(wake({ correlationKey: 'order-1', messageId: 'm-1', timeToLiveMs: TTL })).rejects.toMatchObject({ reason: 'duplicate' });
    await t.restart();
    const a = await waiter('order-1');
    const b = await waiter('order-1');
    expect([await status(a), await status(b)]).toEqual(['completed', 'active']);
  });

  it('empty key | no id | ttl 0 | intermediate: correlated to a subscription for the empty key only', async () => {
    const { t, wake, waiter, status } = await given();
    const empty = await waiter('');
    const keyed = await waiter('order-1');
    await t.restart();
    expect((await wake()).correlations.map((c) => c.processInstanceId)).toEqual([empty]);
    expect([await status(empty), await status(keyed)]).toEqual(['completed', 'active']);
  });

  it('empty key | no id | ttl > 0 | intermediate: correlated during its lifetime to empty-key subscriptions; equal messages are buffered', async () => {
    const { t, wake, waiter, status } = await given();
    await wake({ timeToLiveMs: TTL, variables: { n: 1 } });
    await wake({ timeToLiveMs: TTL, variables: { n: 2 } });
    await t.restart();
    const keyed = await waiter('order-1');
    const a = await waiter('');
    const b = await waiter('');
    expect([await status(keyed), (await t.state(a)).variables.n, (await t.state(b)).variables.n]).toEqual(['active', 1, 2]);
  });

  it('empty key | id set | ttl 0 | intermediate: correlated to an empty-key subscription unless an equal message is buffered', async () => {
    const { t, wake, waiter, status } = await given();
    const a = await waiter('');
    await wake({ messageId: 'm-1' });
    await t.restart();
    const b = await waiter('');
    await wake({ messageId: 'm-1' });
    expect([await status(a), await status(b)]).toEqual(['completed', 'completed']);
  });

  it('empty key | id set | ttl > 0 | intermediate: correlated during its lifetime unless an equal message is buffered', async () => {
    const { t, wake, waiter, status } = await given();
    await wake({ messageId: 'm-1', timeToLiveMs: TTL });
    await t.restart();
    await expect(wake({ messageId: 'm-1' })).rejects.toThrow(/wake-up with correlation key '' and id 'm-1' was already published/);
    const a = await waiter('');
    expect(await status(a)).toBe('completed');
    await t.host.timers.advance(TTL);
    // Out of the buffer, the id may be published again.
    expect(await wake({ messageId: 'm-1', timeToLiveMs: TTL })).toMatchObject({ buffered: true, correlations: [] });
  });
});

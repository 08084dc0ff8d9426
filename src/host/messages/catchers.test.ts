import { describe, expect, it } from 'vitest';
import { activeElementIds } from '../../engine';
import { fixture } from '../../engine/test-support/harness';
import { MessageTestHost } from '../test-support/message-host';

const MIN = 60_000;
const given = () => MessageTestHost.create([fixture(import.meta.url, 'catchers.bpmn')]);

describe('message catchers on the host', () => {
  it('given a task with message boundaries, when notes arrive, then the non-interrupting one runs each time beside the task; the interrupting one ends it', async () => {
    const t = await given();
    const pi = await t.host.startInstance('boundaries', { variables: { orderId: 'o-1', notes: [] } });
    await t.host.messages.publish({ name: 'add-note', correlationKey: 'o-1', variables: { text: 'first' } });
    await t.restart();
    await t.host.messages.publish({ name: 'add-note', correlationKey: 'o-1', variables: { text: 'second' } });
    let s = await t.state(pi.instanceId);
    expect(activeElementIds(s)).toEqual(['review']);
    expect(s.variables.notes).toEqual(['first', 'second']);
    expect(s.path.filter((id) => id === 'b_noted')).toHaveLength(2);
    // Another order's message does not reach it.
    expect((await t.host.messages.publish({ name: 'cancel-order', correlationKey: 'o-2' })).correlations).toEqual([]);
    await t.host.messages.publish({ name: 'cancel-order', correlationKey: 'o-1' });
    s = await t.state(pi.instanceId);
    expect(s.status).toBe('completed');
    expect(s.path).toContain('b_canceled');
    expect(s.tasks).toEqual({});
    expect(s.subscriptions).toEqual({});
    expect((await t.host.messages.publish({ name: 'add-note', correlationKey: 'o-1' })).correlations).toEqual([]);
  });

  it('given buffered notes, when the task with the non-interrupting boundary starts, then the boundary takes each of them once', async () => {
    const t = await given();
    for (const text of ['a', 'b', 'c']) await t.host.messages.publish({ name: 'add-note', correlationKey: 'o-1', variables: { text }, timeToLiveMs: 10 * MIN });
    await t.restart();
    const pi = await t.host.startInstance('boundaries', { variables: { orderId: 'o-1', notes: [] } });
    expect((await t.state(pi.instanceId)).variables.notes).toEqual(['a', 'b', 'c']);
    // Each message went to this process once: a second instance finds nothing new.
    const other = await t.host.startInstance('boundaries', { variables: { orderId: 'o-1', notes: [] } });
    expect((await t.state(other.instanceId)).variables.notes).toEqual([]);
  });

  it('given event subprocesses with message starts, when ping arrives twice and then abort, then ping runs beside the work each time and abort ends everything', async () => {
    const t = await given();
    const pi = await t.host.startInstance('watched', { variables: { orderId: 'o-1' } });
    await t.host.messages.publish({ name: 'ping', correlationKey: 'o-1' });
    await t.host.messages.publish({ name: 'ping', correlationKey: 'o-1' });
    await t.restart();
    let s = await t.state(pi.instanceId);
    expect(s.path.filter((id) => id === 'pinged')).toHaveLength(2);
    expect(activeElementIds(s)).toEqual(['work']);
    const abort = await t.host.messages.publish({ name: 'abort', correlationKey: 'o-1' });
    expect(abort.correlations).toEqual([{ kind: 'catch', processId: 'watched', processInstanceId: pi.instanceId, elementId: 'abort_start' }]);
    s = await t.state(pi.instanceId);
    expect(s.status).toBe('completed');
    expect(s.path).toContain('aborted');
    expect(s.subscriptions).toEqual({});
  });

  it('given event subprocesses nested in a subprocess, when messages arrive, then they act inside it while it runs and not after it', async () => {
    const t = await given();
    const pi = await t.host.startInstance('nested', { variables: { orderId: 'o-1' } });
    await t.host.messages.publish({ name: 'ping', correlationKey: 'o-1' });
    expect(activeElementIds(await t.state(pi.instanceId))).toEqual(['inner', 'sub']);
    await t.host.messages.publish({ name: 'abort', correlationKey: 'o-1' });
    await t.restart();
    let s = await t.state(pi.instanceId);
    expect(activeElementIds(s)).toEqual(['cleanup', 'sub', 'sub_on_abort']);
    expect(s.path).toContain('sub_pinged');
    // The interrupting start withdrew the other event subprocess's subscription with the work.
    expect(Object.values(s.subscriptions)).toEqual([]);
    expect((await t.host.messages.publish({ name: 'ping', correlationKey: 'o-1' })).correlations).toEqual([]);
    await t.completeTask(pi.instanceId, 'cleanup');
    s = await t.state(pi.instanceId);
    expect(activeElementIds(s)).toEqual(['after']);
    expect((await t.host.messages.publish({ name: 'abort', correlationKey: 'o-1' })).correlations).toEqual([]);
  });

  it('given two instances of one process and one of another waiting for the same message, when it is published, then it reaches the oldest of the first and the other (once per process id)', async () => {
    const t = await given();
    const first = await t.host.startInstance('receive', { variables: { orderId: 'o-1' } });
    const second = await t.host.startInstance('receive', { variables: { orderId: 'o-1' } });
    const ledger = await t.host.startInstance('ledger', { variables: { orderId: 'o-1' } });
    await t.restart();
    const r = await t.host.messages.publish({ name: 'payment', correlationKey: 'o-1', variables: { amount: 42 } });
    expect(r.correlations.map((c) => [c.processId, c.processInstanceId, c.elementId])).toEqual([
      ['receive', first.instanceId, 'await_payment'],
      ['ledger', ledger.instanceId, 'l_catch'],
    ]);
    expect(await t.state(first.instanceId)).toMatchObject({ status: 'completed', variables: { amount: 42 } });
    expect((await t.state(second.instanceId)).status).toBe('active');
    expect((await t.state(ledger.instanceId)).status).toBe('completed');
  });

  it('given a receive task with a timer boundary, when no payment comes within the hour, then the timer ends it and a later payment finds nobody', async () => {
    const t = await given();
    const pi = await t.host.startInstance('receive', { variables: { orderId: 'o-1' } });
    await t.restart();
    await t.host.timers.advance(60 * MIN);
    expect((await t.state(pi.instanceId)).path).toContain('r_unpaid');
    expect((await t.host.messages.publish({ name: 'payment', correlationKey: 'o-1' })).correlations).toEqual([]);
  });

  it('given an event-based gateway, when the answer comes first, then it wins and the timer is withdrawn; when the timer comes first, the answer finds nobody', async () => {
    const t = await given();
    const quick = await t.host.startInstance('race', { variables: { orderId: 'quick' } });
    const slow = await t.host.startInstance('race', { variables: { orderId: 'slow' } });
    await t.restart();
    await t.host.timers.advance(5 * MIN);
    await t.host.messages.publish({ name: 'answer', correlationKey: 'quick', variables: { answer: 'yes' } });
    const q = await t.state(quick.instanceId);
    expect(q).toMatchObject({ status: 'completed', variables: { answer: 'yes' }, timers: {} });
    expect(q.path).toEqual(['g_start', 'gate', 'answered', 'g_answered']);
    expect(t.host.timers.nextDueAt()).toBe((await t.state(slow.instanceId)).startedAt + 10 * MIN);
    await t.host.timers.advance(5 * MIN);
    const s = await t.state(slow.instanceId);
    expect(s).toMatchObject({ status: 'completed', subscriptions: {} });
    expect(s.path).toEqual(['g_start', 'gate', 'timeout', 'g_timedOut']);
    expect((await t.host.messages.publish({ name: 'answer', correlationKey: 'slow' })).correlations).toEqual([]);
  });

  it('given a buffered answer, when the event-based gateway is entered, then the message wins at once and its timer never fires', async () => {
    const t = await given();
    await t.host.messages.publish({ name: 'answer', correlationKey: 'early', timeToLiveMs: MIN });
    await t.restart();
    const pi = await t.host.startInstance('race', { variables: { orderId: 'early' } });
    expect(pi).toMatchObject({ status: 'completed', timers: {}, subscriptions: {} });
    expect(t.host.timers.nextDueAt()).toBe(pi.startedAt + MIN);
    await t.host.timers.runUntilIdle();
    expect((await t.state(pi.instanceId)).path).not.toContain('timeout');
  });

  it('given a subscription opened with one key, when the key variable changes afterwards, then the message still correlates with the key evaluated on entry only', async () => {
    const t = await given();
    const pi = await t.host.startInstance('receive', { variables: { orderId: 'before' } });
    await t.host.setVariables(pi.instanceId, { orderId: 'after' });
    await t.restart();
    expect(Object.values((await t.state(pi.instanceId)).subscriptions).map((s) => s.correlationKey)).toEqual(['before']);
    expect((await t.host.messages.publish({ name: 'payment', correlationKey: 'after' })).correlations).toEqual([]);
    expect((await t.host.messages.publish({ name: 'payment', correlationKey: 'before' })).correlations).toHaveLength(1);
  });

  it('given a numeric correlation key variable, when a message with that number or its text is published, then it correlates (keys compare as text)', async () => {
    const t = await given();
    const a = await t.host.startInstance('receive', { variables: { orderId: 42 } });
    const b = await t.host.startInstance('receive', { variables: { orderId: 43 } });
    await t.restart();
    expect((await t.host.messages.publish({ name: 'payment', correlationKey: 42 })).correlations.map((c) => c.processInstanceId)).toEqual([a.instanceId]);
    expect((await t.host.messages.publish({ name: 'payment', correlationKey: '43' })).correlations.map((c) => c.processInstanceId)).toEqual([b.instanceId]);
  });

  it('given a suspended instance, when its message is published, then it is not correlated there; resumed, it takes the next', async () => {
    const t = await given();
    const pi = await t.host.startInstance('receive', { variables: { orderId: 'o-1' } });
    await t.host.suspend(pi.instanceId);
    await t.restart();
    expect((await t.host.messages.publish({ name: 'payment', correlationKey: 'o-1' })).correlations).toEqual([]);
    await t.host.resume(pi.instanceId);
    expect((await t.host.messages.publish({ name: 'payment', correlationKey: 'o-1' })).correlations).toHaveLength(1);
  });
});

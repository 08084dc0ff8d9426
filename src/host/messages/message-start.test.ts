import { describe, expect, it } from 'vitest';
import { activeElementIds, replayLog } from '../../engine';
import { fixture, testContext } from '../../engine/test-support/harness';
import { MessageTestHost } from '../test-support/message-host';

const xml = () => fixture(import.meta.url, 'message-start.bpmn');
const only = (processId: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d_${processId}" targetNamespace="http://flowdeck.test">
  <bpmn:message id="m_placed" name="order placed" />
  <bpmn:process id="${processId}" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
const messageStart = (taskId: string) => `
    <bpmn:startEvent id="placed"><bpmn:messageEventDefinition messageRef="m_placed" /></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="placed" targetRef="${taskId}" />
    <bpmn:userTask id="${taskId}" />`;

describe('message start events', () => {
  it('given two processes with a message start event for it, when the message is published, then each starts an instance with its variables', async () => {
    const t = await MessageTestHost.create([xml()]);
    const r = await t.host.messages.publish({ name: 'order placed', variables: { orderId: 'o-1' } });
    expect(r.correlations.map((c) => [c.kind, c.processId, c.elementId])).toEqual([['start', 'orders', 'placed'], ['start', 'audit', 'audited']]);
    await t.restart();
    const [order] = await t.instances('orders');
    expect(order).toMatchObject({ processVersion: 1, variables: { orderId: 'o-1' } });
    expect(order.path[0]).toBe('placed');
    expect(activeElementIds(order)).toEqual(['handle']);
    expect((await t.instances('audit'))[0].status).toBe('completed');
  });

  it('given a new version, when the message is published, then the latest version starts; a version without the start event takes nothing', async () => {
    const t = await MessageTestHost.create([only('p', messageStart('v1_task'))]);
    await t.host.deploy(only('p', messageStart('v2_task')));
    await t.restart();
    await t.host.messages.publish({ name: 'order placed' });
    expect((await t.instances('p')).map((s) => [s.processVersion, activeElementIds(s)[0]])).toEqual([[2, 'v2_task']]);
    await t.host.deploy(only('p', '<bpmn:startEvent id="plain" /><bpmn:sequenceFlow id="f1" sourceRef="plain" targetRef="v3_task" /><bpmn:userTask id="v3_task" />'));
    expect(await t.host.messages.publish({ name: 'order placed' })).toMatchObject({ correlations: [] });
    expect(await t.instances('p')).toHaveLength(1);
  });

  it('given a message buffered before its process was deployed, when the process is deployed, then no instance is started from it (Zeebe)', async () => {
    const t = await MessageTestHost.create([]);
    await t.host.messages.publish({ name: 'order placed', timeToLiveMs: 60_000 });
    await t.host.deploy(only('late', messageStart('late_task')));
    await t.restart();
    expect(await t.instances('late')).toEqual([]);
    await t.host.messages.publish({ name: 'order placed' });
    expect(await t.instances('late')).toHaveLength(1);
  });

  it('given a process started by a message and waiting for the same message, when it comes again, then it goes to the waiting instance only (once per process id)', async () => {
    const t = await MessageTestHost.create([xml()]);
    const first = await t.host.messages.publish({ name: 'tick' });
    const [pi] = first.correlations;
    expect(activeElementIds(await t.state(pi.processInstanceId))).toEqual(['tick_again']);
    await t.restart();
    const second = await t.host.messages.publish({ name: 'tick', variables: { round: 2 } });
    expect(second.correlations).toEqual([{ kind: 'catch', processId: 'loop', processInstanceId: pi.processInstanceId, elementId: 'tick_again' }]);
    expect(await t.instances('loop')).toHaveLength(1);
    const third = await t.host.messages.publish({ name: 'tick' });
    expect(third.correlations.map((c) => c.kind)).toEqual(['start']);
    expect(await t.instances('loop')).toHaveLength(2);
  });

  it('given message throw and end events without a job, when the thrower runs, then the host delivers both in the same operation and commit', async () => {
    const t = await MessageTestHost.create([xml()]);
    const payee = await t.host.startInstance('payee', { variables: { orderId: 'o-7' } });
    await t.restart();
    const commits = t.store.commits;
    const thrower = await t.host.startInstance('notifier', { variables: { orderId: 'o-7', total: 99 } });
    expect(t.store.commits).toBe(commits + 1);
    expect(thrower.status).toBe('completed');
    // The throw event's input mappings are the message's variables; its key comes from the message's zeebe:subscription.
    expect(await t.state(payee.instanceId)).toMatchObject({ status: 'completed', variables: { orderId: 'o-7', amount: 99 } });
    // The message end event (no correlation key) started the processes with that message start event.
    expect((await t.instances('orders')).length).toBe(1);
    expect((await t.instances('audit')).length).toBe(1);
  });
});

describe('message start events with a correlation key (one active instance per key)', () => {
  it('given an instance started with a key and a buffered message with that key, when the instance is canceled, then the buffered message starts the next one', async () => {
    const t = await MessageTestHost.create([only('p', messageStart('work'))]);
    const first = (await t.host.messages.publish({ name: 'order placed', correlationKey: 'k', variables: { n: 1 } })).correlations[0];
    await t.host.messages.publish({ name: 'order placed', correlationKey: 'k', variables: { n: 2 }, timeToLiveMs: 60_000 });
    await t.host.messages.publish({ name: 'order placed', correlationKey: 'k', variables: { n: 3 }, timeToLiveMs: 60_000 });
    await t.restart();
    expect(await t.store.findMessageStartLock('p', 'k')).toEqual({ processId: 'p', correlationKey: 'k', instanceId: first.processInstanceId });
    await t.host.cancel(first.processInstanceId);
    const active = (await t.instances('p')).filter((s) => s.status === 'active');
    expect(active.map((s) => s.variables.n)).toEqual([2]);
    expect(await t.store.findMessageStartLockOf(first.processInstanceId)).toBeUndefined();
    expect((await t.store.findMessageStartLock('p', 'k'))?.instanceId).toBe(active[0].instanceId);
    await t.completeTask(active[0].instanceId, 'work');
    expect((await t.instances('p')).filter((s) => s.status === 'active').map((s) => s.variables.n)).toEqual([3]);
  });

  it('given a process that ends at once, when messages with the same key follow, then each starts an instance (the lock goes with the instance, in the same operation)', async () => {
    const t = await MessageTestHost.create([xml()]);
    await t.host.messages.publish({ name: 'order placed', correlationKey: 'k' });
    await t.restart();
    const second = await t.host.messages.publish({ name: 'order placed', correlationKey: 'k' });
    // orders still runs with key k; audit ended, so it starts again.
    expect(second).toMatchObject({ blockedStarts: ['orders'], correlations: [{ kind: 'start', processId: 'audit' }] });
    expect(await t.store.findMessageStartLock('audit', 'k')).toBeUndefined();
  });
});

describe('replay', () => {
  it('given instances moved by messages (a start, a buffered message, a live one), when their command logs are replayed, then they reproduce their history', async () => {
    const t = await MessageTestHost.create([xml()]);
    await t.host.messages.publish({ name: 'tick', variables: { round: 1 } });
    await t.host.messages.publish({ name: 'payment', correlationKey: 'o-1', variables: { amount: 3 }, timeToLiveMs: 60_000 });
    const payee = await t.host.startInstance('payee', { variables: { orderId: 'o-1' } });
    await t.host.messages.publish({ name: 'tick', variables: { round: 2 } });
    await t.restart();
    const [loop] = await t.instances('loop');
    for (const s of [loop, await t.state(payee.instanceId)]) {
      const process = t.host.deployments.get(s.processId, s.processVersion)!;
      const log = JSON.parse(JSON.stringify(await t.host.commandLog(s.instanceId)));
      expect(log.map((r: { command: { type: string } }) => r.command.type)).toEqual(['start', 'correlateMessage']);
      expect(replayLog(process, log, testContext()).history).toEqual(await t.host.history(s.instanceId));
    }
  });
});

describe('correlate (never buffered)', () => {
  it('given nobody waits, when a message is correlated, then it fails naming the message and nothing is buffered', async () => {
    const t = await MessageTestHost.create([xml()]);
    await expect(t.host.messages.correlate({ name: 'payment', correlationKey: 'o-1' })).rejects.toMatchObject({
      reason: 'notFound', message: "no subscription for message payment with correlation key 'o-1'",
    });
    const payee = await t.host.startInstance('payee', { variables: { orderId: 'o-1' } });
    await t.restart();
    expect(await t.host.messages.listBuffered()).toEqual([]);
    const r = await t.host.messages.correlate({ name: 'payment', correlationKey: 'o-1', variables: { amount: 5 } });
    expect(r).toMatchObject({ buffered: false, correlations: [{ kind: 'catch', processInstanceId: payee.instanceId }] });
    expect((await t.state(payee.instanceId)).variables.amount).toBe(5);
  });

  it('given an active instance started with the key, when a start message with that key is correlated, then it fails saying so', async () => {
    const t = await MessageTestHost.create([only('p', messageStart('work'))]);
    expect((await t.host.messages.correlate({ name: 'order placed', correlationKey: 'k' })).correlations.map((c) => c.kind)).toEqual(['start']);
    await t.restart();
    await expect(t.host.messages.correlate({ name: 'order placed', correlationKey: 'k' })).rejects.toThrow(/still active in p/);
  });
});

describe('publish refuses bad requests with what and where', () => {
  it('given bad names, keys, ttls, ids or variables, then each is refused as invalid', async () => {
    const t = await MessageTestHost.create([xml()]);
    const bad = async (request: object) => t.host.messages.publish(request as never).then(() => 'accepted', (e: Error & { reason?: string }) => `${e.reason}: ${e.message}`);
    expect(await bad({ name: '' })).toBe('invalid: publish: the name must be a non-empty string, not ""');
    expect(await bad({ name: 'x', correlationKey: { id: 1 } })).toBe('invalid: publish x: the correlation key must be a string or a number, not {"id":1}');
    expect(await bad({ name: 'x', timeToLiveMs: -5 })).toBe('invalid: publish x: timeToLiveMs must be a number of milliseconds >= 0, not -5');
    expect(await bad({ name: 'x', messageId: '' })).toBe('invalid: publish x: messageId must be a non-empty string');
    expect(await bad({ name: 'x', variables: [1] })).toBe('invalid: the variables of publish x must be a JSON object, not an array');
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(await bad({ name: 'x', variables: deep })).toMatch(/^invalid: the variables of publish x are nested deeper than 128 levels/);
    expect(await bad({ name: 'x', variables: { n: Number.NaN } })).toBe('invalid: the variables of publish x: n is NaN, which JSON cannot hold');
    expect(await t.host.messages.broadcastSignal({ name: 'x', variables: deep }).catch((e: Error) => e.message)).toMatch(/variables of broadcastSignal x are nested deeper/);
    await t.restart();
    expect(await bad({ name: 'x', variables: { ok: 1 } })).toBe('accepted');
  });
});

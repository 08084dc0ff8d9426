import { describe, expect, it } from 'vitest';
import { activeElementIds } from '../../engine';
import { fixture } from '../../engine/test-support/harness';
import { MessageTestHost } from '../test-support/message-host';

const given = (options = {}) => MessageTestHost.create([fixture(import.meta.url, 'signals.bpmn')], options);

describe('signals', () => {
  it('given catchers in several instances and positions, when a signal is broadcast, then every one of them is triggered and each process with a signal start gets one instance', async () => {
    const t = await given();
    const a = await t.host.startInstance('catcher');
    const b = await t.host.startInstance('catcher');
    const l = await t.host.startInstance('listener');
    await t.restart();
    const r = await t.host.messages.broadcastSignal({ name: 'alarm', variables: { level: 3 } });
    expect(r.correlations.map((c) => [c.kind, c.processInstanceId, c.elementId])).toEqual([
      ['catch', a.instanceId, 'c_wait'], ['catch', a.instanceId, 'c_noticed'],
      ['catch', b.instanceId, 'c_wait'], ['catch', b.instanceId, 'c_noticed'],
      ['catch', l.instanceId, 'l_alarm'],
      ['start', expect.any(String), 'r_start'],
    ]);
    for (const id of [a.instanceId, b.instanceId]) {
      const s = await t.state(id);
      expect(s.path).toEqual(expect.arrayContaining(['c_heard', 'c_noted']));
      expect(activeElementIds(s)).toEqual(['c_work']);
      expect(s.variables.level).toBe(3);
    }
    expect((await t.state(l.instanceId)).path).toContain('l_alarmed');
    const [responder] = await t.instances('responder');
    expect(responder).toMatchObject({ variables: { level: 3 } });
    expect(responder.path[0]).toBe('r_start');
    // The non-interrupting catchers still wait; the catch event does not.
    const again = await t.host.messages.broadcastSignal({ name: 'alarm' });
    expect(again.correlations.map((c) => c.elementId)).toEqual(['c_noticed', 'c_noticed', 'l_alarm', 'r_start']);
    expect(await t.instances('responder')).toHaveLength(2);
  });

  it('given a signal nobody waits for, when broadcast, then nothing happens and nothing is kept', async () => {
    const t = await given();
    await t.restart();
    expect((await t.host.messages.broadcastSignal({ name: 'nobody' })).correlations).toEqual([]);
    expect(t.store.commits).toBe(0);
  });

  it('given signal throw and end events, when the thrower runs, then both broadcast in the same operation: the stop ends the work of waiting catchers', async () => {
    const t = await given();
    const c = await t.host.startInstance('catcher');
    await t.restart();
    const commits = t.store.commits;
    const siren = await t.host.startInstance('siren', { variables: { level: 5 } });
    expect(t.store.commits).toBe(commits + 1);
    expect(siren.status).toBe('completed');
    const s = await t.state(c.instanceId);
    expect(s.status).toBe('completed');
    expect(s.path).toEqual(expect.arrayContaining(['c_heard', 'c_noted', 'c_halted']));
    expect(s.variables).toMatchObject({ severity: 5 });
    expect((await t.instances('responder'))[0].variables).toEqual({ severity: 5 });
  });

  it('given a new version of a process with a signal start event, when a signal is broadcast, then only the latest version starts', async () => {
    const t = await given();
    await t.host.deploy(fixture(import.meta.url, 'signals.bpmn'));
    await t.restart();
    await t.host.messages.broadcastSignal({ name: 'alarm' });
    expect((await t.instances('responder')).map((s) => s.processVersion)).toEqual([2]);
  });
});

describe('signals at an event-based gateway', () => {
  it('given gateways waiting for a signal or a message, when one gets its message and then the signal is broadcast, then each goes the way of what came first and the other wait is withdrawn', async () => {
    const t = await MessageTestHost.create([fixture(import.meta.url, 'gated.bpmn')]);
    const a = await t.host.startInstance('gated', { variables: { id: 'a' } });
    const b = await t.host.startInstance('gated', { variables: { id: 'b' } });
    await t.host.messages.publish({ name: 'stop-waiting', correlationKey: 'a' });
    await t.restart();
    expect((await t.state(a.instanceId))).toMatchObject({ status: 'completed', subscriptions: {} });
    const r = await t.host.messages.broadcastSignal({ name: 'go' });
    expect(r.correlations.map((c) => c.processInstanceId)).toEqual([b.instanceId]);
    const sb = await t.state(b.instanceId);
    expect(sb).toMatchObject({ status: 'completed', subscriptions: {} });
    expect(sb.path).toEqual(['g_start', 'gate', 'on_go', 'went']);
    expect((await t.host.messages.publish({ name: 'stop-waiting', correlationKey: 'b' })).correlations).toEqual([]);
  });
});

describe('cascades are bounded per operation', () => {
  const cascade = () => fixture(import.meta.url, 'cascade.bpmn');

  it('given two processes that start each other by signals, when one is started, then the ping-pong stops at the depth limit and says so', async () => {
    const t = await MessageTestHost.create([cascade()], { messageLimits: { maxCascadeDepth: 8 } });
    const r = await t.host.messages.broadcastSignal({ name: 'ping' });
    expect(r.cut).toEqual([{ type: 'signal', name: expect.any(String), sourceInstanceId: expect.any(String), reason: expect.stringContaining('maxCascadeDepth') }]);
    // The host's broadcast started one instance, and each of 8 throws one more.
    const started = (await t.instances()).length;
    expect(started).toBe(9);
    expect(t.warnings).toEqual([expect.stringMatching(/^the signal (ping|pong) thrown by instance .+ was not delivered: it would be throw 9 of a chain of throws set off by one another in one operation \(maxCascadeDepth 8\)$/)]);
    await t.restart();
    // The next operation starts afresh (and is cut again).
    expect((await t.host.messages.broadcastSignal({ name: 'pong' })).cut).toHaveLength(1);
    expect((await t.instances()).length).toBe(started * 2);
  });

  it('given a process whose end publishes the message that starts it, when published, then the cascade stops at the default depth', async () => {
    const t = await MessageTestHost.create([cascade()]);
    const r = await t.host.messages.publish({ name: 'echo' });
    expect(r.cut).toHaveLength(1);
    await t.restart();
    expect((await t.instances('echo')).length).toBe(33);
  });

  it('given a limit on throws per operation, when a fan-out exceeds it, then the rest is cut', async () => {
    const t = await MessageTestHost.create([cascade()], { messageLimits: { maxThrowsPerOperation: 3 } });
    const r = await t.host.messages.broadcastSignal({ name: 'ping' });
    expect(r.cut.map((c) => c.reason)).toEqual(['the operation delivered 3 message and signal throws already (maxThrowsPerOperation)']);
    await t.restart();
    expect((await t.instances()).length).toBe(4);
  });
});

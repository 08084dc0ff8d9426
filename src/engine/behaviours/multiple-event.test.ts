import { describe, expect, it } from 'vitest';
import { dispatch, start } from '../index';
import type { Command, ExecutableProcess, InstanceState, Subscription, Variables } from '../index';
import { compileDeployment } from '../compile-deployment';
import { parseBpmn } from '../model/parse';
import { activeElementIds, openTasks } from '../runtime/queries';
import { testFeel } from '../test-support/feel';
import { compileXml, fixture, roundTrip, testContext } from '../test-support/harness';

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const load = async (id: string) => (await compileXml(fixture(import.meta.url, 'multiple-event.bpmn'))).get(id) as ExecutableProcess;
const begin = (p: ExecutableProcess, variables: Variables = {}) => roundTrip(start(p, { instanceId: 'pi', now: T0, variables }, testContext()).state);
const send = (p: ExecutableProcess, s: InstanceState, command: Command, now = T0 + 1000) => dispatch(p, roundTrip(s), command, testContext(), { now });
const sub = (s: InstanceState, kind: Subscription['kind']) => Object.values(s.subscriptions).find((x) => x.kind === kind) as Subscription;

describe('multiple and parallel multiple events', () => {
  it('given a multiple catch event (message, timer and a referenced signal definition), when any one arrives, then it passes and the others are withdrawn', async () => {
    const p = await load('anyOf');
    const s0 = begin(p, { key: 'k1' });
    // One wait per definition, each knowing which definition it is.
    expect(Object.values(s0.subscriptions).map((x) => [x.kind, x.def])).toEqual([['message', 0], ['signal', 2]]);
    expect(Object.values(s0.timers).map((t) => t.def)).toEqual([1]);
    const r = send(p, s0, { type: 'signalReceived', subscriptionKey: sub(s0, 'signal').key, variables: { why: 'stopped' } });
    expect(r.state.status).toBe('completed');
    expect(r.state.variables.why).toBe('stopped');
    expect(r.effects.map((e) => e.type)).toEqual(expect.arrayContaining(['subscriptionClosed', 'timerCanceled']));
    expect(r.state.timers).toEqual({});
    // The timer alone would have done it as well.
    const t = send(p, s0, { type: 'timerFired', timerKey: Object.keys(s0.timers)[0] }, T0 + HOUR);
    expect(t.state.status).toBe('completed');
  });

  it('given a parallel multiple catch event, when one of its events arrives, then it keeps waiting; when all have, it passes with all their variables', async () => {
    const p = await load('allOf');
    const s0 = begin(p, { key: 'k1' });
    const s1 = send(p, s0, { type: 'correlateMessage', subscriptionKey: sub(s0, 'message').key, variables: { order: 7 } }).state;
    expect(activeElementIds(s1)).toEqual(['gather']);
    expect(Object.values(s1.subscriptions).map((x) => x.kind)).toEqual(['signal']);
    expect(Object.values(s1.parallelTriggers ?? {})).toEqual([{ catcherId: 'gather', ownerId: expect.any(String), fired: [{ order: 7 }, null] }]);
    const s2 = send(p, s1, { type: 'signalReceived', subscriptionKey: sub(s1, 'signal').key, variables: { stop: true } }).state;
    expect(s2.status).toBe('completed');
    expect(s2.variables).toMatchObject({ order: 7, stop: true });
    expect(s2.parallelTriggers).toEqual({});
  });

  it('given a non-interrupting parallel multiple boundary, when both of its events happened, then it fires once and waits for both again', async () => {
    const p = await load('boundaries');
    let s = begin(p, { ready: false, key: 'k1' });
    s = send(p, s, { type: 'signalReceived', subscriptionKey: sub(s, 'signal').key }).state;
    expect(s.path).not.toContain('c_both');
    s = send(p, s, { type: 'setVariables', variables: { ready: true } }).state;
    expect(s.path.filter((id) => id === 'c_both')).toHaveLength(1);
    expect(activeElementIds(s)).toEqual(['work']);
    // Re-opened: both definitions wait again (the condition is checked afresh, and holds).
    s = send(p, s, { type: 'signalReceived', subscriptionKey: Object.values(s.subscriptions).find((x) => x.kind === 'signal' && x.elementId === 'both')?.key as string }).state;
    expect(s.path.filter((id) => id === 'c_both')).toHaveLength(2);
  });

  it('given an interrupting multiple boundary (timer or message), when the message arrives, then the task ends there and the timer is withdrawn', async () => {
    const p = await load('boundaries');
    const s0 = begin(p, { ready: false, key: 'k1' });
    const message = Object.values(s0.subscriptions).find((x) => x.elementId === 'either') as Subscription;
    const r = send(p, s0, { type: 'correlateMessage', subscriptionKey: message.key });
    expect(r.state.status).toBe('completed');
    expect(r.state.path).toContain('c_either');
    expect(r.state.timers).toEqual({});
    expect(openTasks(r.state)).toEqual([]);
  });

  it('given a multiple throw event, when reached, then it throws every definition, its own before the referenced ones', async () => {
    const p = await load('throwAll');
    const r = start(p, { instanceId: 'pi', now: T0, variables: { key: 'k9' } }, testContext());
    expect(r.effects.filter((e) => e.type === 'broadcastSignal' || e.type === 'publishMessage')).toMatchObject([
      { type: 'publishMessage', name: 'go', correlationKey: 'k9' },
      { type: 'broadcastSignal', name: 'stop' },
    ]);
    expect(r.state.status).toBe('completed');
  });

  it('given a parallel multiple event subprocess start of two conditions, when each became true, then the event subprocess starts', async () => {
    const p = await load('eventStart');
    let s = begin(p, { paid: false, packed: false });
    s = send(p, s, { type: 'setVariables', variables: { paid: true } }).state;
    expect(s.path).not.toContain('e_sub_end');
    s = send(p, s, { type: 'setVariables', variables: { packed: true } }).state;
    expect(s.status).toBe('completed');
    expect(s.path).toContain('e_sub_end');
    expect(s.tasks).toEqual({});
  });

  it('given parallel multiple events that cannot wait for all definitions, then each is a compile error naming the element', async () => {
    const { definitions, warnings } = await parseBpmn(fixture(import.meta.url, 'multiple-event-invalid.bpmn'));
    expect(warnings).toContain('unresolved reference <noSuchDef>');
    const { errors } = compileDeployment(definitions, { expressions: testFeel });
    expect(errors.map((e) => `${e.elementId}: ${e.message}`)).toEqual(expect.arrayContaining([
      'startAll: a parallel multiple start event of a process is executed with conditional definitions only (host.evaluateConditions starts the process when all hold)',
      'errorAndSignal: a parallel multiple event waits for each of its events; error cannot be waited for (use timer, message, signal or conditional definitions)',
      'dangling: an intermediate catch event needs an event definition',
    ]));
  });
});

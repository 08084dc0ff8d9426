import { describe, expect, it } from 'vitest';
import { dispatch, replayLog, start } from '../index';
import type { StoreCommit } from '../../host/store';
import type { Command, Continuation, ExecutableProcess, InstanceState } from '../index';
import { compileDeployment } from '../compile-deployment';
import { parseBpmn } from '../model/parse';
import { activeElementIds, openJobs } from '../runtime/queries';
import { testFeel } from '../test-support/feel';
import { compileXml, fixture, roundTrip, testContext } from '../test-support/harness';
import { testHost } from '../test-support/host';

const T0 = Date.UTC(2026, 0, 1);
const xml = () => fixture(import.meta.url, 'async-continuation.bpmn');
const load = async () => (await compileXml(xml())).get('asyncFlow') as ExecutableProcess;
const send = (p: ExecutableProcess, s: InstanceState, command: Command) => dispatch(p, roundTrip(s), command, testContext(), { now: T0 });
const only = (s: InstanceState): Continuation => {
  const all = Object.values(s.continuations ?? {});
  expect(all).toHaveLength(1);
  return all[0];
};

describe('asynchronous continuations', () => {
  it('given asyncBefore, when the element is reached, then the step stops before it starts (no mappings, job or boundary yet); continued, it starts', async () => {
    const p = await load();
    const s0 = roundTrip(start(p, { instanceId: 'pi', now: T0, variables: { amount: 5, paid: 'yes' } }, testContext()).state);
    expect(only(s0)).toMatchObject({ kind: 'async', phase: 'before', elementId: 'charge', dueAt: T0 });
    expect(s0.jobs).toEqual({});
    expect(s0.timers).toEqual({});
    expect(Object.values(s0.elements)).toMatchObject([{ elementId: 'charge', status: 'waiting' }]);
    const r = send(p, s0, { type: 'continueAsync', key: only(s0).key });
    expect(openJobs(r.state)).toMatchObject([{ elementId: 'charge', type: 'charge' }]);
    expect(Object.values(r.state.timers).map((t) => t.elementId)).toEqual(['slow']);
    expect(Object.values(r.state.elements).find((e) => e.elementId === 'charge')?.variables).toEqual({ total: 10 });
    expect(r.state.continuations).toEqual({});
    expect(r.history.map((h) => h.type)).toContain('continuationRun');
  });

  it('given asyncAfter, when the element completes its work, then it waits before its output mappings and flows, its boundary events withdrawn', async () => {
    const p = await load();
    const s0 = start(p, { instanceId: 'pi', now: T0, variables: { amount: 5, paid: 'yes' } }, testContext()).state;
    const s1 = send(p, s0, { type: 'continueAsync', key: only(s0).key }).state;
    const s2 = send(p, s1, { type: 'completeJob', jobKey: openJobs(s1)[0].key }).state;
    expect(only(s2)).toMatchObject({ phase: 'after', elementId: 'compute' });
    expect(activeElementIds(s2)).toEqual(['compute']);
    expect(s2.variables).not.toHaveProperty('receipt');
    expect(s2.timers).toEqual({});
    const s3 = send(p, s2, { type: 'continueAsync', key: only(s2).key }).state;
    expect(s3.variables.receipt).toBe('yes');
    // flowable:async on the next task: another boundary, before it.
    expect(only(s3)).toMatchObject({ phase: 'before', elementId: 'notify' });
    const s4 = send(p, s3, { type: 'continueAsync', key: only(s3).key }).state;
    expect(s4.status).toBe('completed');
    expect(s4.path).toEqual(['start', 'charge', 'compute', 'notify', 'end']);
  });

  it('given a continuation that is gone, when it is continued, then the command is refused; a canceled instance drops its continuations', async () => {
    const p = await load();
    const s0 = start(p, { instanceId: 'pi', now: T0, variables: { amount: 5 } }, testContext()).state;
    expect(() => send(p, s0, { type: 'continueAsync', key: 'pi-async-9' })).toThrow(/no asynchronous continuation pi-async-9/);
    const canceled = send(p, s0, { type: 'cancel' }).state;
    expect(canceled.continuations).toEqual({});
  });

  it('given a continuation attribute that is not true or false, then it is a compile error naming the element', async () => {
    const bad = xml().replace('flowdeck:asyncBefore="true"', 'flowdeck:asyncBefore="yes"');
    const { errors } = compileDeployment((await parseBpmn(bad)).definitions, { expressions: testFeel });
    expect(errors).toEqual([{ processId: 'asyncFlow', elementId: 'charge', message: 'flowdeck:asyncBefore="yes": an asynchronous continuation attribute is true or false' }]);
  });

  it('given the host, when an instance reaches continuations, then each commits where it stops and the scheduler runs it in an operation of its own; the log replays', async () => {
    const t = await testHost([xml()], { workers: { charge: () => ({}) } });
    const commits: StoreCommit[] = [];
    t.host.onCommitted((changes) => commits.push(changes));
    const pi = await t.host.startInstance('asyncFlow', { variables: { amount: 5, paid: 'yes' } });
    expect(only(pi).elementId).toBe('charge');
    expect(await t.host.timers.runUntilIdle()).toBe(3);
    const done = await t.state(pi.instanceId);
    expect(done.status).toBe('completed');
    expect(done.variables.receipt).toBe('yes');
    // start, then one operation per continuation (the inline worker ran inside the first of them).
    expect(commits.map((c) => (c.commands ?? []).map((r) => r.command.type))).toEqual([['start'], ['continueAsync', 'completeJob'], ['continueAsync'], ['continueAsync']]);
    const log = await t.host.commandLog(pi.instanceId);
    const process = t.host.deployments.get('asyncFlow') as ExecutableProcess;
    expect(replayLog(process, log, { clock: t.clock }).history).toEqual(await t.history(pi.instanceId));
  });
});

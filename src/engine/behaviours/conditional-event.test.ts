import { describe, expect, it } from 'vitest';
import { dispatch, replayLog, start } from '../index';
import type { Command, ExecutableProcess, InstanceState, Variables } from '../index';
import { activeElementIds, openIncidents, openJobs, openTasks } from '../runtime/queries';
import { compileXml, fixture, roundTrip, testContext } from '../test-support/harness';
import { testHost } from '../test-support/host';

const T0 = Date.UTC(2026, 0, 1);
const load = async (id: string) => (await compileXml(fixture(import.meta.url, 'conditional-event.bpmn'))).get(id) as ExecutableProcess;
const begin = (p: ExecutableProcess, variables: Variables = {}) => roundTrip(start(p, { instanceId: 'pi', now: T0, variables }, testContext()).state);
/** Every command goes through JSON, as a stored state would. */
const send = (p: ExecutableProcess, s: InstanceState, command: Command) => dispatch(p, roundTrip(s), command, testContext(), { now: T0 + 1000 });
const set = (p: ExecutableProcess, s: InstanceState, variables: Variables) => send(p, s, { type: 'setVariables', variables }).state;
const count = (s: InstanceState, id: string) => s.path.filter((e) => e === id).length;

describe('conditional events', () => {
  it('given an intermediate conditional catch, when entered with the condition true, then it passes at once', async () => {
    const p = await load('waitUntil');
    const s = begin(p, { stock: 12 });
    expect(s.status).toBe('completed');
    expect(s.path).toEqual(['w_start', 'stocked', 'w_end']);
    expect(s.subscriptions).toEqual({});
  });

  it('given an intermediate conditional catch that is false, when variables change, then it waits until the condition becomes true', async () => {
    const p = await load('waitUntil');
    const s0 = begin(p, { stock: 2 });
    expect(activeElementIds(s0)).toEqual(['stocked']);
    expect(Object.values(s0.subscriptions)).toMatchObject([{ kind: 'conditional', elementId: 'stocked', holds: false }]);
    const s1 = set(p, s0, { stock: 9, other: 'x' });
    expect(activeElementIds(s1)).toEqual(['stocked']);
    const r = send(p, s1, { type: 'setVariables', variables: { stock: 10 } });
    expect(r.state.status).toBe('completed');
    expect(r.history.filter((h) => h.type === 'eventTriggered')).toMatchObject([{ kind: 'conditional', elementId: 'stocked' }]);
  });

  it('given an interrupting conditional boundary, when its condition becomes true, then the user task is terminated and the boundary path taken', async () => {
    const p = await load('guarded');
    const s0 = begin(p, { addressChanged: false, temperature: 20 });
    expect(openTasks(s0)).toHaveLength(1);
    const r = send(p, s0, { type: 'setVariables', variables: { addressChanged: true } });
    expect(r.state.status).toBe('completed');
    expect(r.state.path).toContain('apply');
    expect(r.state.tasks).toEqual({});
    expect(r.effects.map((e) => e.type)).toContain('userTaskCanceled');
  });

  it('given a conditional boundary that is true when the activity is entered, then it triggers at once (the task is created and withdrawn)', async () => {
    const p = await load('guarded');
    const r = start(p, { instanceId: 'pi', now: T0, variables: { addressChanged: true, temperature: 0 } }, testContext());
    expect(r.state.status).toBe('completed');
    expect(r.state.path).toEqual(['g_start', 'changed', 'apply']);
    expect(r.effects.map((e) => e.type)).toEqual(expect.arrayContaining(['userTaskCreated', 'userTaskCanceled']));
  });

  it('given a non-interrupting conditional boundary, when the condition stays true, then it fires once; it fires again only after it was false in between', async () => {
    const p = await load('guarded');
    let s = begin(p, { addressChanged: false, temperature: 20 });
    s = set(p, s, { temperature: 35 });
    expect(count(s, 'alert')).toBe(1);
    s = set(p, s, { temperature: 36 });
    s = set(p, s, { temperature: 37, other: 1 });
    expect(count(s, 'alert')).toBe(1);
    s = set(p, s, { temperature: 25 });
    expect(count(s, 'alert')).toBe(1);
    s = set(p, s, { temperature: 40 });
    expect(count(s, 'alert')).toBe(2);
    expect(activeElementIds(s)).toEqual(['review']);
    // The task completes: both boundary waits go with it.
    const done = send(p, s, { type: 'completeUserTask', taskId: openTasks(s)[0].id }).state;
    expect(done.status).toBe('completed');
    expect(done.subscriptions).toEqual({});
  });

  it('given conditional event subprocesses, when the non-interrupting one holds, then it runs beside the work; the interrupting one ends it', async () => {
    const p = await load('cancellable');
    let s = begin(p, { canceled: false, priority: 'low' });
    expect(Object.values(s.subscriptions).map((x) => x.elementId).sort()).toEqual(['canceledStart', 'priorityStart']);
    s = set(p, s, { priority: 'high' });
    expect(count(s, 'escalated')).toBe(1);
    expect(activeElementIds(s)).toEqual(['work']);
    s = set(p, s, { priority: 'high', note: 'again' });
    expect(count(s, 'escalated')).toBe(1);
    const r = send(p, s, { type: 'setVariables', variables: { canceled: true } });
    expect(r.state.status).toBe('completed');
    expect(r.state.path).toContain('canceledEnd');
    expect(r.state.tasks).toEqual({});
    expect(r.state.subscriptions).toEqual({});
  });

  it('given parallel subprocesses, when a variable changes in one of them, then only the conditions that can see it are checked (scope isolation)', async () => {
    const p = await load('scoped');
    const s0 = begin(p, { outer: 0 });
    const left = Object.values(s0.elements).find((e) => e.elementId === 'left')?.id as string;
    // `level` is local to each subprocess: setting it in `left` is not visible to `right`.
    const s1 = send(p, s0, { type: 'setVariables', variables: { level: 9 }, scopeId: left, local: true }).state;
    expect(s1.path).toContain('l_high');
    expect(s1.path).not.toContain('r_high');
    // `left` ended through its boundary path; `right` did not see the write.
    expect(activeElementIds(s1)).toEqual(['right', 'rightTask']);
  });

  it('given nested conditional boundaries that both hold, when a process variable changes, then the outer one is checked first and interrupts the inner one (top-down)', async () => {
    const p = await load('scoped');
    const s0 = begin(p, { outer: 0 });
    const r = send(p, s0, { type: 'setVariables', variables: { outer: 9 } });
    // The outer boundary on `left` wins over the inner one there; `right`'s inner one sees `outer` too.
    expect(r.state.path).toContain('s_outer');
    expect(r.state.path).not.toContain('l_high');
    expect(r.state.path).toContain('r_high');
    expect(r.state.status).toBe('completed');
  });

  it('given a job inside a subprocess, when its result makes the boundary condition true, then the subprocess is interrupted in the same step and the next task never starts', async () => {
    const p = await load('fraud');
    const s0 = begin(p, {});
    const r = send(p, s0, { type: 'completeJob', jobKey: openJobs(s0)[0].key, variables: { fraud: true } });
    expect(activeElementIds(r.state)).toEqual(['investigate']);
    expect(r.history.some((h) => h.type === 'elementEntered' && h.elementId === 'ship')).toBe(false);
  });

  it('given a condition that does not evaluate to a boolean, then it is an incident on the wait; fixing the variable and resolving lets it trigger', async () => {
    const p = await load('failing');
    const s0 = begin(p, {});
    const [incident] = openIncidents(s0);
    expect(incident).toMatchObject({ type: 'condition', elementId: 'big', retry: 'wait' });
    expect(incident.message).toMatch(/condition of big 'x > 1' evaluated to null/);
    // Not re-evaluated while the incident is open.
    const s1 = set(p, s0, { x: 5 });
    expect(s1.status).toBe('active');
    expect(openIncidents(s1)).toHaveLength(1);
    const s2 = send(p, s1, { type: 'resolveIncident', incidentId: incident.id }).state;
    expect(s2.status).toBe('completed');
    expect(openIncidents(s2)).toEqual([]);
  });

  it('given conditional filters, then variableNames limits re-checks to those names and variableEvents to creates', async () => {
    const p = await load('filtered');
    let s = begin(p, { n: 0, m: 0, k: 0 });
    s = set(p, s, { n: 5 });
    s = set(p, s, { m: 5 });
    // byName now would hold, but only a write to n re-checks it; k's update is not a create.
    s = set(p, s, { k: 5 });
    expect(activeElementIds(s)).toEqual(['byName', 'onCreate']);
    s = set(p, s, { n: 6 });
    expect(activeElementIds(s)).toEqual(['onCreate']);
    s = set(p, s, { created: true });
    expect(s.status).toBe('completed');
  });

  it('given an event-based gateway with a conditional and a timer, when the condition becomes true first, then it wins and the timer is withdrawn', async () => {
    const p = await load('race');
    const s0 = begin(p, { approved: false });
    expect(Object.keys(s0.timers)).toHaveLength(1);
    const r = send(p, s0, { type: 'setVariables', variables: { approved: true } });
    expect(r.state.status).toBe('completed');
    expect(r.state.path).toContain('e_ok');
    expect(r.state.timers).toEqual({});
  });
});

describe('conditional events over time', () => {
  it('given a suspended instance, when variables make a condition true, then nothing triggers until it is resumed', async () => {
    const p = await load('waitUntil');
    let s = begin(p, { stock: 0 });
    s = send(p, s, { type: 'suspend' }).state;
    s = set(p, s, { stock: 50 });
    expect(activeElementIds(s)).toEqual(['stocked']);
    s = send(p, s, { type: 'resume' }).state;
    expect(s.status).toBe('completed');
  });

  it('given a process-level conditional event subprocess whose condition fails, then the incident is on the instance; resolving re-evaluates it', async () => {
    const p = await load('cancellable');
    // `canceled = true` is fine with canceled missing (null = true is false); `priority = "high"` too.
    const s0 = begin(p, { canceled: false, priority: 'low' });
    expect(openIncidents(s0)).toEqual([]);
    const xml = fixture(import.meta.url, 'conditional-event.bpmn').replace('=canceled = true', '=canceled > 1');
    const q = (await compileXml(xml)).get('cancellable') as ExecutableProcess;
    const s1 = begin(q, { canceled: 'no', priority: 'low' });
    const [incident] = openIncidents(s1);
    expect(incident).toMatchObject({ type: 'condition', elementId: 'canceledStart', elementInstanceId: 'pi', retry: 'wait' });
    const s2 = send(q, set(q, s1, { canceled: 2 }), { type: 'resolveIncident', incidentId: incident.id }).state;
    expect(s2.status).toBe('completed');
    expect(s2.path).toContain('canceledEnd');
  });

  it('given the host, when conditions trigger through commands, then replaying the command log gives the same history', async () => {
    const t = await testHost([fixture(import.meta.url, 'conditional-event.bpmn')]);
    const pi = await t.host.startInstance('guarded', { variables: { addressChanged: false, temperature: 20 } });
    await t.host.setVariables(pi.instanceId, { temperature: 35 });
    await t.host.setVariables(pi.instanceId, { temperature: 10 });
    await t.host.setVariables(pi.instanceId, { temperature: 31 });
    await t.host.setVariables(pi.instanceId, { addressChanged: true });
    const state = await t.state(pi.instanceId);
    expect(state.status).toBe('completed');
    expect(state.path.filter((id) => id === 'alert')).toHaveLength(2);
    const process = t.host.deployments.get('guarded') as ExecutableProcess;
    expect(replayLog(process, await t.host.commandLog(pi.instanceId), { clock: t.clock }).history).toEqual(await t.history(pi.instanceId));
  });
});

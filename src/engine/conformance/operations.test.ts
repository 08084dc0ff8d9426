import { describe, expect, it } from 'vitest';
import type { Command } from '../index';
import { dispatch, start } from '../index';
import { activeElementIds, openJobs, openTasks } from '../runtime/queries';
import type { InstanceState } from '../runtime/state';
import { loadProcess, roundTrip, testContext } from '../test-support/harness';

const load = () => loadProcess(import.meta.url, 'operations.bpmn');

describe('variables and io mappings', () => {
  it('given input mappings, when the job is created, then the inputs are local to the task and the outputs see job variables', async () => {
    const process = await load();
    const ctx = testContext();
    const s0 = start(process, { variables: { amount: 100 } }, ctx).state;
    const [job] = openJobs(s0);
    expect(s0.elements[job.elementInstanceId].variables).toEqual({ gross: 120, note: 'static text' });
    const r = dispatch(process, roundTrip(s0), { type: 'completeJob', jobKey: job.key, variables: { fee: 5 } }, ctx);
    // with output mappings the job's variables stay local: only `total` reaches the process scope
    expect(r.state.variables).toEqual({ amount: 100, total: 125 });
    expect(r.history.filter((h) => h.type === 'variableSet')).toMatchObject([
      { name: 'fee', scopeId: job.elementInstanceId, newValue: 5 },
      { name: 'total', scopeId: null, newValue: 125 },
    ]);
  });

  it('given an input mapping over a missing variable, when entered, then an io incident; setting it and resolving creates the job', async () => {
    const process = await load();
    const ctx = testContext();
    const s0 = roundTrip(start(process, {}, ctx).state);
    const [incident] = Object.values(s0.incidents);
    expect(incident).toMatchObject({ type: 'io', elementId: 'prepare', retry: 'activate' });
    expect(incident.message).toContain("no variable named 'amount'");
    expect(openJobs(s0)).toEqual([]);
    const s1 = dispatch(process, s0, { type: 'setVariables', variables: { amount: 5 } }, ctx).state;
    const s2 = dispatch(process, s1, { type: 'resolveIncident', incidentId: incident.id }, ctx).state;
    expect(openJobs(s2)).toHaveLength(1);
    expect(s2.elements[openJobs(s2)[0].elementInstanceId].variables?.gross).toBe(6);
  });

  it('given an existing variable, when set again, then history records old and new value', async () => {
    const process = await load();
    const ctx = testContext();
    const s0 = start(process, { variables: { amount: 1 } }, ctx).state;
    const r = dispatch(process, s0, { type: 'setVariables', variables: { amount: 2, extra: 'x' } }, ctx);
    expect(r.history).toMatchObject([
      { type: 'variableSet', name: 'amount', scopeId: null, oldValue: 1, newValue: 2 },
      { type: 'variableSet', name: 'extra', scopeId: null, newValue: 'x' },
    ]);
    expect('oldValue' in r.history[1]).toBe(false);
    expect(s0.variables.amount).toBe(1);
  });

  it('given a command whose variables the caller mutates afterwards, then the new state is not affected', async () => {
    const process = await load();
    const ctx = testContext();
    const s0 = start(process, { variables: { amount: 1 } }, ctx).state;
    const payload = { list: [1, 2] };
    const r = dispatch(process, s0, { type: 'setVariables', variables: payload }, ctx);
    payload.list.push(3);
    expect(r.state.variables.list).toEqual([1, 2]);
  });

  it('given a local setVariables on an element instance, then the variable lives there only', async () => {
    const process = await load();
    const ctx = testContext();
    const s0 = start(process, { variables: { amount: 1 } }, ctx).state;
    const scopeId = openJobs(s0)[0].elementInstanceId;
    const r = dispatch(process, s0, { type: 'setVariables', variables: { local: true }, scopeId, local: true }, ctx);
    expect(r.state.elements[scopeId].variables?.local).toBe(true);
    expect(r.state.variables.local).toBeUndefined();
  });
});

async function toParallelWait() {
  const process = await load();
  const ctx = testContext();
  const s0 = start(process, { variables: { amount: 10 } }, ctx).state;
  const s1 = dispatch(process, s0, { type: 'completeJob', jobKey: openJobs(s0)[0].key, variables: { fee: 1 } }, ctx).state;
  return { process, ctx, state: roundTrip(s1) };
}

describe('instance operations', () => {
  it('given variables and a business key, when started, then both are in the state and the start event, and the key survives a store round trip', async () => {
    const process = await load();
    const ctx = testContext();
    const first = start(process, { variables: { amount: 10 }, businessKey: 'order-7' }, ctx);
    expect(first.history[0]).toMatchObject({ type: 'instanceStarted', businessKey: 'order-7' });
    const stored = roundTrip(first.state);
    expect(stored).toMatchObject({ businessKey: 'order-7', variables: { amount: 10 } });
    const next = dispatch(process, stored, { type: 'completeJob', jobKey: openJobs(stored)[0].key }, ctx);
    expect(next.state.businessKey).toBe('order-7');
  });

  it('given a running instance, when canceled, then every element is terminated, jobs and tasks withdrawn', async () => {
    const { process, ctx, state } = await toParallelWait();
    const r = dispatch(process, state, { type: 'cancel' }, ctx);
    expect(r.state.status).toBe('canceled');
    expect(r.state.elements).toEqual({});
    expect(r.effects.map((e) => e.type).sort()).toEqual(['instanceCanceled', 'jobCanceled', 'userTaskCanceled']);
    expect(r.history.filter((h) => h.type === 'elementTerminated')).toHaveLength(2);
  });

  it('given a suspended instance, when a job completes, then it is rejected; after resume it is accepted', async () => {
    const { process, ctx, state } = await toParallelWait();
    const suspended = dispatch(process, state, { type: 'suspend' }, ctx).state;
    const jobKey = openJobs(suspended)[0].key;
    expect(() => dispatch(process, suspended, { type: 'completeJob', jobKey }, ctx)).toThrow(/suspended/);
    const resumed = dispatch(process, roundTrip(suspended), { type: 'resume' }, ctx);
    expect(resumed.history.map((h) => h.type)).toEqual(['instanceResumed']);
    const r = dispatch(process, resumed.state, { type: 'completeJob', jobKey }, ctx);
    expect(activeElementIds(r.state)).toEqual(['approve']);
  });

  it('given the same commands and ports, when run three times (directly, through stored snapshots, in place), then history and state are identical', async () => {
    const run = async (store: (s: InstanceState) => InstanceState, inPlace = false) => {
      const process = await load();
      const ctx = testContext();
      const first = start(process, { variables: { amount: 10 }, businessKey: 'b' }, ctx);
      let state = store(first.state);
      const history = [...first.history];
      const next = (cmd: (s: InstanceState) => Command) => {
        const r = dispatch(process, state, cmd(state), ctx, { inPlace });
        history.push(...r.history);
        state = store(r.state);
      };
      next((s) => ({ type: 'completeJob', jobKey: openJobs(s)[0].key, variables: { fee: 2 } }));
      next((s) => ({ type: 'failJob', jobKey: openJobs(s)[0].key, errorMessage: 'down' }));
      next((s) => ({ type: 'resolveIncident', incidentId: Object.keys(s.incidents)[0], retries: 2 }));
      next((s) => ({ type: 'completeJob', jobKey: openJobs(s)[0].key }));
      next((s) => ({ type: 'completeUserTask', taskId: openTasks(s)[0].id }));
      return { state, history };
    };
    const direct = await run((s) => s);
    const stored = await run(roundTrip);
    expect(direct.state.status).toBe('completed');
    expect(stored).toEqual(direct);
    expect(await run((s) => s, true)).toEqual(direct);
    expect(direct.history.map((h) => h.seq)).toEqual(direct.history.map((_, i) => i + 1));
  });
});

describe('history', () => {
  it('given a clock port, when steps run, then every event carries the time of its step from that clock, also after a store round trip', async () => {
    const process = await load();
    let now = Date.UTC(2030, 4, 1);
    const ctx = testContext({ clock: { now: () => now } });
    const first = start(process, { variables: { amount: 10 } }, ctx);
    expect(new Set(first.history.map((h) => h.time))).toEqual(new Set([Date.UTC(2030, 4, 1)]));
    now = Date.UTC(2030, 4, 2);
    const next = dispatch(process, roundTrip(first.state), { type: 'completeJob', jobKey: openJobs(first.state)[0].key }, ctx);
    expect(next.history.length).toBeGreaterThan(0);
    expect(new Set(next.history.map((h) => h.time))).toEqual(new Set([Date.UTC(2030, 4, 2)]));
    expect(next.history[0].seq).toBe(first.history.length + 1);
  });
});

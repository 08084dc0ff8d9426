import { describe, expect, it } from 'vitest';
import type { ExecutableProcess } from '../model/types';
import { dispatch, start } from '../index';
import { activeElementIds, openJobs, openTasks } from '../runtime/queries';
import { compileXml, fixture, roundTrip, testContext } from '../test-support/harness';

async function load(id: string): Promise<ExecutableProcess> {
  return (await compileXml(fixture(import.meta.url, 'multi-instance.bpmn'))).get(id) as ExecutableProcess;
}

describe('multi-instance', () => {
  it('given a parallel collection with an input mapping over the element, when jobs complete out of order, then the output collection keeps input order', async () => {
    const process = await load('miParallel');
    const ctx = testContext();
    let state = roundTrip(start(process, { variables: { items: ['a', 'b', 'c'] } }, ctx).state);
    const jobs = openJobs(state);
    expect(jobs).toHaveLength(3);
    const inner = jobs.map((j) => state.elements[j.elementInstanceId].variables);
    // The outputElement's variable starts as a local null of each inner instance (Zeebe does the same).
    expect(inner).toEqual([
      { loopCounter: 1, item: 'a', label: 'item a', receipt: null },
      { loopCounter: 2, item: 'b', label: 'item b', receipt: null },
      { loopCounter: 3, item: 'c', label: 'item c', receipt: null },
    ]);
    for (const index of [2, 0, 1]) {
      state = roundTrip(dispatch(process, state, { type: 'completeJob', jobKey: jobs[index].key, variables: { receipt: `r-${jobs[index].key}` } }, ctx).state);
    }
    expect(state.status).toBe('completed');
    expect(state.variables.results).toEqual(jobs.map((j) => `r-${j.key}`));
    expect(state.variables).not.toHaveProperty('receipt');
  });

  it('given inner script tasks setting their result variable, when the bodies run in one step, then each output holds its own instance\'s result, in input order, parallel and sequential alike', async () => {
    const process = await load('miScripted');
    const { state } = start(process, { variables: { items: [1, 2, 3] } }, testContext());
    expect(state.status).toBe('completed');
    expect(state.variables.outs).toEqual([10, 20, 30]);
    expect(state.variables.seqOuts).toEqual([100, 200, 300]);
    expect(roundTrip(state).variables).not.toHaveProperty('out');
  });

  it('given an error boundary on the multi-instance activity, when one inner job throws, then the whole body is left', async () => {
    const process = await load('miParallel');
    const ctx = testContext();
    const s0 = start(process, { variables: { items: ['x', 'y'] } }, ctx).state;
    const r = dispatch(process, s0, { type: 'throwError', jobKey: openJobs(s0)[0].key, errorCode: 'STOP' }, ctx);
    expect(r.state.status).toBe('completed');
    expect(r.state.path).toEqual(['p_start', 'stopped', 'p_stopEnd']);
    expect(r.effects.filter((e) => e.type === 'jobCanceled')).toHaveLength(1);
  });

  it('given a sequential collection, when each task completes, then the next one is created with its element', async () => {
    const process = await load('miSequential');
    const ctx = testContext();
    let state = start(process, { variables: { reviewers: ['ann', 'bob'] } }, ctx).state;
    expect(openTasks(state).map((t) => t.assignee)).toEqual(['ann']);
    state = dispatch(process, roundTrip(state), { type: 'completeUserTask', taskId: openTasks(state)[0].id }, ctx).state;
    expect(openTasks(state).map((t) => t.assignee)).toEqual(['bob']);
    state = dispatch(process, state, { type: 'completeUserTask', taskId: openTasks(state)[0].id }, ctx).state;
    expect(state.status).toBe('completed');
  });

  it('given cardinality 3 and a completion condition of 2, when two complete, then the third is terminated and its job canceled', async () => {
    const process = await load('miQuorum');
    const ctx = testContext();
    let state = start(process, {}, ctx).state;
    const jobs = openJobs(state);
    expect(jobs).toHaveLength(3);
    state = dispatch(process, roundTrip(state), { type: 'completeJob', jobKey: jobs[0].key }, ctx).state;
    expect(activeElementIds(state)).toEqual(['vote']);
    const r = dispatch(process, state, { type: 'completeJob', jobKey: jobs[1].key }, ctx);
    expect(r.state.status).toBe('completed');
    expect(r.effects).toContainEqual({ type: 'jobCanceled', jobKey: jobs[2].key });
  });

  it('given a completion condition over numberOfInstances, numberOfCompletedInstances and numberOfActiveInstances, when the third of four completes, then it holds and the fourth is canceled', async () => {
    const process = await load('miCounts');
    const ctx = testContext();
    let state = start(process, {}, ctx).state;
    const jobs = openJobs(state);
    expect(jobs).toHaveLength(4);
    state = dispatch(process, state, { type: 'completeJob', jobKey: jobs[0].key }, ctx).state;
    state = dispatch(process, roundTrip(state), { type: 'completeJob', jobKey: jobs[1].key }, ctx).state;
    expect(state.status).toBe('active');
    const r = dispatch(process, state, { type: 'completeJob', jobKey: jobs[2].key }, ctx);
    expect(r.state.status).toBe('completed');
    expect(r.effects).toContainEqual({ type: 'jobCanceled', jobKey: jobs[3].key });
  });

  it('given 1,000 items on a parallel task, when started, then all run and the output has 1,000 entries in order', async () => {
    const process = await load('miBig');
    const items = Array.from({ length: 1000 }, (_, i) => i);
    const { state } = start(process, { variables: { items } }, testContext());
    expect(state.status).toBe('completed');
    expect(state.variables.doubled).toEqual(items.map((i) => i * 2));
    expect(state.path.filter((id) => id === 'double')).toHaveLength(1001);
  });

  it('given an empty collection, when started, then the body completes at once with an empty output', async () => {
    const process = await load('miBig');
    const { state } = start(process, { variables: { items: [] } }, testContext());
    expect(state.variables.doubled).toEqual([]);
    expect(state.status).toBe('completed');
  });

  it('given a collection that is not a list, when started, then an incident names the activity', async () => {
    const process = await load('miBig');
    const { state } = start(process, { variables: { items: 'nope' } }, testContext());
    expect(Object.values(state.incidents)).toMatchObject([{ elementId: 'double', type: 'extract' }]);
  });
});

describe('standard loop', () => {
  it('given loopCondition counter < limit, when run, then it repeats until false (tested after each iteration)', async () => {
    const process = await load('standardLoop');
    const { state } = start(process, { variables: { counter: 0, limit: 4 } }, testContext());
    expect(state.variables.counter).toBe(4);
    expect(state.path.filter((id) => id === 'inc')).toHaveLength(5);
  });

  it('given loopMaximum 10, when the condition stays true, then it stops after 10 iterations', async () => {
    const process = await load('standardLoop');
    const { state } = start(process, { variables: { counter: 0, limit: 100 } }, testContext());
    expect(state.variables.counter).toBe(10);
  });

  it('given only loopMaximum 3, when run, then it runs exactly 3 times with loopCounter 1..3', async () => {
    const process = await load('fixedLoop');
    const { state } = start(process, {}, testContext());
    expect(state.path.filter((id) => id === 'thrice')).toHaveLength(4);
    expect(state.variables.last).toBe(3);
  });
});

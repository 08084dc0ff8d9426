import { describe, expect, it } from 'vitest';
import type { ExecutableProcess } from '../model/types';
import type { EngineContext } from '../ports';
import { dispatch, start } from '../index';
import { activeElementIds, openTasks } from '../runtime/queries';
import type { InstanceState } from '../runtime/state';
import { compileXml, fixture, roundTrip, testContext } from '../test-support/harness';

async function load(id: string): Promise<ExecutableProcess> {
  return (await compileXml(fixture(import.meta.url, 'parallel-complex.bpmn'))).get(id) as ExecutableProcess;
}

function completeTask(process: ExecutableProcess, state: InstanceState, elementId: string, ctx: EngineContext) {
  const task = openTasks(state).find((t) => t.elementId === elementId);
  if (!task) throw new Error(`no task at ${elementId}`);
  return dispatch(process, roundTrip(state), { type: 'completeUserTask', taskId: task.id }, ctx);
}

describe('parallel gateway', () => {
  it('given one branch done, when the other is still waiting, then the join holds one token; when it completes, the join fires once', async () => {
    const process = await load('parallel');
    const ctx = testContext();
    const s0 = start(process, {}, ctx).state;
    expect(activeElementIds(s0)).toEqual(['t1']);
    expect(Object.values(s0.joins)).toMatchObject([{ gatewayId: 'join', arrived: [0, 1] }]);
    const s1 = completeTask(process, s0, 't1', ctx).state;
    expect(s1.status).toBe('completed');
    expect(s1.path).toEqual(['start', 'fork', 't2', 't1', 'join', 'end']);
  });
});

describe('complex gateway', () => {
  it('given activationCount >= 2, when two of three reviews complete, then it fires; the third is absorbed', async () => {
    const process = await load('complex');
    const ctx = testContext();
    const s0 = start(process, {}, ctx).state;
    const s1 = completeTask(process, s0, 'r1', ctx).state;
    expect(activeElementIds(s1)).toEqual(['r2', 'r3']);
    const s2 = completeTask(process, s1, 'r2', ctx).state;
    expect(activeElementIds(s2)).toEqual(['decide', 'r3']);
    expect(Object.values(s2.joins)).toMatchObject([{ gatewayId: 'quorum', phase: 'reset' }]);
    const s3 = completeTask(process, s2, 'r3', ctx).state;
    expect(activeElementIds(s3)).toEqual(['decide']);
    expect(s3.joins).toEqual({});
    const s4 = completeTask(process, s3, 'decide', ctx).state;
    expect(s4.status).toBe('completed');
    expect(s4.path.filter((id) => id === 'quorum')).toHaveLength(1);
  });

  it('given an activation condition that cannot be evaluated, when a token arrives, then an incident is raised on the gateway; after a fix, resolving re-evaluates it and the join goes on', async () => {
    const process = await load('complexThreshold');
    const ctx = testContext();
    const s0 = start(process, {}, ctx).state;
    const s1 = roundTrip(completeTask(process, s0, 't_r1', ctx).state);
    const [incident] = Object.values(s1.incidents);
    expect(incident).toMatchObject({ type: 'condition', elementId: 't_quorum', retry: 'activate' });
    expect(incident.message).toContain('activation condition of t_quorum');
    expect(Object.values(s1.joins)).toMatchObject([{ gatewayId: 't_quorum', arrived: [1, 0, 0] }]);
    // a second arrival while the incident is open waits with it rather than raising another
    const s2 = roundTrip(completeTask(process, s1, 't_r2', ctx).state);
    expect(Object.keys(s2.incidents)).toEqual([incident.id]);
    const s3 = dispatch(process, s2, { type: 'setVariables', variables: { threshold: 3 } }, ctx).state;
    const s4 = roundTrip(dispatch(process, s3, { type: 'resolveIncident', incidentId: incident.id }, ctx).state);
    expect(s4.incidents).toEqual({});
    expect(activeElementIds(s4)).toEqual(['t_r3']);
    const s5 = completeTask(process, s4, 't_r3', ctx).state;
    expect(activeElementIds(s5)).toEqual(['t_decide']);
  });
});

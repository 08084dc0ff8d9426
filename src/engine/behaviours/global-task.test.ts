import { describe, expect, it } from 'vitest';
import { dispatch, start } from '../index';
import type { ExecutableProcess } from '../index';
import { activeElementIds, openJobs, openTasks } from '../runtime/queries';
import { compileXml, fakeDecisions, fakeScripts, fixture, roundTrip, testContext } from '../test-support/harness';

const load = async () => (await compileXml(fixture(import.meta.url, 'global-task.bpmn'))).get('useGlobals') as ExecutableProcess;

describe('call activities calling global tasks', () => {
  it('given call activities naming global tasks, when run, then each global task runs in place: user task, script, decision, job, manual task', async () => {
    const p = await load();
    const scripts = fakeScripts({ 'return amount * 2': (vars) => ({ result: (vars.amount as number) * 2 }) });
    const decisions = fakeDecisions({ discount: (vars) => ((vars.doubled as number) > 100 ? 0.1 : 0) });
    const ctx = testContext({ scripts, decisions });
    const s0 = roundTrip(start(p, { instanceId: 'pi', variables: { approver: 'ann', amount: 60 } }, ctx));
    // No child instance: the user task is the call activity's own.
    expect(s0.effects.map((e) => e.type)).toEqual(['userTaskCreated']);
    expect(openTasks(s0.state)).toMatchObject([{ elementId: 'approve', name: 'Approve order', assignee: 'ann', candidateGroups: ['managers'] }]);
    const s1 = roundTrip(dispatch(p, s0.state, { type: 'completeUserTask', taskId: openTasks(s0.state)[0].id, variables: { ok: true } }, ctx).state);
    expect(s1.variables).toMatchObject({ approved: true, doubled: 120, discount: 0.1 });
    expect(s1.variables).not.toHaveProperty('ok');
    expect(openJobs(s1)).toMatchObject([{ elementId: 'ship', type: 'ship', retries: 5 }]);
    const s2 = dispatch(p, s1, { type: 'completeJob', jobKey: openJobs(s1)[0].key }, ctx).state;
    expect(s2.status).toBe('completed');
    expect(s2.path).toEqual(['start', 'approve', 'compute', 'decide', 'ship', 'sign', 'end']);
    expect(activeElementIds(s2)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { activeElementIds } from '../runtime/queries';
import type { Job, Variables } from '../runtime/state';
import { fixture } from '../test-support/harness';
import { testHost } from '../test-support/host';

async function hostWith(workers: Record<string, (job: Job, vars: Readonly<Variables>) => Variables | void>, extra: string[] = []) {
  return testHost([fixture(import.meta.url, 'call-activity.bpmn'), ...extra.map((f) => fixture(import.meta.url, f))], { workers });
}

describe('call activity', () => {
  it('given mappings and no propagation, when the child completes, then only mapped variables cross in each direction', async () => {
    const seen: Variables[] = [];
    const t = await hostWith({
      greet: (_job, vars) => {
        seen.push({ ...vars });
        return { greeting: `Hello ${String(vars.name ?? (vars.customer as { name: string }).name)}`, secret: 1 };
      },
    });
    const state = await t.host.startInstance('parent', { variables: { customer: { name: 'Ada' }, childId: 'child' } });
    expect(state.status).toBe('completed');
    expect(seen[0]).toEqual({ name: 'Ada' });
    // the second call propagates everything both ways
    expect(seen[1]).toEqual({ customer: { name: 'Ada' }, childId: 'child', message: 'Hello Ada' });
    expect(state.variables).toEqual({ customer: { name: 'Ada' }, childId: 'child', message: 'Hello Ada', greeting: 'Hello Ada', secret: 1 });
  });

  it('given a waiting child, when its job completes, then the parent resumes on childCompleted', async () => {
    const t = await hostWith({});
    const parent = await t.host.startInstance('parent', { variables: { customer: { name: 'Bo' }, childId: 'child' } });
    expect(activeElementIds(parent)).toEqual(['callChild']);
    const [child] = await t.childrenOf(parent.instanceId);
    expect(child.parent?.elementInstanceId).toBe(Object.values(parent.elements)[0].id);
    expect(child.instanceId).toBe(`${parent.instanceId}-call-1`);
    await t.host.completeJob({ jobKey: Object.keys(child.jobs)[0] }, { greeting: 'hi' });
    const after = await t.state(parent.instanceId);
    expect(activeElementIds(after)).toEqual(['callAll']);
    expect(after.variables.message).toBe('hi');
  });

  it('given a waiting child, when the parent is canceled, then the child is canceled too', async () => {
    const t = await hostWith({});
    const parent = await t.host.startInstance('parent', { variables: { customer: { name: 'C' } } });
    const [child] = await t.childrenOf(parent.instanceId);
    await t.host.cancel(parent.instanceId);
    expect((await t.state(parent.instanceId)).status).toBe('canceled');
    expect((await t.state(child.instanceId)).status).toBe('canceled');
  });

  it('given a waiting child, when the child is canceled, then the call activity gets an incident', async () => {
    const t = await hostWith({});
    const parent = await t.host.startInstance('parent', { variables: { customer: { name: 'D' } } });
    const [child] = await t.childrenOf(parent.instanceId);
    await t.host.cancel(child.instanceId);
    expect(Object.values((await t.state(parent.instanceId)).incidents)).toMatchObject([{ type: 'calledElement', elementId: 'callChild' }]);
  });

  it('given a called process that is not deployed, when the call activity starts, then its incident names the missing process and a retry after a fix calls it', async () => {
    const t = await hostWith({ greet: () => ({ greeting: 'hi' }) });
    const parent = await t.host.startInstance('parent', { variables: { customer: { name: 'E' }, childId: 'shipping' } });
    const [incident] = Object.values(parent.incidents);
    expect(incident).toMatchObject({ type: 'calledElement', elementId: 'callAll', message: 'callAll could not call its instance: process shipping is not deployed' });
    await t.host.setVariables(parent.instanceId, { childId: 'child' });
    const done = await t.host.resolveIncident(parent.instanceId, incident.id);
    expect(done.status).toBe('completed');
    expect(done.incidents).toEqual({});
  });

  it('given a called process from another deployment, when the call activity runs, then that process is started and the parent continues', async () => {
    const t = await hostWith({ greet: () => ({ greeting: 'hi' }) }, ['call-activity-courier.bpmn']);
    const parent = await t.host.startInstance('parent', { variables: { customer: { name: 'F' }, childId: 'courier' } });
    const children = (await t.childrenOf(parent.instanceId)).map((s) => [s.processId, s.status]);
    expect(children).toEqual([['child', 'completed'], ['courier', 'completed']]);
    expect(parent).toMatchObject({ status: 'completed', path: expect.arrayContaining(['callAll']) });
  });

  it('given a child ending with an error it does not catch, when it ends, then the error boundary on the call activity catches it and the child is canceled', async () => {
    const t = await hostWith({});
    const parent = await t.host.startInstance('parentCatches');
    const [child] = await t.childrenOf(parent.instanceId);
    expect(child.status).toBe('canceled');
    expect((await t.history(child.instanceId)).find((h) => h.type === 'errorThrown')).toMatchObject({ elementId: 'fc_fail', errorCode: 'CHILD_FAILED', caughtBy: null });
    expect(activeElementIds(parent)).toEqual(['compensate']);
    expect((await t.history(parent.instanceId)).find((h) => h.type === 'errorThrown')).toMatchObject({ elementId: 'callFailing', caughtBy: 'onChildFailed' });
  });
});

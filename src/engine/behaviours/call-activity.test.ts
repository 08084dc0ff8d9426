import { describe, expect, it } from 'vitest';
import { Deployments } from '../deployments';
import { MemoryEngine } from '../runtime/memory-engine';
import { activeElementIds } from '../runtime/queries';
import type { Job, Variables } from '../runtime/state';
import { compileXml, fixture, roundTrip, testContext } from '../test-support/harness';

async function engineWith(workers: Record<string, (job: Job, vars: Readonly<Variables>) => Variables | void>) {
  const deployments = new Deployments();
  await compileXml(fixture(import.meta.url, 'call-activity.bpmn'), deployments);
  return new MemoryEngine(deployments, testContext(), workers);
}

describe('call activity', () => {
  it('given mappings and no propagation, when the child completes, then only mapped variables cross in each direction', async () => {
    const seen: Variables[] = [];
    const engine = await engineWith({
      greet: (_job, vars) => {
        seen.push({ ...vars });
        return { greeting: `Hello ${String(vars.name ?? (vars.customer as { name: string }).name)}`, secret: 1 };
      },
    });
    const id = engine.start('parent', { variables: { customer: { name: 'Ada' }, childId: 'child' } });
    const state = engine.state(id);
    expect(state.status).toBe('completed');
    expect(seen[0]).toEqual({ name: 'Ada' });
    // the second call propagates everything both ways
    expect(seen[1]).toEqual({ customer: { name: 'Ada' }, childId: 'child', message: 'Hello Ada' });
    expect(state.variables).toEqual({ customer: { name: 'Ada' }, childId: 'child', message: 'Hello Ada', greeting: 'Hello Ada', secret: 1 });
  });

  it('given a waiting child, when the parent state is stored, then the parent waits and resumes on childCompleted', async () => {
    const engine = await engineWith({});
    const id = engine.start('parent', { variables: { customer: { name: 'Bo' }, childId: 'child' } });
    const parent = engine.state(id);
    expect(activeElementIds(parent)).toEqual(['callChild']);
    const [childId, child] = [...engine.states].find(([, s]) => s.parent?.instanceId === id) ?? [];
    expect(child?.parent?.elementInstanceId).toBe(Object.values(parent.elements)[0].id);
    engine.states.set(id, roundTrip(parent));
    const jobKey = Object.keys(child?.jobs ?? {})[0];
    engine.dispatch(childId as string, { type: 'completeJob', jobKey, variables: { greeting: 'hi' } });
    expect(activeElementIds(engine.state(id))).toEqual(['callAll']);
    expect(engine.state(id).variables.message).toBe('hi');
  });

  it('given a waiting child, when the parent is canceled, then the child is canceled too', async () => {
    const engine = await engineWith({});
    const id = engine.start('parent', { variables: { customer: { name: 'C' } } });
    const [childId] = [...engine.states.keys()].filter((k) => k !== id);
    engine.dispatch(id, { type: 'cancel' });
    expect(engine.state(id).status).toBe('canceled');
    expect(engine.state(childId).status).toBe('canceled');
  });

  it('given a waiting child, when the child is canceled, then the call activity gets an incident', async () => {
    const engine = await engineWith({});
    const id = engine.start('parent', { variables: { customer: { name: 'D' } } });
    const [childId] = [...engine.states.keys()].filter((k) => k !== id);
    engine.dispatch(childId, { type: 'cancel' });
    expect(Object.values(engine.state(id).incidents)).toMatchObject([{ type: 'calledElement', elementId: 'callChild' }]);
  });

  it('given a called process that is not deployed, when the call activity starts, then its incident names the missing process and a retry after a fix calls it', async () => {
    const engine = await engineWith({ greet: () => ({ greeting: 'hi' }) });
    const id = engine.start('parent', { variables: { customer: { name: 'E' }, childId: 'shipping' } });
    const [incident] = Object.values(engine.state(id).incidents);
    expect(incident).toMatchObject({ type: 'calledElement', elementId: 'callAll', message: 'callAll could not call its instance: process shipping is not deployed' });
    engine.states.set(id, roundTrip(engine.state(id)));
    engine.dispatch(id, { type: 'setVariables', variables: { childId: 'child' } });
    engine.dispatch(id, { type: 'resolveIncident', incidentId: incident.id });
    expect(engine.state(id).status).toBe('completed');
    expect(engine.state(id).incidents).toEqual({});
  });

  it('given a called process from another deployment, when the call activity runs, then that process is started and the parent continues', async () => {
    const engine = await engineWith({ greet: () => ({ greeting: 'hi' }) });
    await compileXml(fixture(import.meta.url, 'call-activity-courier.bpmn'), engine.deployments);
    const id = engine.start('parent', { variables: { customer: { name: 'F' }, childId: 'courier' } });
    const children = [...engine.states.values()].filter((s) => s.parent?.instanceId === id).map((s) => [s.processId, s.status]);
    expect(children).toEqual([['child', 'completed'], ['courier', 'completed']]);
    expect(roundTrip(engine.state(id))).toMatchObject({ status: 'completed', path: expect.arrayContaining(['callAll']) });
  });

  it('given a child ending with an uncaught error, when it ends, then the error boundary on the call activity catches it', async () => {
    const engine = await engineWith({});
    const id = engine.start('parentCatches');
    const [childId] = [...engine.states.keys()].filter((k) => k !== id);
    expect(engine.state(childId).status).toBe('canceled');
    expect(engine.history(childId).find((h) => h.type === 'errorThrown')).toMatchObject({ elementId: 'fc_fail', errorCode: 'CHILD_FAILED', caughtBy: null });
    expect(activeElementIds(engine.state(id))).toEqual(['compensate']);
    expect(engine.history(id).find((h) => h.type === 'errorThrown')).toMatchObject({ elementId: 'callFailing', caughtBy: 'onChildFailed' });
  });
});

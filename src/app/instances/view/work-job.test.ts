import { describe, expect, it } from 'vitest';
import { MemoryCatalog, type ApiData, type ApiMethod, type ApiRequest } from '../../../api';
import { apiOn, ORDER_BPMN } from '../../../api/test-support/api-harness';
import type { InstanceState } from '../../../engine';
import { MemoryStore } from '../../../host';
import { workJobByHand } from './work-job';

/** Given an order instance waiting at its external job `charge` (retries 1). */
async function atCharge() {
  const store = new MemoryStore();
  const { api } = await apiOn(store, new MemoryCatalog(store));
  const call = <M extends ApiMethod>(m: M, r: ApiRequest<M>) => api.call(m, r);
  const data = async <M extends ApiMethod>(m: M, r: ApiRequest<M>): Promise<ApiData<M>> => {
    const res = await api.call(m, r);
    if ('error' in res) throw new Error(res.message);
    return res.data;
  };
  await data('deployments.deploy', { kind: 'bpmn', name: 'order.bpmn', source: ORDER_BPMN });
  const { instanceId } = await data('instances.start', { processId: 'order', variables: { amount: 5, orderId: 'o1' } });
  const [task] = (await data('tasks.list', { instanceId })).items;
  await data('tasks.complete', { taskId: task.id });
  // The UI works from a JSON copy of the state, as the worker hands it over.
  const state = JSON.parse(JSON.stringify(await data('instances.get', { instanceId }))) as InstanceState;
  const job = Object.values(state.jobs)[0];
  return { call, data, instanceId, job };
}

describe('workJobByHand (the instance view\'s job buttons)', () => {
  it('given an open job, when completed by hand, then the instance moves on to the message wait', async () => {
    const { call, data, instanceId, job } = await atCharge();
    expect(await workJobByHand(job, { action: 'complete', variables: { charged: true } }, call)).toMatchObject({ data: { instanceState: 'active' } });
    const after = await data('instances.get', { instanceId });
    expect(after.variables).toMatchObject({ charged: true });
    expect(Object.values(after.subscriptions).map((s) => s.name)).toEqual(['paid']);
  });

  it('given a job with one retry, when failed by hand, then an incident opens on it', async () => {
    const { call, data, instanceId, job } = await atCharge();
    expect(await workJobByHand(job, { action: 'fail', message: 'card declined' }, call)).toMatchObject({ data: { retries: 0 } });
    const after = await data('instances.get', { instanceId });
    expect(Object.values(after.incidents)).toMatchObject([{ elementId: 'charge', type: 'jobNoRetries' }]);
  });

  it('given an uncaught error code, when thrown by hand, then the engine reports it (incident) and nothing else moves', async () => {
    const { call, data, instanceId, job } = await atCharge();
    await workJobByHand(job, { action: 'throwError', errorCode: 'NO_FUNDS', message: 'no funds', variables: {} }, call);
    const after = await data('instances.get', { instanceId });
    expect(Object.values(after.incidents).map((i) => i.elementId)).toEqual(['charge']);
    expect(Object.keys(after.subscriptions)).toEqual([]);
  });

  it('given a job another worker holds, when worked by hand, then it is refused and the job stays with that worker', async () => {
    const { call, data, instanceId, job } = await atCharge();
    await data('jobs.fetchAndLock', { topic: 'charge', workerId: 'billing', lockDurationMs: 60_000 });
    const r = await workJobByHand(job, { action: 'complete', variables: {} }, call);
    expect(r).toMatchObject({ error: 'illegalState', message: expect.stringContaining('another worker holds it') });
    expect((await data('instances.get', { instanceId })).jobs[job.key]).toMatchObject({ state: 'activated', worker: 'billing' });
  });
});

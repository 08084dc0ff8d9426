import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_ERROR_CODES, isFailure, toFailure, type ApiResult } from './errors';
import { HostError, StoreConflictError } from '../host';
import { StorageQuotaError } from '../store';
import type { EngineApi } from './service';
import { apiOn, DISCOUNT_DMN, ORDER_BPMN, STORE_KINDS } from './test-support/api-harness';
import type { ManualClock } from '../host';

function data<T>(r: ApiResult<T>): T {
  if (isFailure(r)) throw new Error(`expected success, got ${r.error}: ${r.message}`);
  return r.data;
}

describe.each(STORE_KINDS)('engine API on $name', (kind) => {
  let env: ReturnType<typeof kind.make>;
  let api: EngineApi;
  let clock: ManualClock;

  beforeEach(async () => {
    env = kind.make();
    ({ api, clock } = await apiOn(env.store, env.catalog, undefined, env.instances));
  });
  afterEach(() => env.close());

  async function deployAndStart(variables: Record<string, unknown> = { amount: 50, orderId: 'o-1' }, businessKey?: string) {
    data(await api.call('deployments.deploy', { kind: 'bpmn', name: 'order.bpmn', source: ORDER_BPMN, note: 'first cut' }));
    return data(await api.call('instances.start', { processId: 'order', variables, businessKey }));
  }

  it('given a deployed model, when an instance runs through task, job and message after a restart from stored data, then it completes', async () => {
    const started = await deployAndStart({ amount: 2000, orderId: 'o-7' }, 'B-7');
    expect(started).toMatchObject({ processId: 'order', processVersion: 1, state: 'active', businessKey: 'B-7' });

    // when the host restarts on what was stored (a reload)
    const reloaded = await env.restart();
    ({ api, clock } = await apiOn(reloaded.store, reloaded.catalog, clock, env.instances));
    const mine = data(await api.call('tasks.list', { candidateGroups: ['clerks', 'sales'], assignee: null }));
    expect(mine.total).toBe(1);
    const task = mine.items[0];
    expect(task).toMatchObject({ elementId: 'approve', priority: 90, processId: 'order', dueDate: '2026-02-01T10:00:00Z' });
    data(await api.call('tasks.claim', { taskId: task.id, userId: 'ana' }));
    const done = data(await api.call('tasks.complete', { taskId: task.id, variables: { approved: true } }));
    expect(done.instanceState).toBe('active');

    const [job] = data(await api.call('jobs.fetchAndLock', { topic: 'charge', workerId: 'w1', lockDurationMs: 10_000 }));
    expect(job.variables).toMatchObject({ approved: true, amount: 2000 });
    data(await api.call('jobs.complete', { jobKey: job.key, workerId: 'w1', variables: { receipt: 'r-1' } }));
    const published = await api.call('messages.publish', { name: 'paid', correlationKey: 'o-7' });
    expect(data(published).correlations).toHaveLength(1);
    expect(published.message).toBe('1 receiver');

    const after = data(await api.call('instances.get', { instanceId: started.instanceId }));
    expect(after.status).toBe('completed');
    const types = data(await api.call('history.get', { instanceId: started.instanceId })).map((e) => e.type);
    expect(types).toContain('taskCompleted');
    expect(types[types.length - 1]).toBe('instanceCompleted');
  });

  it('given deployments with notes, when listed, then each version points at its deployment; a form gets versions of its own', async () => {
    await deployAndStart();
    data(await api.call('deployments.deploy', { kind: 'bpmn', name: 'order.bpmn', source: ORDER_BPMN }));
    data(await api.call('deployments.deploy', { kind: 'dmn', name: 'discount.dmn', source: DISCOUNT_DMN }));
    const form = data(await api.call('deployments.deploy', { kind: 'form', name: 'approve.form', source: JSON.stringify({ id: 'approve', components: [] }) }));
    expect(form.versions).toEqual({ approve: 1 });
    const list = data(await api.call('deployments.list', {}));
    expect(list.map((d) => d.kind)).toEqual(['bpmn', 'bpmn', 'dmn', 'form']);
    expect(list[0].note).toBe('first cut');
    const versions = data(await api.call('deployments.versions', { kind: 'bpmn', id: 'order' }));
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const got = data(await api.call('deployments.get', { deploymentId: versions[1].deploymentId }));
    expect(got.source).toBe(ORDER_BPMN);
    expect(data(await api.call('decisions.evaluate', { decisionId: 'discount', variables: { tier: 'gold', amount: 150 } })).result).toBe(0.1);
  });

  it('given a model with an error, when deployed, then deployFailed lists the element and nothing is deployed', async () => {
    const broken = ORDER_BPMN.replace('=if amount &gt; 1000 then 90 else 40', '=if amount &gt; then');
    const r = await api.call('deployments.deploy', { kind: 'bpmn', name: 'broken.bpmn', source: broken });
    expect(isFailure(r) && r.error).toBe('deployFailed');
    expect(JSON.stringify(isFailure(r) && r.details)).toContain('approve');
    expect(data(await api.call('deployments.list', {}))).toEqual([]);
  });

  it('given many instances, when listed with filters, sorting and pages, then total counts every match', async () => {
    await deployAndStart({ amount: 1, orderId: 'a' }, 'k-0');
    for (let i = 1; i < 7; i++) {
      clock.advance(1000);
      data(await api.call('instances.start', { processId: 'order', variables: { amount: i * 10, orderId: `o-${i}` }, businessKey: `k-${i}` }));
    }
    const page2 = data(await api.call('instances.list', { processId: 'order', sortBy: 'businessKey', order: 'desc', page: 2, pageSize: 3 }));
    expect(page2).toMatchObject({ total: 7, page: 2, pageSize: 3 });
    expect(page2.items.map((i) => i.businessKey)).toEqual(['k-3', 'k-2', 'k-1']);
    const byVar = data(await api.call('instances.list', { variable: { name: 'amount', value: 30 } }));
    expect(byVar.items.map((i) => i.businessKey)).toEqual(['k-3']);
    const first = data(await api.call('instances.list', { businessKey: 'k-0' })).items[0];
    data(await api.call('instances.suspend', { instanceId: first.instanceId }));
    expect(data(await api.call('instances.list', { state: 'suspended' })).items.map((i) => i.businessKey)).toEqual(['k-0']);
    expect(data(await api.call('instances.list', { state: 'active' })).total).toBe(6);
    const stats = data(await api.call('stats.instances', {}));
    expect(stats).toEqual([{ processId: 'order', version: 1, active: 6, suspended: 1, completed: 0, canceled: 0, withIncidents: 0 }]);
  });

  it('given task durations of 1, 2, 3 and 10 s, then stats give their mean and nearest-rank p95', async () => {
    await deployAndStart();
    for (let i = 0; i < 3; i++) data(await api.call('instances.start', { processId: 'order', variables: { amount: 1, orderId: `x-${i}` } }));
    const open = data(await api.call('tasks.list', { sortBy: 'createdAt', order: 'asc' })).items;
    for (const [i, wait] of [1000, 1000, 1000, 7000].entries()) {
      clock.advance(wait);
      data(await api.call('tasks.complete', { taskId: open[i].id }));
    }
    const approve = data(await api.call('stats.elements', { processId: 'order', version: 1 })).find((e) => e.elementId === 'approve');
    expect(approve).toMatchObject({ completed: 4, active: 0, meanDurationMs: 4000, p95DurationMs: 10_000 });
    expect(await api.call('stats.elements', { processId: 'ghost' })).toMatchObject({ error: 'notFound' });
  });

  it('given variables nested too deep, when set, then the host refuses them as invalid and nothing changes', async () => {
    const pi = await deployAndStart();
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 200; i++) deep = { a: deep };
    expect(await api.call('instances.setVariables', { instanceId: pi.instanceId, variables: deep })).toMatchObject({ error: 'invalid', message: expect.stringContaining('deeper than 128') });
    expect(data(await api.call('instances.get', { instanceId: pi.instanceId })).variables).toEqual({ amount: 50, orderId: 'o-1' });
  });

  it('given illegal state changes, when asked, then each gets a precise code and nothing changes', async () => {
    const pi = await deployAndStart();
    const running = await api.call('instances.resume', { instanceId: pi.instanceId });
    expect(running).toMatchObject({ error: 'illegalState', message: expect.stringContaining('not suspended') });
    expect(await api.call('instances.get', { instanceId: 'nope' })).toMatchObject({ error: 'notFound', details: { instanceId: 'nope' } });
    const notObject = await api.call('instances.setVariables', { instanceId: pi.instanceId, variables: [1, 2] as never });
    expect(notObject).toMatchObject({ error: 'invalidRequest', details: { issues: [{ path: 'variables', message: 'must be a JSON object' }] } });
    const unchanged = data(await api.call('instances.get', { instanceId: pi.instanceId }));
    expect(unchanged.variables).toEqual({ amount: 50, orderId: 'o-1' });
    expect(unchanged.suspended).toBe(false);
    expect(await api.call('instances.start', { processId: 'order', extra: 1 } as never)).toMatchObject({ error: 'invalidRequest' });
    expect(await api.call('no.such' as never)).toMatchObject({ error: 'invalidRequest' });

    const [task] = data(await api.call('tasks.list', {})).items;
    data(await api.call('tasks.claim', { taskId: task.id, userId: 'ana' }));
    expect(await api.call('tasks.claim', { taskId: task.id, userId: 'bob' })).toMatchObject({ error: 'illegalState', details: { assignee: 'ana' } });
    data(await api.call('tasks.complete', { taskId: task.id }));
    expect(await api.call('tasks.complete', { taskId: task.id })).toMatchObject({ error: 'illegalState', message: expect.stringContaining('already completed') });
    expect(await api.call('tasks.complete', { taskId: 'ghost' })).toMatchObject({ error: 'notFound' });

    const historyBefore = data(await api.call('history.get', { instanceId: pi.instanceId })).length;
    data(await api.call('instances.cancel', { instanceId: pi.instanceId }));
    expect(await api.call('instances.cancel', { instanceId: pi.instanceId })).toMatchObject({ error: 'illegalState', details: { state: 'canceled' } });
    expect(await api.call('instances.suspend', { instanceId: pi.instanceId })).toMatchObject({ error: 'illegalState' });
    const historyAfter = data(await api.call('history.get', { instanceId: pi.instanceId }));
    expect(historyAfter.length).toBeGreaterThan(historyBefore);
    expect(historyAfter[historyAfter.length - 1].type).toBe('instanceCanceled');
    expect(await api.call('jobs.complete', { jobKey: 'none', workerId: 'w' })).toMatchObject({ error: 'notFound' });
  });

  it('given a job without retries, when it fails, then an incident opens; retry hands the job out again and stats count it', async () => {
    const pi = await deployAndStart();
    const [task] = data(await api.call('tasks.list', {})).items;
    clock.advance(5000); // the task waits 5 s
    data(await api.call('tasks.complete', { taskId: task.id }));
    const [job] = data(await api.call('jobs.fetchAndLock', { topic: 'charge', workerId: 'w1', lockDurationMs: 1000 }));
    expect(data(await api.call('jobs.fail', { jobKey: job.key, workerId: 'w1', retries: 0, errorMessage: 'down' })).incident).not.toBeNull();
    const open = data(await api.call('incidents.list', { processId: 'order' }));
    expect(open.total).toBe(1);
    expect(data(await api.call('instances.list', { hasIncident: true })).items.map((i) => i.instanceId)).toEqual([pi.instanceId]);
    const elements = data(await api.call('stats.elements', { processId: 'order' }));
    expect(elements.find((e) => e.elementId === 'charge')).toMatchObject({ active: 1, incidents: 1, completed: 0 });
    expect(elements.find((e) => e.elementId === 'approve')).toMatchObject({ active: 0, completed: 1, meanDurationMs: 5000, p95DurationMs: 5000 });
    expect(await api.call('incidents.retry', { instanceId: pi.instanceId, incidentId: 'nope' })).toMatchObject({ error: 'notFound' });
    data(await api.call('incidents.retry', { instanceId: pi.instanceId, incidentId: open.items[0].id }));
    expect(data(await api.call('jobs.fetchAndLock', { topic: 'charge', workerId: 'w2', lockDurationMs: 1000 }))).toHaveLength(1);
    expect(data(await api.call('incidents.list', {})).total).toBe(0);
  });
});

describe('toFailure', () => {
  it('given errors from each layer, when mapped, then each gets its documented code and only plain data', () => {
    const conflict = toFailure(new StoreConflictError('pi-1', 3, 4));
    expect(conflict).toEqual({ error: 'conflict', message: expect.stringContaining('pi-1'), details: { instanceId: 'pi-1', expectedRevision: 3, actualRevision: 4 } });
    expect(toFailure(new StorageQuotaError('the commit of instance pi-1', { usage: 10, quota: 10 }))).toMatchObject({ error: 'storageFull', details: { quota: 10 } });
    expect(toFailure(new HostError('lockLost', 'x')).error).toBe('lockLost');
    expect(toFailure(new TypeError('boom'))).toEqual({ error: 'internal', message: 'boom' });
    for (const f of [conflict, toFailure(new HostError('duplicate', 'd'))]) expect(API_ERROR_CODES).toContain(f.error);
  });
});

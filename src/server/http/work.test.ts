import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer, type TestServer } from '../test-support/test-server';

const ORDER = readFileSync(new URL('../../api/api.bpmn', import.meta.url), 'utf8');
const DISCOUNT = readFileSync(new URL('../../host/fixtures/discount.dmn', import.meta.url), 'utf8');
let t: TestServer;
let admin: string;
let tina: string;
let walt: string;
beforeAll(async () => {
  t = await testServer({ files: [{ name: 'order.bpmn', source: ORDER }, { name: 'discount.dmn', source: DISCOUNT }] });
  admin = (await t.login()).accessToken;
  tina = await t.userWith('tina', ['taskUser'], ['clerks']);
  walt = await t.userWith('walt', ['worker']);
}, 60_000);
afterAll(() => t.close(), 60_000);

const start = async (orderId: string) => (await t.request('POST', '/instances', { token: admin, body: { processId: 'order', variables: { orderId, amount: 10 } } })).body.data.id as string;
const taskOf = async (instanceId: string) => (await t.request('GET', `/tasks?instanceId=${instanceId}`, { token: admin })).body.data.items[0].id as string;
const fetchJobs = (body: Record<string, unknown> = {}) => t.request('POST', '/jobs/fetch-and-lock', { token: walt, body: { topic: 'charge', workerId: 'w1', lockDurationMs: 60_000, maxJobs: 10, ...body } });

describe('user tasks over HTTP', () => {
  it('given a task user, then they see only tasks of their groups and cannot cancel instances (403)', async () => {
    const id = await start('t-1');
    const taskId = await taskOf(id);
    const ursula = await t.userWith('ursula', ['taskUser'], ['managers']);
    expect((await t.request('GET', '/tasks?pageSize=1000', { token: tina })).body.data.items.map((x: { id: string }) => x.id)).toContain(taskId);
    expect((await t.request('GET', '/tasks', { token: ursula })).body.data).toMatchObject({ items: [], total: 0 });
    const peek = await t.request('GET', `/tasks/${taskId}`, { token: ursula });
    expect([peek.status, peek.body.error]).toEqual([403, 'FORBIDDEN']);
    expect((await t.request('POST', `/tasks/${taskId}/complete`, { token: ursula })).status).toBe(403);
    const cancel = await t.request('POST', `/instances/${id}/cancel`, { token: tina });
    expect([cancel.status, cancel.body.error]).toEqual([403, 'FORBIDDEN']);
    expect((await t.request('GET', `/instances/${id}`, { token: admin })).body.data.state).toBe('active');
  });

  it('given a task user, when they claim and complete their task, then the instance moves on; claiming for someone else is 403; a done task is 409', async () => {
    const id = await start('t-2');
    const taskId = await taskOf(id);
    expect((await t.request('POST', `/tasks/${taskId}/claim`, { token: tina, body: { userId: 'bob' } })).status).toBe(403);
    expect((await t.request('POST', `/tasks/${taskId}/claim`, { token: tina })).body.data.assignee).toBe('tina');
    expect((await t.request('POST', `/tasks/${taskId}/claim`, { token: admin, body: { userId: 'bob' } })).body.error).toBe('INVALID_STATE');
    const done = await t.request('POST', `/tasks/${taskId}/complete`, { token: tina, body: { variables: { approved: true } } });
    expect(done.body.data).toMatchObject({ taskId, instanceId: id, instanceState: 'active' });
    expect((await t.request('POST', `/tasks/${taskId}/complete`, { token: tina })).body.error).toBe('INVALID_STATE');
    expect((await t.request('GET', '/tasks/nope', { token: admin })).body.error).toBe('NOT_FOUND');
    expect((await t.request('GET', `/instances/${id}/variables`, { token: admin })).body.data.approved).toBe(true);
  });

  it('given an operator, then they assign tasks to anyone and unclaim them', async () => {
    const taskId = await taskOf(await start('t-3'));
    expect((await t.request('POST', `/tasks/${taskId}/assign`, { token: admin, body: { assignee: 'zoe' } })).body.data.assignee).toBe('zoe');
    expect((await t.request('POST', `/tasks/${taskId}/complete`, { token: tina })).status).toBe(403);
    expect((await t.request('POST', `/tasks/${taskId}/unclaim`, { token: admin })).body.data.assignee).toBeNull();
  });
});

describe('external jobs over HTTP', () => {
  it('given no job yet, when a worker long-polls, then the answer comes when a job is created, not before', async () => {
    // Drain what earlier tests left.
    for (const j of (await fetchJobs()).body.data) await t.request('POST', `/jobs/${j.key}/complete`, { token: walt, body: { workerId: 'w1' } });
    const polling = fetchJobs({ asyncResponseTimeout: 20_000 });
    let answered = false;
    void polling.then(() => (answered = true));
    const id = await start('j-1');
    expect(answered).toBe(false);
    await t.request('POST', `/tasks/${await taskOf(id)}/complete`, { token: admin });
    const jobs = (await polling).body.data;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ type: 'charge', processInstanceId: id, worker: 'w1' });
    expect((await t.request('POST', `/jobs/${jobs[0].key}/complete`, { token: walt, body: { workerId: 'someone-else' } })).body.error).toBe('LOCK_LOST');
    expect((await t.request('POST', `/jobs/${jobs[0].key}/extend-lock`, { token: walt, body: { workerId: 'w1', lockDurationMs: 1000 } })).status).toBe(200);
    const done = await t.request('POST', `/jobs/${jobs[0].key}/complete`, { token: walt, body: { workerId: 'w1', variables: { charged: true } } });
    expect(done.body.data).toMatchObject({ instanceId: id, instanceState: 'active' });
    expect((await fetchJobs({ asyncResponseTimeout: 50 })).body.data).toEqual([]);
  });

  it('given a job failed with no retries left, then an incident opens; retrying it gives the job back', async () => {
    const id = await start('j-2');
    await t.request('POST', `/tasks/${await taskOf(id)}/complete`, { token: admin });
    const [job] = (await fetchJobs()).body.data;
    expect((await t.request('POST', `/jobs/${job.key}/failure`, { token: walt, body: { workerId: 'w1', retries: 0, errorMessage: 'card declined' } })).body.data.incident).toEqual(expect.any(String));
    const incidents = await t.request('GET', `/incidents?instanceId=${id}`, { token: admin });
    expect(incidents.body.data.items[0]).toMatchObject({ processInstanceId: id, message: expect.stringContaining('card declined') });
    const incidentId = incidents.body.data.items[0].id;
    expect((await t.request('POST', `/instances/${id}/incidents/nope/retry`, { token: admin })).body.error).toBe('NOT_FOUND');
    expect((await t.request('POST', `/instances/${id}/incidents/${incidentId}/retry`, { token: admin, body: { retries: 2 } })).body.data.openIncidents).toEqual([]);
    expect((await fetchJobs()).body.data.map((j: { key: string }) => j.key)).toEqual([job.key]);
    const bpmnError = await t.request('POST', `/jobs/${job.key}/bpmn-error`, { token: walt, body: { workerId: 'w1', errorCode: 'NOPE' } });
    expect(bpmnError.status).toBe(200);
    expect((await t.request('GET', '/jobs?instanceId=nope', { token: walt })).body.data).toEqual([]);
  });
});

describe('messages, signals and decisions over HTTP', () => {
  it('given an instance waiting for a message, when it is published with its key, then the instance completes', async () => {
    const id = await start('m-1');
    await t.request('POST', `/tasks/${await taskOf(id)}/complete`, { token: admin });
    const [job] = (await fetchJobs()).body.data;
    await t.request('POST', `/jobs/${job.key}/complete`, { token: walt, body: { workerId: 'w1' } });
    const r = await t.request('POST', '/messages', { token: admin, body: { name: 'paid', correlationKey: 'm-1', variables: { paid: 10 } } });
    expect(r.body.data.correlations).toEqual([expect.objectContaining({ processInstanceId: id })]);
    expect((await t.request('GET', `/instances/${id}`, { token: admin })).body.data.state).toBe('completed');
    expect((await t.request('POST', '/messages/correlate', { token: admin, body: { name: 'paid', correlationKey: 'nobody' } })).body.error).toBe('NOT_FOUND');
    expect((await t.request('POST', '/signals', { token: admin, body: { name: 'nothing-listens' } })).body.data.correlations).toEqual([]);
    expect((await t.request('POST', '/messages', { token: admin, body: { correlationKey: 'x' } })).body.error).toBe('VALIDATION_ERROR');
  });

  it('given a deployed decision, then POST /decisions/{id}/evaluate answers its result; an unknown one is 404', async () => {
    const r = await t.request('POST', '/decisions/discount/evaluate', { token: admin, body: { variables: { tier: 'gold', amount: 150 } } });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ decisionId: 'discount', result: expect.anything() });
    expect((await t.request('POST', '/decisions/nope/evaluate', { token: admin, body: {} })).body.error).toBe('NOT_FOUND');
    expect((await t.request('GET', '/decisions/discount/versions', { token: admin })).body.data[0]).toMatchObject({ kind: 'dmn', id: 'discount', version: 1 });
  });
});

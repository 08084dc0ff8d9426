import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer, type TestServer } from '../test-support/test-server';

const ORDER = readFileSync(new URL('../../api/api.bpmn', import.meta.url), 'utf8');
let t: TestServer;
let token: string;
beforeAll(async () => {
  t = await testServer({ files: [{ name: 'order.bpmn', source: ORDER }] });
  token = (await t.login()).accessToken;
}, 60_000);
afterAll(() => t.close(), 60_000);

const start = async (body: Record<string, unknown>) => t.request('POST', '/instances', { token, body: { processId: 'order', ...body } });

describe('instances over HTTP', () => {
  it('given a deployed process, when POST /instances, then 201 with the instance shape', async () => {
    const r = await start({ businessKey: 'o-1', variables: { amount: 5, orderId: 'o-1' } });
    expect(r.status).toBe(201);
    expect(r.body.data).toEqual({
      id: expect.any(String), processId: 'order', version: 1, state: 'active', businessKey: 'o-1', startedAt: expect.stringMatching(/Z$/), endedAt: null,
      variables: { amount: 5, orderId: 'o-1' }, incidents: 0, parentInstanceId: null,
    });
    expect(r.body.message).toMatch(/^started order v1/);
    expect((await t.request('GET', `/instances/${r.body.data.id}`, { token })).body.data).toEqual(r.body.data);
  });

  it('given a bad body, then 400 VALIDATION_ERROR with details naming each field', async () => {
    const r = await t.request('POST', '/instances', { token, body: { processId: 7, variables: [], extra: 1 } });
    expect([r.status, r.body.error]).toEqual([400, 'VALIDATION_ERROR']);
    expect(r.body.details.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['body.processId', 'body.variables']));
    const notJson = await t.request('POST', '/instances', { token, raw: '{oops', headers: { 'content-type': 'application/json' } });
    expect([notJson.status, notJson.body.error]).toEqual([400, 'VALIDATION_ERROR']);
    const query = await t.request('GET', '/instances?pageSize=0&sort=bogus', { token });
    expect(query.body.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['querystring.pageSize', 'querystring.sort']);
  });

  it('given unknown ids, then 404 NOT_FOUND', async () => {
    expect((await start({ processId: 'nope' })).body.error).toBe('NOT_FOUND');
    for (const path of ['/instances/nope', '/instances/nope/variables', '/instances/nope/history']) {
      const r = await t.request('GET', path, { token });
      expect([r.status, r.body.error], path).toEqual([404, 'NOT_FOUND']);
    }
    expect((await t.request('POST', '/instances/nope/cancel', { token })).status).toBe(404);
    expect((await t.request('POST', '/instances/nope/timers/t1/fire', { token })).body.error).toBe('NOT_FOUND');
    expect((await t.request('GET', '/no/such/route', { token })).body).toEqual({ error: 'NOT_FOUND', message: 'no route GET /no/such/route' });
  });

  it('given a running instance, when resumed, then 409 INVALID_STATE; suspend, resume, cancel move it, and each is audited', async () => {
    const id = (await start({ variables: { orderId: 'o-2', amount: 1 } })).body.data.id;
    const resume = await t.request('POST', `/instances/${id}/resume`, { token });
    expect([resume.status, resume.body.error]).toEqual([409, 'INVALID_STATE']);
    expect((await t.request('POST', `/instances/${id}/suspend`, { token })).body.data.state).toBe('suspended');
    expect((await t.request('POST', `/instances/${id}/suspend`, { token })).status).toBe(409);
    expect((await t.request('POST', `/instances/${id}/resume`, { token })).body.data.state).toBe('active');
    const canceled = await t.request('POST', `/instances/${id}/cancel`, { token });
    expect(canceled.body.data).toMatchObject({ state: 'canceled', endedAt: expect.any(String) });
    expect((await t.request('POST', `/instances/${id}/cancel`, { token })).body.error).toBe('INVALID_STATE');
    const audit = await t.request('GET', '/audit?pageSize=10', { token });
    const mine = audit.body.data.items.filter((e: { target: string }) => e.target === id).map((e: { action: string; outcome: string }) => `${e.action}:${e.outcome}`);
    expect(mine).toEqual(['instance.cancel:refused', 'instance.cancel:ok', 'instance.resume:ok', 'instance.suspend:refused', 'instance.suspend:ok', 'instance.resume:refused']);
  });

  it('given variables, when PATCHed, then they merge; GET gives them; bad ones are refused', async () => {
    const id = (await start({ variables: { a: 1 } })).body.data.id;
    expect((await t.request('PATCH', `/instances/${id}/variables`, { token, body: { variables: { b: 2 } } })).status).toBe(200);
    expect((await t.request('GET', `/instances/${id}/variables`, { token })).body.data).toEqual({ a: 1, b: 2 });
    expect((await t.request('PATCH', `/instances/${id}/variables`, { token, body: { variables: 3 } })).body.error).toBe('VALIDATION_ERROR');
    const history = await t.request('GET', `/instances/${id}/history`, { token });
    expect(history.body.data[0]).toMatchObject({ instanceId: id, seq: 1 });
    expect((await t.request('GET', `/instances/${id}/history?afterSeq=1`, { token })).body.data.every((e: { seq: number }) => e.seq > 1)).toBe(true);
    expect((await t.request('GET', `/instances/${id}/state`, { token })).body.data.tasks).toBeDefined();
  });

  it('given several instances, then GET /instances pages, filters and sorts as the contract says', async () => {
    const keys = ['s-a', 's-b', 's-c'];
    for (const k of keys) await start({ businessKey: k });
    const page = await t.request('GET', '/instances?page=1&pageSize=2&sort=startedAt:desc', { token });
    expect(page.body.data).toMatchObject({ page: 1, pageSize: 2, total: expect.any(Number) });
    expect(page.body.data.items).toHaveLength(2);
    expect(page.body.data.items[0].businessKey).toBe('s-c');
    const byKey = await t.request('GET', '/instances?businessKey=s-b', { token });
    expect(byKey.body.data.items.map((i: { businessKey: string }) => i.businessKey)).toEqual(['s-b']);
    const asc = await t.request('GET', '/instances?sort=businessKey:asc&state=active&processId=order&pageSize=1000', { token });
    const bk = asc.body.data.items.map((i: { businessKey: string | null }) => i.businessKey).filter((k: string | null) => k?.startsWith('s-'));
    expect(bk).toEqual(keys);
    const after = page.body.data.items[1].startedAt;
    const later = await t.request('GET', `/instances?startedAfter=${encodeURIComponent(after)}&pageSize=1000`, { token });
    expect(later.body.data.items.every((i: { startedAt: string }) => i.startedAt > after)).toBe(true);
    expect((await t.request('GET', `/instances?startedBefore=${Date.parse(after)}&pageSize=1000`, { token })).body.data.items.every((i: { startedAt: string }) => i.startedAt < after)).toBe(true);
    expect((await t.request('GET', '/instances?startedAfter=yesterday', { token })).body.error).toBe('VALIDATION_ERROR');
    expect((await t.request('GET', '/instances?state=canceled', { token })).body.data.items.every((i: { state: string }) => i.state === 'canceled')).toBe(true);
  });

  it('given instances, then /stats counts them by process version', async () => {
    const r = await t.request('GET', '/stats?processId=order', { token });
    expect(r.body.data).toContainEqual(expect.objectContaining({ processId: 'order', version: 1, active: expect.any(Number), canceled: expect.any(Number) }));
    expect((await t.request('GET', '/stats/processes/order/elements', { token })).body.data).toBeDefined();
  });
});

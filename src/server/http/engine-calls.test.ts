import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../api/service';
import { CALL_PERMISSIONS } from './routes/engine-calls';
import { testServer, type TestServer } from '../test-support/test-server';

const ORDER = readFileSync(new URL('../../api/api.bpmn', import.meta.url), 'utf8');
const STUDIO = 'http://localhost:4182';

let t: TestServer;
let admin: string;
let tina: string;
beforeAll(async () => {
  t = await testServer({ files: [{ name: 'order.bpmn', source: ORDER }], env: { FLOWDECK_CORS_ORIGINS: STUDIO } });
  admin = (await t.login()).accessToken;
  tina = await t.userWith('tina', ['taskUser'], ['clerks']);
}, 60_000);
afterAll(() => t.close(), 60_000);

const api = (method: string, body: unknown, token = admin) => t.request('POST', `/api/${method}`, { token, body });

describe('POST /api/{method}: the engine API over HTTP', () => {
  it('names a permission for every engine API call', () => {
    expect(Object.keys(CALL_PERMISSIONS).sort()).toEqual([...API_METHODS].sort());
  });

  it('given an administrator, then a call answers the engine API shape (times in ms) and an unknown call is 400', async () => {
    const s = await api('instances.start', { processId: 'order', variables: { orderId: 'c-1', amount: 3 } });
    expect([s.status, s.body.data.processId, typeof s.body.data.startedAt]).toEqual([200, 'order', 'number']);
    expect(s.body.message).toMatch(/^started order v1/);
    const unknown = await api('instances.explode', {});
    expect([unknown.status, unknown.body.error]).toEqual([400, 'VALIDATION_ERROR']);
    const none = await t.request('POST', '/api/instances.list', { body: {} });
    expect([none.status, none.body.error]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('given a task user, then tasks are narrowed to theirs, other calls are 403 naming the permission, and claims are for themselves', async () => {
    const s = await api('instances.start', { processId: 'order', variables: { orderId: 'c-2', amount: 3 } });
    const cancel = await api('instances.cancel', { instanceId: s.body.data.instanceId }, tina);
    expect([cancel.status, cancel.body.error, cancel.body.details]).toEqual([403, 'FORBIDDEN', { needs: ['operate'] }]);
    const listed = await api('tasks.list', { instanceId: s.body.data.instanceId }, tina);
    expect(listed.body.data.total).toBe(1);
    const taskId = listed.body.data.items[0].id;
    expect((await api('tasks.claim', { taskId, userId: 'bob' }, tina)).status).toBe(403);
    expect((await api('tasks.claim', { taskId }, tina)).body.data.assignee).toBe('tina');
    const ursula = await t.userWith('ursula', ['taskUser'], ['managers']);
    expect((await api('tasks.list', {}, ursula)).body.data).toMatchObject({ items: [], total: 0 });
    expect((await api('tasks.complete', { taskId }, ursula)).status).toBe(403);
    expect((await api('tasks.complete', { taskId, variables: { approved: true } }, tina)).status).toBe(200);
  });

  it('given a cancel through the call route, then the audit log records it like the REST route (refusals too)', async () => {
    const s = await api('instances.start', { processId: 'order', variables: { orderId: 'c-3', amount: 3 } });
    const id = s.body.data.instanceId;
    expect((await api('instances.cancel', { instanceId: id })).status).toBe(200);
    expect((await api('instances.cancel', { instanceId: id })).body.error).toBe('INVALID_STATE');
    const audit = await t.request('GET', '/audit?action=instance.cancel', { token: admin });
    expect(audit.body.data.items.filter((e: { target: string }) => e.target === id).map((e: { outcome: string }) => e.outcome).sort()).toEqual(['ok', 'refused']);
  });

  it('given the studio origin in FLOWDECK_CORS_ORIGINS, then a preflight allows it and answers expose retry-after; another origin gets no CORS header', async () => {
    const pre = await t.request('OPTIONS', '/api/instances.list', { headers: { origin: STUDIO, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
    expect(pre.headers.get('access-control-allow-origin')).toBe(STUDIO);
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    const real = await t.request('POST', '/api/instances.list', { token: admin, body: {}, headers: { origin: STUDIO } });
    expect(real.headers.get('access-control-expose-headers')).toMatch(/retry-after/);
    const other = await t.request('POST', '/api/instances.list', { token: admin, body: {}, headers: { origin: 'http://evil.test' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

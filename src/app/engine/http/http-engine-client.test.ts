import Fastify, { type FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer, type TestServer } from '../../../server/test-support/test-server';
import { httpOf } from './http-errors';
import { HttpEngineClient, memoryTokens, type TokenPair } from './http-engine-client';

// The studio's HTTP engine client against a real `flowdeck serve` app (Fastify, SQLite) on
// 127.0.0.1, and against a small real Fastify that fails on purpose (retries).
const APPROVAL = readFileSync(new URL('../../../../e2e/run-approval.bpmn', import.meta.url), 'utf8');
const noWait = (waits: number[]) => async (ms: number) => void waits.push(ms);

let t: TestServer;
beforeAll(async () => {
  t = await testServer({ env: { FLOWDECK_ACCESS_TOKEN_TTL_S: '10' } });
}, 60_000);
afterAll(() => t.close(), 60_000);

async function client(tokens?: TokenPair, extra: Partial<ConstructorParameters<typeof HttpEngineClient>[0]> = {}) {
  const pair = tokens ?? (await t.login());
  const store = memoryTokens({ accessToken: pair.accessToken, refreshToken: pair.refreshToken });
  return { engine: new HttpEngineClient({ url: t.server.url, tokens: store, sleep: noWait([]), ...extra }), store };
}

describe('HttpEngineClient against flowdeck serve', () => {
  it('given a login, when deploying, starting and completing a user task through call(), then the instance completes, in the engine API shapes', async () => {
    const tokens = await HttpEngineClient.login(`${t.server.url}/`, 'admin', 'admin-password-1');
    if ('error' in tokens) throw new Error(tokens.message);
    const { engine } = await client(tokens);
    const changes: unknown[] = [];
    engine.onChange((c) => changes.push(c));
    const d = await engine.call('deployments.deploy', { kind: 'bpmn', name: 'approval.bpmn', source: APPROVAL });
    if ('error' in d) throw new Error(d.message);
    const processId = Object.keys(d.data.versions)[0];
    const s = await engine.call('instances.start', { processId, variables: { amount: 5 } });
    if ('error' in s) throw new Error(s.message);
    expect(s.data).toMatchObject({ processId, state: 'active', startedAt: expect.any(Number) });
    const tasks = await engine.call('tasks.list', { instanceId: s.data.instanceId });
    if ('error' in tasks) throw new Error(tasks.message);
    expect(tasks.data.items).toHaveLength(1);
    const done = await engine.call('tasks.complete', { taskId: tasks.data.items[0].id, variables: { approved: true } });
    expect('error' in done ? done.message : 'ok').toBe('ok');
    const got = await engine.call('instances.get', { instanceId: s.data.instanceId });
    expect('error' in got ? got.message : got.data.status).toBe('completed');
    expect(changes).toContainEqual({ type: 'changed', instanceIds: [s.data.instanceId], at: expect.any(Number) });
    engine.close();
  });

  it('given the event stream, when another client starts an instance, then the listeners hear a change naming it (and a started on connecting)', async () => {
    const { engine } = await client(undefined, { events: true });
    const heard: unknown[] = [];
    const got = new Promise<void>((resolve) => engine.onChange((c) => (heard.push(c), c.type === 'changed' && c.instanceIds.length > 0 && resolve())));
    await expect.poll(() => engine.streaming).toBe(true);
    const other = (await t.login()).accessToken;
    const d = await t.request('POST', '/deployments', { token: other, body: { files: [{ name: 'stream.bpmn', source: APPROVAL.replace('id="approval"', 'id="streamed"') }] } });
    expect(d.status).toBe(201);
    const s = await t.request('POST', '/instances', { token: other, body: { processId: 'streamed' } });
    await got;
    expect(heard[0]).toEqual({ type: 'started', at: expect.any(Number) });
    expect(heard).toContainEqual({ type: 'changed', instanceIds: [s.body.data.id], at: expect.any(Number) });
    engine.close();
    await expect.poll(() => engine.streaming).toBe(false);
  });

  it('given a wrong password, then login answers the 401 with a message naming the status', async () => {
    const r = await HttpEngineClient.login(t.server.url, 'admin', 'wrong');
    expect('error' in r && r.message).toMatch(/^Signed out of the server: log in again \(HTTP 401 UNAUTHENTICATED\): /);
  });

  it('given an expired access token, when calling (twice at once), then one refresh renews the pair and both calls succeed', async () => {
    const { engine, store } = await client();
    const before = store.get();
    t.advance(11_000);
    const [a, b] = await Promise.all([engine.call('instances.list', {}), engine.call('stats.instances', {})]);
    expect(['error' in a ? a.message : 'ok', 'error' in b ? b.message : 'ok']).toEqual(['ok', 'ok']);
    expect(store.get()?.refreshToken).not.toBe(before?.refreshToken);
    // The refresh family was not revoked (a second use of the old refresh token would have): the new pair works.
    expect('error' in (await engine.call('instances.list', {}))).toBe(false);
  });

  it('given a revoked login, when the refresh is refused too, then the call is a 401 failure and the client signs out', async () => {
    const pair = await t.login();
    await t.request('POST', '/auth/logout', { token: pair.accessToken, body: { refreshToken: pair.refreshToken } });
    let signedOut = 0;
    const { engine, store } = await client(pair, { onSignedOut: () => void signedOut++ });
    const r = await engine.call('instances.list', {});
    expect('error' in r && [r.error, httpOf(r)?.status]).toEqual(['unavailable', 401]);
    expect(signedOut).toBeGreaterThan(0);
    expect(store.get()).toBeNull();
  });

  it('given each kind of refusal, then the failure keeps the engine code, names the HTTP status and keeps the details', async () => {
    const taskUser = await t.userWith('tia', ['taskUser']);
    const { engine: asTia } = await client({ accessToken: taskUser, refreshToken: 'unused' });
    const forbidden = await asTia.call('instances.start', { processId: 'x' });
    expect('error' in forbidden && [forbidden.error, httpOf(forbidden)?.status, forbidden.message]).toEqual(['invalid', 403, expect.stringMatching(/^Not allowed \(HTTP 403 FORBIDDEN\): tia \(taskUser\) may not call instances.start/)]);

    const { engine } = await client();
    const missing = await engine.call('instances.get', { instanceId: 'nope' });
    expect('error' in missing && [missing.error, httpOf(missing)?.status]).toEqual(['notFound', 404]);
    const bad = await engine.call('instances.list', { pageSize: 0 });
    expect('error' in bad && [bad.error, httpOf(bad)?.status, Array.isArray(bad.details?.issues)]).toEqual(['invalidRequest', 400, true]);
    const d = await engine.call('deployments.deploy', { kind: 'bpmn', name: 'approval.bpmn', source: APPROVAL });
    const processId = 'error' in d ? '' : Object.keys(d.data.versions)[0];
    const s = await engine.call('instances.start', { processId });
    const running = 'error' in s ? '' : s.data.instanceId;
    const conflict = await engine.call('instances.resume', { instanceId: running });
    expect('error' in conflict && [conflict.error, httpOf(conflict)?.status, conflict.message]).toEqual(['illegalState', 409, expect.stringMatching(/^Conflict \(HTTP 409 INVALID_STATE\)/)]);
    const broken = await engine.call('deployments.deploy', { kind: 'bpmn', name: 'broken.bpmn', source: '<definitions/>' });
    expect('error' in broken && [broken.error, httpOf(broken)?.status]).toEqual(['deployFailed', 422]);
  });
});

describe('HttpEngineClient retries', () => {
  let flaky: FastifyInstance;
  let url: string;
  /** Answers each call with the next scripted status, then 200. */
  let script: Array<{ status: number; headers?: Record<string, string> }> = [];
  let seen = 0;
  beforeAll(async () => {
    flaky = Fastify();
    flaky.post('/api/:method', async (_req, reply) => {
      seen++;
      const next = script.shift();
      if (!next) return { data: { ok: true } };
      for (const [k, v] of Object.entries(next.headers ?? {})) reply.header(k, v);
      return reply.code(next.status).send({ error: next.status === 429 ? 'RATE_LIMITED' : next.status === 500 ? 'INTERNAL' : 'UNAVAILABLE', message: `scripted ${next.status}` });
    });
    url = await flaky.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => flaky.close());

  const engineWith = (waits: number[], attempts = 4) =>
    new HttpEngineClient({ url, tokens: memoryTokens({ accessToken: 'a', refreshToken: 'r' }), sleep: noWait(waits), retry: { attempts, baseDelayMs: 100, maxDelayMs: 5_000 } });

  it('given 503 then 429 with Retry-After, when calling a write, then it waits with back-off and Retry-After and succeeds', async () => {
    script = [{ status: 503 }, { status: 429, headers: { 'retry-after': '2' } }];
    seen = 0;
    const waits: number[] = [];
    const r = await engineWith(waits).call('instances.start', { processId: 'p' });
    expect(r).toEqual({ data: { ok: true } });
    expect(seen).toBe(3);
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[0]).toBeLessThanOrEqual(100);
    expect(waits[1]).toBe(2_000);
  });

  it('given a 502 on a read, then it is retried; on a write, then it is not (it may have run)', async () => {
    script = [{ status: 502 }];
    seen = 0;
    expect(await engineWith([]).call('instances.list', {})).toEqual({ data: { ok: true } });
    expect(seen).toBe(2);
    script = [{ status: 502 }];
    seen = 0;
    const w = await engineWith([]).call('instances.cancel', { instanceId: 'i' });
    expect('error' in w && [w.error, httpOf(w)?.status]).toEqual(['unavailable', 502]);
    expect(seen).toBe(1);
    script = [];
  });

  it('given failures that last, then it stops after the attempt limit with doubling waits and reports the last status', async () => {
    script = Array.from({ length: 10 }, () => ({ status: 503 }));
    seen = 0;
    const waits: number[] = [];
    const r = await engineWith(waits, 4).call('instances.list', {});
    expect('error' in r && [r.error, httpOf(r)?.status, r.message]).toEqual(['unavailable', 503, 'The server is not available (HTTP 503 UNAVAILABLE): scripted 503']);
    expect(seen).toBe(4);
    expect(waits).toHaveLength(3);
    expect(waits[2]).toBeGreaterThan(waits[0]);
    script = [];
  });

  it('given a 500, then no retry and the message carries the request id', async () => {
    script = [{ status: 500, headers: { 'x-request-id': 'req-7' } }];
    seen = 0;
    const r = await engineWith([]).call('instances.list', {});
    expect('error' in r && [r.error, r.message, seen]).toEqual(['internal', 'Server error (HTTP 500 INTERNAL): scripted 500 (request id req-7)', 1]);
  });

  it('given no server on the port, then reads retry to the limit and answer unavailable naming the URL', async () => {
    const probe = Fastify();
    const dead = await probe.listen({ host: '127.0.0.1', port: 0 });
    await probe.close();
    const waits: number[] = [];
    const engine = new HttpEngineClient({ url: dead, tokens: memoryTokens({ accessToken: 'a', refreshToken: 'r' }), sleep: noWait(waits), retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 100 } });
    const r = await engine.call('instances.list', {});
    expect('error' in r && [r.error, httpOf(r)?.code]).toEqual(['unavailable', 'NETWORK']);
    expect('error' in r && r.message).toContain(`Cannot reach the Flowdeck server at ${dead}`);
    expect(waits).toHaveLength(2);
  });
});

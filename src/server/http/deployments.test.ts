import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packArchive } from '../../archive';
import { testServer, type TestServer } from '../test-support/test-server';

const CALC = readFileSync(new URL('./fixtures/calc.bpmn', import.meta.url), 'utf8');
const DISCOUNT = readFileSync(new URL('../../host/fixtures/discount.dmn', import.meta.url), 'utf8');
const METRICS_TOKEN = 'metrics-token-0123456789';
let t: TestServer;
let token: string;
beforeAll(async () => {
  t = await testServer({ env: { FLOWDECK_CORS_ORIGINS: 'https://studio.example', FLOWDECK_METRICS_TOKEN: METRICS_TOKEN, FLOWDECK_BODY_LIMIT_BYTES: '65536' } });
  token = (await t.login()).accessToken;
}, 60_000);
afterAll(() => t.close(), 60_000);

describe('deployments over HTTP', () => {
  it('given BPMN and DMN files, when POSTed, then 201 lists each with its versions, and the audit log has the deploy', async () => {
    const r = await t.request('POST', '/deployments', { token, body: { files: [{ name: 'calc.bpmn', source: CALC }, { name: 'discount.dmn', source: DISCOUNT }], note: 'first' } });
    expect(r.status).toBe(201);
    expect(r.body.data.map((d: { name: string; versions: object }) => [d.name, d.versions])).toEqual([['discount.dmn', { discount: 1 }], ['calc.bpmn', { calc: 1 }]]);
    const list = await t.request('GET', '/deployments', { token });
    expect(list.body.data.map((d: { name: string; deployedBy: string }) => `${d.name}:${d.deployedBy}`)).toEqual(['discount.dmn:admin', 'calc.bpmn:admin']);
    expect((await t.request('GET', `/deployments/${list.body.data[1].deploymentId}`, { token })).body.data.source).toBe(CALC);
    expect((await t.request('GET', '/processes/calc/versions', { token })).body.data).toEqual([expect.objectContaining({ version: 1 })]);
    expect((await t.request('GET', '/audit?action=deploy', { token })).body.data.items[0]).toMatchObject({ actor: 'admin', target: 'calc.bpmn, discount.dmn', outcome: 'ok' });
  });

  it('given one bad file among good ones, then 422 DEPLOY_FAILED names it and nothing is deployed', async () => {
    const before = (await t.request('GET', '/deployments', { token })).body.data.length;
    const good = CALC.replace('id="calc"', 'id="calc2"');
    const broken = CALC.replace('id="calc"', 'id="calc3"').replace('targetRef="done"', 'targetRef="nowhere"');
    const r = await t.request('POST', '/deployments', { token, body: { files: [{ name: 'good.bpmn', source: good }, { name: 'broken.bpmn', source: broken }] } });
    expect([r.status, r.body.error]).toEqual([422, 'DEPLOY_FAILED']);
    expect(r.body.details.files).toEqual([expect.objectContaining({ file: 'broken.bpmn' })]);
    expect((await t.request('GET', '/deployments', { token })).body.data).toHaveLength(before);
    expect((await t.request('POST', '/instances', { token, body: { processId: 'calc2' } })).body.error).toBe('NOT_FOUND');
    expect((await t.request('POST', '/deployments', { token, body: { files: [{ name: 'notes.txt', source: 'x' }] } })).body.error).toBe('VALIDATION_ERROR');
    expect((await t.request('POST', '/deployments', { token, body: { files: [{ name: 'a.bpmn', source: CALC }, { name: 'a.bpmn', source: CALC }] } })).body.message).toMatch(/given twice/);
  });

  it('given a .flowdeck archive body, then its models deploy; a damaged archive is refused naming why, with nothing deployed', async () => {
    const archive = packArchive({ project: 'orders', files: [{ path: 'models/calc4.bpmn', content: CALC.replace('id="calc"', 'id="calc4"') }] });
    const r = await t.request('POST', '/deployments', { token, raw: Buffer.from(archive), headers: { 'content-type': 'application/zip' } });
    expect(r.status).toBe(201);
    expect(r.body.data).toEqual([expect.objectContaining({ name: 'models/calc4.bpmn', versions: { calc4: 1 } })]);
    const before = (await t.request('GET', '/deployments', { token })).body.data.length;
    const bad = await t.request('POST', '/deployments', { token, raw: Buffer.from('PK\u0003\u0004 not a zip'), headers: { 'content-type': 'application/zip' } });
    expect([bad.status, bad.body.error]).toEqual([400, 'VALIDATION_ERROR']);
    expect(bad.body.message).toMatch(/^archive refused/);
    expect((await t.request('GET', '/deployments', { token })).body.data).toHaveLength(before);
    const text = await t.request('POST', '/deployments', { token, raw: '<x/>', headers: { 'content-type': 'application/xml' } });
    expect(text.status).toBe(415);
  });

  it('given a deployed script task, then its script lists and reads; PUT deploys a new version that runs the new script', async () => {
    const list = await t.request('GET', '/processes/calc/scripts', { token });
    expect(list.body.data).toEqual([expect.objectContaining({ nodeId: 'sum', language: 'javascript', body: 'return variables.a + variables.b;', resultVariable: 'total' })]);
    expect((await t.request('GET', '/processes/calc/scripts/sum', { token })).body.data.nodeId).toBe('sum');
    expect((await t.request('GET', '/processes/calc/scripts/nope', { token })).body.error).toBe('NOT_FOUND');
    expect((await t.request('GET', '/processes/nope/scripts', { token })).body.error).toBe('NOT_FOUND');
    const put = await t.request('PUT', '/processes/calc/scripts/sum', { token, body: { body: 'return variables.a * variables.b;' } });
    expect(put.body.data).toMatchObject({ version: 2, script: { body: 'return variables.a * variables.b;' } });
    const run = await t.request('POST', '/instances', { token, body: { processId: 'calc', variables: { a: 3, b: 4 } } });
    expect(run.body.data).toMatchObject({ version: 2, state: 'completed', variables: { total: 12 } });
    const v1 = await t.request('POST', '/instances', { token, body: { processId: 'calc', version: 1, variables: { a: 3, b: 4 } } });
    expect(v1.body.data.variables.total).toBe(7);
  });

  it('given a body over the limit, then 413 PAYLOAD_TOO_LARGE', async () => {
    const r = await t.request('POST', '/instances', { token, body: { processId: 'calc', variables: { big: 'x'.repeat(70_000) } } });
    expect([r.status, r.body.error]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });
});

describe('operations over HTTP', () => {
  it('given no token, then /health/live and /health/ready answer; ready checks the database and the job executor', async () => {
    expect((await t.request('GET', '/health/live')).body).toEqual({ data: { status: 'ok' } });
    const ready = await t.request('GET', '/health/ready');
    expect(ready.body.data).toEqual({ status: 'ok', checks: { database: { ok: true }, jobExecutor: { ok: true } } });
  });

  it('given the metrics token or an access token, then /metrics gives Prometheus text with requests, instances, jobs and incidents; without, 401', async () => {
    expect((await t.request('GET', '/metrics')).status).toBe(401);
    const r = await t.request('GET', '/metrics', { token: METRICS_TOKEN });
    expect(r.status).toBe(200);
    for (const name of ['flowdeck_http_requests_total', 'flowdeck_http_request_duration_seconds_bucket', 'flowdeck_instances{state="completed"}', 'flowdeck_jobs{state="available"}', 'flowdeck_incidents_open', 'flowdeck_db_size_bytes']) {
      expect(r.body).toContain(name);
    }
    expect((await t.request('GET', '/metrics', { token })).status).toBe(200);
  });

  it('given any answer, then it carries a request id (echoed when given) and security headers; CORS only for configured origins', async () => {
    const r = await t.request('GET', '/health/live', { headers: { 'x-request-id': 'req-42', origin: 'https://studio.example' } });
    expect(r.headers.get('x-request-id')).toBe('req-42');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(r.headers.get('access-control-allow-origin')).toBe('https://studio.example');
    const other = await t.request('GET', '/health/live', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect((await t.request('GET', '/health/live')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('given a token, then /openapi.json describes every route with its schemas and the error enum', async () => {
    const r = await t.request('GET', '/openapi.json', { token });
    expect(r.body.openapi).toBe('3.1.0');
    for (const path of ['/instances', '/instances/{id}/suspend', '/processes/{processDefId}/scripts/{nodeId}', '/jobs/fetch-and-lock', '/auth/login', '/tasks/{id}/complete']) {
      expect(Object.keys(r.body.paths)).toContain(path);
    }
    expect(r.body.paths['/instances'].post.requestBody.content['application/json'].schema.required).toEqual(['processId']);
    expect(JSON.stringify(r.body)).toContain('INVALID_STATE');
    expect((await t.request('GET', '/openapi.json')).status).toBe(401);
  });
});

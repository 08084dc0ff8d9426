import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testServer, type TestServer } from './test-support/test-server';

// History retention on a running server, seen over HTTP: what ended before the cutoff goes with
// its history; running instances and recent ones stay; expired refresh tokens go.
const WAIT = readFileSync(new URL('../api/timers.bpmn', import.meta.url), 'utf8');
const DAY = 86_400_000;

let t: TestServer;
beforeAll(async () => {
  t = await testServer({ files: [{ name: 'wait.bpmn', source: WAIT }], env: { FLOWDECK_HISTORY_RETENTION_DAYS: '2', FLOWDECK_REFRESH_TOKEN_TTL_S: '3600' } });
}, 60_000);
afterAll(() => t.close(), 60_000);

it('given an ended and a running instance, when retention runs past the cutoff, then only the one that ended before the cutoff goes, with its history, and expired refresh tokens go', async () => {
  const admin = (await t.login()).accessToken;
  const start = async () => (await t.request('POST', '/instances', { token: admin, body: { processId: 'wait' } })).body.data.id as string;
  const finish = async (id: string, token = admin) => {
    const [key] = Object.keys((await t.request('GET', `/instances/${id}/state`, { token })).body.data.timers);
    expect((await t.request('POST', `/instances/${id}/timers/${key}/fire`, { token })).body.data.state).toBe('completed');
  };
  const ended = await start();
  await finish(ended);
  const running = await start();
  const stale = await t.login(); // its refresh token expires in an hour

  // One day later nothing is old enough.
  t.advance(DAY);
  expect(t.server.retention.runOnce()).toBe(0);
  expect((await t.request('GET', `/instances/${ended}`, { token: (await t.login()).accessToken })).status).toBe(200);

  // Three days after the end (refresh tokens are kept a day past their expiry, then go).
  t.advance(2 * DAY);
  const fresh = (await t.login()).accessToken;
  expect(t.server.retention.runOnce()).toBe(1);
  expect((await t.request('GET', `/instances/${ended}`, { token: fresh })).body.error).toBe('NOT_FOUND');
  expect((await t.request('GET', `/instances/${ended}/history`, { token: fresh })).body.data ?? []).toEqual([]);
  expect((await t.request('GET', `/instances/${running}`, { token: fresh })).body.data.state).toBe('active');
  const refresh = await t.request('POST', '/auth/refresh', { body: { refreshToken: stale.refreshToken } });
  expect([refresh.status, refresh.body.message]).toEqual([401, 'unknown refresh token']);

  // A second run finds nothing more to do (the running instance is never touched).
  expect(t.server.retention.runOnce()).toBe(0);
  expect((await t.request('GET', `/instances/${running}`, { token: fresh })).body.data.state).toBe('active');
});

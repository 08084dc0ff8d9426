import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, testServer, type TestServer } from '../test-support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
}, 60_000);
afterAll(() => t.close(), 60_000);

describe('auth over HTTP', () => {
  it('given the configured first administrator, when logging in, then a token pair comes back and /auth/me names the user', async () => {
    const r = await t.request('POST', '/auth/login', { body: ADMIN });
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
    const me = await t.request('GET', '/auth/me', { token: r.body.data.accessToken });
    expect(me.body.data).toMatchObject({ username: 'admin', roles: ['administrator'] });
  });

  it('given a wrong password or an unknown user, then 401 UNAUTHENTICATED with the same message', async () => {
    const wrong = await t.request('POST', '/auth/login', { body: { username: 'admin', password: 'nope' } });
    const unknown = await t.request('POST', '/auth/login', { body: { username: 'ghost', password: 'nope' } });
    expect([wrong.status, wrong.body.error]).toEqual([401, 'UNAUTHENTICATED']);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('given no token, a malformed header or a forged token, then 401 UNAUTHENTICATED saying why', async () => {
    const none = await t.request('GET', '/instances');
    expect([none.status, none.body.error]).toEqual([401, 'UNAUTHENTICATED']);
    expect(none.body.message).toMatch(/Authorization: Bearer/);
    expect((await t.request('GET', '/instances', { headers: { authorization: 'Basic abc' } })).body.message).toMatch(/must be "Bearer/);
    const forged = await t.request('GET', '/instances', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.AAAA' });
    expect([forged.status, forged.body.message]).toEqual([401, 'the access token is not valid']);
  });

  it('given an access token past its lifetime, then it is refused as expired; a fresh one works', async () => {
    const { accessToken } = await t.login();
    expect((await t.request('GET', '/instances', { token: accessToken })).status).toBe(200);
    t.advance(901_000);
    try {
      const r = await t.request('GET', '/instances', { token: accessToken });
      expect([r.status, r.body.error]).toEqual([401, 'UNAUTHENTICATED']);
      expect(r.body.message).toMatch(/expired/);
      expect((await t.request('GET', '/instances', { token: (await t.login()).accessToken })).status).toBe(200);
    } finally {
      t.advance(-901_000);
    }
  });

  it('given a refresh token, when used, then a new pair comes; when the used one is presented again, then the whole family is revoked', async () => {
    const first = await t.login();
    const second = await t.request('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(second.status).toBe(200);
    expect(second.body.data.refreshToken).not.toBe(first.refreshToken);
    expect((await t.request('GET', '/auth/me', { token: second.body.data.accessToken })).status).toBe(200);
    // An attacker replays the first (used) token: refused, and the family (the second token too) is revoked.
    const reuse = await t.request('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect([reuse.status, reuse.body.error]).toEqual([401, 'UNAUTHENTICATED']);
    expect(reuse.body.message).toMatch(/already used/);
    const legit = await t.request('POST', '/auth/refresh', { body: { refreshToken: second.body.data.refreshToken } });
    expect([legit.status, legit.body.message]).toEqual([401, 'the refresh token was revoked: log in again']);
    const admin = await t.login();
    const audit = await t.request('GET', '/audit?action=refresh.reuse', { token: admin.accessToken });
    expect(audit.body.data.items[0]).toMatchObject({ actor: 'admin', action: 'refresh.reuse', outcome: 'refused', ip: '127.0.0.1' });
  });

  it('given a logout, then its refresh token and the access tokens issued before no longer work', async () => {
    const pair = await t.login();
    expect((await t.request('POST', '/auth/logout', { token: pair.accessToken, body: { refreshToken: pair.refreshToken } })).status).toBe(200);
    expect((await t.request('GET', '/auth/me', { token: pair.accessToken })).body.message).toMatch(/revoked/);
    expect((await t.request('POST', '/auth/refresh', { body: { refreshToken: pair.refreshToken } })).status).toBe(401);
    expect((await t.request('POST', '/auth/refresh', { body: { refreshToken: 'made-up' } })).body.message).toBe('unknown refresh token');
  });

  it('given each role, then each route group answers 403 FORBIDDEN to those without its permission', async () => {
    const tokens = {
      deployer: await t.userWith('dora', ['deployer']),
      operator: await t.userWith('otto', ['operator']),
      worker: await t.userWith('walt', ['worker']),
      taskUser: await t.userWith('tina', ['taskUser'], ['clerks']),
    };
    const probes: Array<[string, string, unknown, Array<keyof typeof tokens>]> = [
      // method, path, body, the roles allowed (administrator always is)
      ['GET', '/instances', undefined, ['deployer', 'operator']],
      ['POST', '/instances', { processId: 'nope' }, ['operator']],
      ['POST', '/deployments', { files: [{ name: 'x.bpmn', source: '<x/>' }] }, ['deployer']],
      ['POST', '/jobs/fetch-and-lock', { topic: 't', workerId: 'w', lockDurationMs: 1000 }, ['worker']],
      ['GET', '/tasks', undefined, ['operator', 'taskUser']],
      ['POST', '/tasks/x/assign', { assignee: 'a' }, ['operator']],
      ['GET', '/users', undefined, []],
      ['GET', '/audit', undefined, []],
      ['POST', '/instances/x/cancel', undefined, ['operator']],
    ];
    for (const [method, path, body, allowed] of probes) {
      for (const [role, token] of Object.entries(tokens) as Array<[keyof typeof tokens, string]>) {
        const r = await t.request(method, path, { token, body });
        if (allowed.includes(role)) expect(r.status, `${role} ${method} ${path}`).not.toBe(403);
        else expect([r.status, r.body.error], `${role} ${method} ${path}`).toEqual([403, 'FORBIDDEN']);
      }
    }
  }, 60_000);

  it('given a role change by an administrator, then it applies to the next request and is audited as a permission change', async () => {
    const token = await t.userWith('rita', ['worker']);
    expect((await t.request('GET', '/instances', { token })).status).toBe(403);
    const admin = await t.login();
    expect((await t.request('PATCH', '/users/rita', { token: admin.accessToken, body: { roles: ['operator'] } })).status).toBe(200);
    expect((await t.request('GET', '/instances', { token })).status).toBe(200);
    const audit = await t.request('GET', '/audit?action=permission.change', { token: admin.accessToken });
    expect(audit.body.data.items[0]).toMatchObject({ actor: 'admin', target: 'rita', details: { from: { roles: ['worker'] }, to: { roles: ['operator'] } } });
    expect((await t.request('POST', '/users', { token: admin.accessToken, body: { username: 'rita', password: 'another-password', roles: ['worker'] } })).body.error).toBe('CONFLICT');
    expect((await t.request('PATCH', '/users/nobody', { token: admin.accessToken, body: { roles: ['worker'] } })).body.error).toBe('NOT_FOUND');
  });

  it('given logins, then each is in the audit log with who, when and from where', async () => {
    await t.request('POST', '/auth/login', { body: { username: 'admin', password: 'wrong-again' } });
    const admin = await t.login();
    const r = await t.request('GET', '/audit?action=login&pageSize=5', { token: admin.accessToken });
    expect(r.body.data.items[0]).toMatchObject({ actor: 'admin', action: 'login', outcome: 'ok', ip: '127.0.0.1', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(r.body.data.items.some((e: { outcome: string }) => e.outcome === 'refused')).toBe(true);
  });
});

describe('login rate limits', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await testServer({ env: { FLOWDECK_LOGIN_MAX_PER_CLIENT: '6', FLOWDECK_LOGIN_MAX_PER_ACCOUNT: '2' } });
  }, 60_000);
  afterAll(() => limited.close(), 60_000);

  it('given failed logins of one account, then further logins of it are refused with 429 even with the right password; then the client limit stops the rest', async () => {
    for (let i = 0; i < 2; i++) expect((await limited.request('POST', '/auth/login', { body: { username: 'admin', password: 'guess' } })).status).toBe(401);
    const blocked = await limited.request('POST', '/auth/login', { body: ADMIN });
    expect([blocked.status, blocked.body.error]).toEqual([429, 'RATE_LIMITED']);
    expect(blocked.body.message).toMatch(/too many failed logins for admin/);
    for (let i = 0; i < 3; i++) await limited.request('POST', '/auth/login', { body: { username: 'other', password: 'x' } });
    const client = await limited.request('POST', '/auth/login', { body: { username: 'other', password: 'x' } });
    expect([client.status, client.body.error]).toEqual([429, 'RATE_LIMITED']);
    expect(client.headers.get('retry-after')).not.toBeNull();
  });
});

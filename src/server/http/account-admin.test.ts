import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, testServer, type TestServer } from '../test-support/test-server';

// What an administrator does to other accounts: reset a forgotten password, disable and enable an account.
let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await testServer({ env: { FLOWDECK_LOGIN_MAX_PER_ACCOUNT: '3', FLOWDECK_LOGIN_WINDOW_S: '600' } });
  admin = (await t.login()).accessToken;
}, 60_000);
afterAll(() => t.close(), 60_000);

const login = (username: string, password: string) => t.request('POST', '/auth/login', { body: { username, password } });

describe('POST /users/{username}/password (administrators)', () => {
  it('given a user locked out by failed logins, when an administrator resets the password, then the old sessions end, the lock is lifted and the new password works', async () => {
    await t.userWith('rita', ['operator']);
    const session = await t.login('rita', 'rita-password-1');
    for (let i = 0; i < 3; i++) await login('rita', 'a wrong guess 1234');
    expect((await login('rita', 'rita-password-1')).status).toBe(429);

    const r = await t.request('POST', '/users/rita/password', { token: admin, body: { password: 'rita-fresh-password-2' } });

    expect([r.status, r.body.message]).toEqual([200, 'password of rita reset: every session of rita is logged out']);
    expect((await t.request('GET', '/auth/me', { token: session.accessToken })).status).toBe(401);
    expect((await t.request('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(401);
    expect((await login('rita', 'rita-password-1')).status).toBe(401);
    expect((await login('rita', 'rita-fresh-password-2')).status).toBe(200);
    const audit = await t.request('GET', '/audit?action=password.reset', { token: admin });
    expect(audit.body.data.items[0]).toMatchObject({ actor: ADMIN.username, target: 'rita', outcome: 'ok' });
  });

  it('given a non-administrator or an unknown user or a short password, then it is refused', async () => {
    const op = await t.userWith('otto', ['operator']);
    expect((await t.request('POST', '/users/rita/password', { token: op, body: { password: 'otto-takes-over-1' } })).status).toBe(403);
    expect((await t.request('POST', '/users/nobody/password', { token: admin, body: { password: 'a long password 1' } })).body.error).toBe('NOT_FOUND');
    expect((await t.request('POST', '/users/otto/password', { token: admin, body: { password: 'short' } })).body.error).toBe('VALIDATION_ERROR');
  });
});

describe('PATCH /users/{username} {disabled}', () => {
  it('given a disabled account, then its tokens, refresh tokens and logins are refused; enabled again, it logs in', async () => {
    await t.userWith('dora', ['operator']);
    const session = await t.login('dora', 'dora-password-1');

    const off = await t.request('PATCH', '/users/dora', { token: admin, body: { disabled: true } });

    expect([off.status, off.body.data.disabled]).toEqual([200, true]);
    expect((await t.request('GET', '/auth/me', { token: session.accessToken })).status).toBe(401);
    expect((await t.request('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(401);
    const refused = await login('dora', 'dora-password-1');
    expect([refused.status, refused.body.error, refused.body.message]).toEqual([403, 'FORBIDDEN', 'the account dora is disabled: an administrator can enable it']);
    const listed = await t.request('GET', '/users', { token: admin });
    expect(listed.body.data.find((u: { username: string }) => u.username === 'dora')).toMatchObject({ disabled: true });

    const on = await t.request('PATCH', '/users/dora', { token: admin, body: { disabled: false } });
    expect([on.status, on.body.data.disabled]).toEqual([200, false]);
    expect((await login('dora', 'dora-password-1')).status).toBe(200);
    const audit = await t.request('GET', '/audit?action=user.disable', { token: admin });
    expect(audit.body.data.items.map((e: { target: string; details: { disabled: boolean } }) => [e.target, e.details.disabled])).toEqual([['dora', false], ['dora', true]]);
  });

  it('given the last enabled administrator, then disabling it is refused, so the server is never left without one', async () => {
    const r = await t.request('PATCH', `/users/${ADMIN.username}`, { token: admin, body: { disabled: true } });
    expect([r.status, r.body.error, r.body.message]).toEqual([409, 'INVALID_STATE', `${ADMIN.username} is the last enabled administrator: enable or create another first`]);
    expect((await t.request('GET', '/auth/me', { token: admin })).status).toBe(200);
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, testServer, type TestServer } from '../test-support/test-server';

// Password change, per-account login limits that survive a restart, and firing a timer now, over real HTTP.
const WAIT = readFileSync(new URL('../../api/timers.bpmn', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'flowdeck-gaps-'));
const onFile = { FLOWDECK_DB: join(dir, 'gaps.sqlite'), FLOWDECK_LOGIN_MAX_PER_ACCOUNT: '3', FLOWDECK_LOGIN_WINDOW_S: '600' };

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await testServer({ env: onFile, files: [{ name: 'wait.bpmn', source: WAIT }] });
  admin = (await t.login()).accessToken;
}, 60_000);
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('POST /auth/password', () => {
  it('given the right current password, then the password changes, every other session is logged out, and a new pair comes back', async () => {
    await t.userWith('pia', ['operator']);
    const other = await t.login('pia', 'pia-password-1');
    const mine = await t.login('pia', 'pia-password-1');
    const r = await t.request('POST', '/auth/password', { token: mine.accessToken, body: { currentPassword: 'pia-password-1', newPassword: 'pia-new-password-2' } });
    expect([r.status, r.body.message]).toEqual([200, 'password changed: other sessions are logged out']);
    // The old access tokens and the old refresh tokens (both sessions) are refused.
    expect((await t.request('GET', '/auth/me', { token: other.accessToken })).status).toBe(401);
    expect((await t.request('GET', '/auth/me', { token: mine.accessToken })).status).toBe(401);
    expect((await t.request('POST', '/auth/refresh', { body: { refreshToken: other.refreshToken } })).status).toBe(401);
    // The answered pair works; the old password does not, the new one does.
    expect((await t.request('GET', '/auth/me', { token: r.body.data.accessToken })).body.data.username).toBe('pia');
    expect((await t.request('POST', '/auth/refresh', { body: { refreshToken: r.body.data.refreshToken } })).status).toBe(200);
    expect((await t.request('POST', '/auth/login', { body: { username: 'pia', password: 'pia-password-1' } })).status).toBe(401);
    expect((await t.request('POST', '/auth/login', { body: { username: 'pia', password: 'pia-new-password-2' } })).status).toBe(200);
    const audit = await t.request('GET', '/audit?action=password.change', { token: admin });
    expect(audit.body.data.items[0]).toMatchObject({ actor: 'pia', target: 'pia', outcome: 'ok' });
  });

  it('given a wrong current password, a short or unchanged new one, or no token, then it is refused and the password stays', async () => {
    const token = await t.userWith('rob', ['taskUser']);
    const wrong = await t.request('POST', '/auth/password', { token, body: { currentPassword: 'nope', newPassword: 'rob-new-password-2' } });
    expect([wrong.status, wrong.body.error, wrong.body.message]).toEqual([403, 'FORBIDDEN', 'the current password is wrong: the password was not changed']);
    const short = await t.request('POST', '/auth/password', { token, body: { currentPassword: 'rob-password-1', newPassword: 'short' } });
    expect([short.status, short.body.error, short.body.details.issues[0].path]).toEqual([400, 'VALIDATION_ERROR', 'body.newPassword']);
    const same = await t.request('POST', '/auth/password', { token, body: { currentPassword: 'rob-password-1', newPassword: 'rob-password-1' } });
    expect([same.status, same.body.message]).toEqual([400, 'body.newPassword: the new password is the current one']);
    expect((await t.request('POST', '/auth/password', { body: { currentPassword: 'a', newPassword: 'b-long-enough-1' } })).status).toBe(401);
    expect((await t.request('GET', '/auth/me', { token })).status).toBe(200);
    expect((await t.request('GET', '/audit?action=password.change', { token: admin })).body.data.items[0]).toMatchObject({ actor: 'rob', outcome: 'refused' });
  });
});

describe('per-account login limits in SQLite', () => {
  it('given the account limit of failed logins, when the server restarts on the same database, then the account is still refused (429) until the window passes', async () => {
    await t.userWith('sam', ['taskUser']);
    for (let i = 0; i < 3; i++) expect((await t.request('POST', '/auth/login', { body: { username: 'sam', password: 'guess' } })).status).toBe(401);
    const limited = await t.request('POST', '/auth/login', { body: { username: 'sam', password: 'sam-password-1' } });
    expect([limited.status, limited.body.error]).toEqual([429, 'RATE_LIMITED']);

    await t.close();
    t = await testServer({ env: onFile });
    const afterRestart = await t.request('POST', '/auth/login', { body: { username: 'sam', password: 'sam-password-1' } });
    expect([afterRestart.status, afterRestart.body.message]).toEqual([429, expect.stringMatching(/^too many failed logins for sam: try again in \d+ s$/)]);
    // Another account is not affected; when the window has passed, sam logs in and the count starts over.
    expect((await t.request('POST', '/auth/login', { body: ADMIN })).status).toBe(200);
    t.advance(601_000);
    expect((await t.request('POST', '/auth/login', { body: { username: 'sam', password: 'sam-password-1' } })).status).toBe(200);
    admin = (await t.login()).accessToken;
  });
});

describe('POST /instances/{id}/timers/{timerKey}/fire', () => {
  it('given an instance waiting an hour, when its timer is fired now, then it completes at once, audited; a second fire is 409, audited as refused; a task user is 403', async () => {
    const s = await t.request('POST', '/instances', { token: admin, body: { processId: 'wait' } });
    const id = s.body.data.id as string;
    const state = await t.request('GET', `/instances/${id}/state`, { token: admin });
    const [timerKey] = Object.keys(state.body.data.timers);
    const taskUser = await t.userWith('tom', ['taskUser']);
    expect((await t.request('POST', `/instances/${id}/timers/${timerKey}/fire`, { token: taskUser })).status).toBe(403);

    const fired = await t.request('POST', `/instances/${id}/timers/${timerKey}/fire`, { token: admin });
    expect([fired.status, fired.body.data.state]).toEqual([200, 'completed']);
    expect((await t.request('GET', `/instances/${id}`, { token: admin })).body.data.state).toBe('completed');
    const again = await t.request('POST', `/instances/${id}/timers/${timerKey}/fire`, { token: admin });
    expect([again.status, again.body.error]).toEqual([409, 'INVALID_STATE']);
    const audit = await t.request('GET', '/audit?action=timer.fire', { token: admin });
    expect(audit.body.data.items.map((e: { target: string; outcome: string; actor: string }) => [e.actor, e.target, e.outcome])).toEqual([
      ['admin', `${id}/${timerKey}`, 'refused'], ['admin', `${id}/${timerKey}`, 'ok'],
    ]);
  });
});

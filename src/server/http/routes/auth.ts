import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AccountError, type User } from '../../auth/accounts';
import { AccountThrottle } from '../../auth/account-throttle';
import { ROLES } from '../../auth/roles';
import type { ServerContext } from '../../context';
import { HttpError } from '../errors';
import { userOf } from '../guard';
import { anyData, answers, dataOf, queryInt, type App } from '../shapes';

const tokenPair = z.object({ accessToken: z.string(), refreshToken: z.string(), expiresIn: z.number().int() }).meta({ id: 'TokenPair' });
const credentials = z.strictObject({ username: z.string().min(1).max(100), password: z.string().min(1).max(1024) });
const userView = (u: User) => ({ username: u.username, roles: u.roles, groups: u.groups, createdAt: new Date(u.createdAt).toISOString(), disabled: u.disabledAt !== null });
const roles = z.array(z.enum(ROLES)).min(1);
const groups = z.array(z.string().min(1).max(100)).max(100);

/** Login, refresh (rotation with reuse detection), logout, who am I; accounts and the audit log (administrators). */
export function authRoutes(app: App, ctx: ServerContext): void {
  const throttle = new AccountThrottle(ctx.db, ctx.config.login.maxPerAccount, ctx.config.login.windowS * 1000, ctx.now);
  const log = app.log.child({ category: 'auth' });
  const pair = async (username: string, refreshToken: string) => ({ accessToken: await ctx.tokens.sign(username), refreshToken, expiresIn: ctx.tokens.expiresIn });

  app.post('/auth/login', {
    config: { public: true, rateLimit: { max: ctx.config.login.maxPerClient, timeWindow: ctx.config.login.windowS * 1000, keyGenerator: (req: FastifyRequest) => `login:${req.ip}` } },
    schema: { tags: ['auth'], security: [], body: credentials, response: answers(dataOf(tokenPair)) },
  }, async (req) => {
    const { username, password } = req.body;
    const wait = throttle.retryAfterMs(username);
    if (wait > 0) {
      ctx.audit.record({ actor: username, ip: req.ip, action: 'login', target: username, outcome: 'refused', details: { reason: 'too many failed logins' } });
      throw new HttpError('RATE_LIMITED', `too many failed logins for ${username}: try again in ${Math.ceil(wait / 1000)} s`, { retryAfterS: Math.ceil(wait / 1000) });
    }
    const user = await ctx.accounts.authenticate(username, password);
    if (!user) {
      throttle.fail(username);
      ctx.audit.record({ actor: username, ip: req.ip, action: 'login', target: username, outcome: 'refused', details: { reason: 'wrong username or password' } });
      log.warn({ username, ip: req.ip }, 'login refused');
      throw new HttpError('UNAUTHENTICATED', 'wrong username or password');
    }
    if (user.disabledAt !== null) {
      ctx.audit.record({ actor: username, ip: req.ip, action: 'login', target: username, outcome: 'refused', details: { reason: 'account disabled' } });
      throw new HttpError('FORBIDDEN', `the account ${username} is disabled: an administrator can enable it`);
    }
    throttle.succeed(username);
    ctx.audit.record({ actor: username, ip: req.ip, action: 'login', target: username, outcome: 'ok' });
    return { data: await pair(username, ctx.accounts.issueRefresh(username, ctx.config.refreshTokenTtlS)) };
  });

  app.post('/auth/refresh', {
    config: { public: true, rateLimit: { max: ctx.config.login.maxPerClient * 5, timeWindow: ctx.config.login.windowS * 1000, keyGenerator: (req: FastifyRequest) => `refresh:${req.ip}` } },
    schema: { tags: ['auth'], security: [], body: z.strictObject({ refreshToken: z.string().min(1).max(200) }), response: answers(dataOf(tokenPair)) },
  }, async (req) => {
    const r = ctx.accounts.rotate(req.body.refreshToken, ctx.config.refreshTokenTtlS);
    if ('refused' in r) {
      if (r.refused === 'reused') {
        ctx.audit.record({ actor: r.username ?? '?', ip: req.ip, action: 'refresh.reuse', target: r.family ?? '?', outcome: 'refused', details: { revoked: 'token family' } });
        log.warn({ username: r.username, ip: req.ip }, 'refresh token reused: its family is revoked');
      }
      const why = { unknown: 'unknown refresh token', expired: 'the refresh token has expired: log in again', revoked: 'the refresh token was revoked: log in again',
        reused: 'the refresh token was already used: every token of this login is now revoked; log in again' }[r.refused];
      throw new HttpError('UNAUTHENTICATED', why);
    }
    return { data: await pair(r.username, r.refreshToken) };
  });

  app.post('/auth/logout', {
    schema: { tags: ['auth'], summary: 'Revokes the refresh token family given (or every one of the user) and the access tokens issued so far', body: z.strictObject({ refreshToken: z.string().min(1).optional() }).nullish(), response: answers(anyData) },
  }, async (req) => {
    const user = userOf(req);
    ctx.accounts.logout(user.username, req.body?.refreshToken);
    ctx.audit.record({ actor: user.username, ip: req.ip, action: 'logout', target: user.username, outcome: 'ok' });
    return { data: { loggedOut: user.username } };
  });

  app.post('/auth/password', {
    schema: {
      tags: ['auth'], summary: 'Changes your password: the current one checked; every refresh token and access token of yours revoked; a new pair answered',
      body: z.strictObject({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(12).max(1024) }), response: answers(dataOf(tokenPair)),
    },
  }, async (req) => {
    const { username } = userOf(req);
    const audit = { actor: username, ip: req.ip, action: 'password.change', target: username };
    const wait = throttle.retryAfterMs(username);
    if (wait > 0) throw new HttpError('RATE_LIMITED', `too many failed password checks for ${username}: try again in ${Math.ceil(wait / 1000)} s`, { retryAfterS: Math.ceil(wait / 1000) });
    if (!(await ctx.accounts.authenticate(username, req.body.currentPassword))) {
      // A stolen access token must not turn into a password guesser: the failure counts like a failed login.
      throttle.fail(username);
      ctx.audit.record({ ...audit, outcome: 'refused', details: { reason: 'wrong current password' } });
      throw new HttpError('FORBIDDEN', 'the current password is wrong: the password was not changed');
    }
    if (req.body.newPassword === req.body.currentPassword) throw new HttpError('VALIDATION_ERROR', 'body.newPassword: the new password is the current one', { issues: [{ path: 'body.newPassword', message: 'same as the current password' }] });
    await ctx.accounts.changePassword(username, req.body.newPassword);
    throttle.succeed(username);
    ctx.audit.record({ ...audit, outcome: 'ok', details: { revoked: 'every refresh token and access token issued before' } });
    log.info({ username, ip: req.ip }, 'password changed');
    return { data: await pair(username, ctx.accounts.issueRefresh(username, ctx.config.refreshTokenTtlS)), message: 'password changed: other sessions are logged out' };
  });

  app.get('/auth/me', { schema: { tags: ['auth'], response: answers(anyData) } }, async (req) => ({ data: userView(userOf(req)) }));

  const admin = { permission: 'admin' as const };
  app.get('/users', { config: admin, schema: { tags: ['users'], response: answers(anyData) } }, async () => ({ data: ctx.accounts.list().map(userView) }));
  app.post('/users', {
    config: admin,
    schema: { tags: ['users'], body: z.strictObject({ username: z.string().min(1).max(100), password: z.string().min(12).max(1024), roles, groups: groups.optional() }), response: answers(anyData, 201) },
  }, async (req, reply) => {
    const user = await accountCall(() => ctx.accounts.create(req.body));
    ctx.audit.record({ actor: userOf(req).username, ip: req.ip, action: 'user.create', target: user.username, outcome: 'ok', details: { roles: user.roles, groups: user.groups } });
    reply.code(201);
    return { data: userView(user) };
  });
  app.patch('/users/:username', {
    config: admin,
    schema: {
      tags: ['users'], summary: 'Changes roles and groups (a permission change, audited); disables or enables the account (a disabled one is logged out and refused)',
      params: z.object({ username: z.string().min(1) }), body: z.strictObject({ roles: roles.optional(), groups: groups.optional(), disabled: z.boolean().optional() }), response: answers(anyData),
    },
  }, async (req) => {
    const { disabled, ...change } = req.body;
    const actor = userOf(req).username;
    const before = ctx.accounts.get(req.params.username);
    let user = before;
    if (change.roles !== undefined || change.groups !== undefined) {
      user = await accountCall(async () => ctx.accounts.update(req.params.username, change));
      ctx.audit.record({ actor, ip: req.ip, action: 'permission.change', target: user.username, outcome: 'ok', details: { from: { roles: before?.roles, groups: before?.groups }, to: { roles: user.roles, groups: user.groups } } });
    }
    if (disabled !== undefined) {
      const audit = { actor, ip: req.ip, action: 'user.disable', target: req.params.username };
      try {
        user = await accountCall(async () => ctx.accounts.setDisabled(req.params.username, disabled));
      } catch (error) {
        ctx.audit.record({ ...audit, outcome: 'refused', details: { disabled, reason: (error as Error).message } });
        throw error;
      }
      ctx.audit.record({ ...audit, outcome: 'ok', details: { disabled } });
    }
    if (!user) throw new HttpError('NOT_FOUND', `no user ${req.params.username}`);
    return { data: userView(user) };
  });
  app.post('/users/:username/password', {
    config: admin,
    schema: {
      tags: ['users'], summary: "Resets a user's password (a forgotten one): every session of theirs logged out, failed-login lock lifted; audited",
      params: z.object({ username: z.string().min(1) }), body: z.strictObject({ password: z.string().min(12).max(1024) }), response: answers(anyData),
    },
  }, async (req) => {
    const { username } = req.params;
    await accountCall(() => ctx.accounts.changePassword(username, req.body.password));
    throttle.succeed(username);
    ctx.audit.record({ actor: userOf(req).username, ip: req.ip, action: 'password.reset', target: username, outcome: 'ok', details: { revoked: 'every refresh token and access token issued before' } });
    return { data: { username }, message: `password of ${username} reset: every session of ${username} is logged out` };
  });

  app.get('/audit', {
    config: admin,
    schema: { tags: ['users'], querystring: z.strictObject({ actor: z.string().optional(), action: z.string().optional(), page: queryInt(1).default(1), pageSize: queryInt(1, 1000).default(50) }), response: answers(anyData) },
  }, async (req) => {
    const { page, pageSize, ...filter } = req.query;
    const r = ctx.audit.list({ ...filter, limit: pageSize, offset: (page - 1) * pageSize });
    return { data: { items: r.items.map((e) => ({ ...e, at: new Date(e.at).toISOString() })), total: r.total, page, pageSize } };
  });
}

const ACCOUNT_CODES = { exists: 'CONFLICT', notFound: 'NOT_FOUND', invalid: 'VALIDATION_ERROR', lastAdministrator: 'INVALID_STATE' } as const;

async function accountCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AccountError) throw new HttpError(ACCOUNT_CODES[error.reason], error.message);
    throw error;
  }
}

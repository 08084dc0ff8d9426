import type { FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { can, type Permission } from '../auth/roles';
import type { ServerContext } from '../context';
import { HttpError } from './errors';

/**
 * The `onRequest` hook: every route but the public ones needs `Authorization: Bearer <access
 * token>` of an existing account (401 UNAUTHENTICATED otherwise) whose roles grant the route's
 * permission (403 FORBIDDEN). Roles are read from the account, so a change applies at once.
 */
export function guard(ctx: ServerContext) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const config = request.routeOptions.config;
    if (config.public) return;
    const header = request.headers.authorization;
    const token = typeof header === 'string' && /^Bearer [^\s]+$/i.test(header) ? header.slice(7) : undefined;
    if (config.metrics && token !== undefined && ctx.config.metricsToken !== undefined && sameSecret(token, ctx.config.metricsToken)) return;
    if (token === undefined) throw new HttpError('UNAUTHENTICATED', header === undefined ? 'this endpoint needs "Authorization: Bearer <accessToken>" (POST /auth/login gives one)' : 'the Authorization header must be "Bearer <accessToken>"');
    const verified = await ctx.tokens.verify(token);
    if ('refused' in verified) throw new HttpError('UNAUTHENTICATED', verified.refused);
    const user = ctx.accounts.get(verified.username);
    if (!user) throw new HttpError('UNAUTHENTICATED', `the account ${verified.username} no longer exists`);
    if (user.disabledAt !== null) throw new HttpError('UNAUTHENTICATED', `the account ${user.username} is disabled`);
    if (verified.issuedAtMs < user.tokensAfter) throw new HttpError('UNAUTHENTICATED', 'the access token was revoked (logged out): log in again');
    request.user = user;
    const needed = config.permission === undefined ? [] : Array.isArray(config.permission) ? config.permission : [config.permission];
    if (needed.length > 0 && !needed.some((p) => can(user.roles, p))) {
      throw new HttpError('FORBIDDEN', `${user.username} (${user.roles.join(', ')}) may not ${request.method} ${request.routeOptions.url}: it needs the ${needed.join(' or ')} permission`, { needs: needed });
    }
  };
}

/** The request's user (routes behind the guard have one). */
export function userOf(request: FastifyRequest) {
  if (!request.user) throw new HttpError('UNAUTHENTICATED', 'no authenticated user');
  return request.user;
}

export function allowed(request: FastifyRequest, permission: Permission): boolean {
  return request.user !== undefined && can(request.user.roles, permission);
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { UserTask } from '../../../engine';
import { isFailure, type ApiResult } from '../../../api/errors';
import { API_METHODS, type ApiMethod } from '../../../api/service';
import { can, type Permission } from '../../auth/roles';
import type { ServerContext } from '../../context';
import { fromApiFailure, HttpError } from '../errors';
import { userOf } from '../guard';
import { anyData, answers, type App } from '../shapes';
import { visibleTo } from './tasks';

/**
 * What each engine API call needs. Task calls need `tasks` and are narrowed to the user's own
 * tasks unless they also have `tasks.all` (as the `/tasks` routes do).
 */
export const CALL_PERMISSIONS: Record<ApiMethod, Permission[]> = {
  'deployments.deploy': ['deploy'], 'deployments.list': ['read'], 'deployments.get': ['read'], 'deployments.versions': ['read'],
  'processes.scripts.list': ['read'], 'processes.scripts.get': ['read'], 'processes.scripts.put': ['deploy'],
  'instances.list': ['read'], 'instances.get': ['read'], 'history.get': ['read'], 'incidents.list': ['read'], 'stats.instances': ['read'], 'stats.elements': ['read'], 'stats.timeline': ['read'],
  'instances.start': ['operate'], 'instances.suspend': ['operate'], 'instances.resume': ['operate'], 'instances.cancel': ['operate'],
  'instances.setVariables': ['operate'], 'instances.fork': ['operate'], 'incidents.retry': ['operate'], 'incidents.resolve': ['operate'],
  'messages.publish': ['operate'], 'messages.correlate': ['operate'], 'signals.broadcast': ['operate'], 'decisions.evaluate': ['operate'], 'timers.fire': ['operate'],
  'jobs.list': ['work', 'read'], 'jobs.fetchAndLock': ['work'], 'jobs.complete': ['work'], 'jobs.fail': ['work'], 'jobs.throwError': ['work'], 'jobs.extendLock': ['work'],
  'tasks.list': ['tasks'], 'tasks.get': ['tasks'], 'tasks.claim': ['tasks'], 'tasks.unclaim': ['tasks'], 'tasks.complete': ['tasks'], 'tasks.assign': ['tasks.all'],
  'engineData.import': ['admin'],
};

/** Calls the audit log records (the same action names as the REST routes), and the target they name. */
const AUDITED: Partial<Record<ApiMethod, { action: string; target: (r: Record<string, unknown>) => string }>> = {
  'deployments.deploy': { action: 'deploy', target: (r) => String(r.name) },
  'engineData.import': { action: 'engineData.import', target: () => 'engine' },
  'processes.scripts.put': { action: 'script.change', target: (r) => `${String(r.processId)}/${String(r.nodeId)}` },
  'instances.suspend': { action: 'instance.suspend', target: (r) => String(r.instanceId) },
  'instances.resume': { action: 'instance.resume', target: (r) => String(r.instanceId) },
  'instances.cancel': { action: 'instance.cancel', target: (r) => String(r.instanceId) },
  'instances.setVariables': { action: 'instance.modify', target: (r) => String(r.instanceId) },
  'instances.fork': { action: 'instance.fork', target: (r) => String(r.instanceId) },
  'incidents.retry': { action: 'incident.retry', target: (r) => `${String(r.instanceId)}/${String(r.incidentId)}` },
  'incidents.resolve': { action: 'incident.resolve', target: (r) => `${String(r.instanceId)}/${String(r.incidentId)}` },
  'timers.fire': { action: 'timer.fire', target: (r) => `${String(r.instanceId)}/${String(r.timerKey)}` },
};

const TASK_ACTS = new Set<string>(['tasks.get', 'tasks.claim', 'tasks.unclaim', 'tasks.complete']);

/**
 * `POST /api/{method}`: the engine API (docs/api.md) over HTTP as it is, for the studio's HTTP
 * engine client (ADR 0150): the body is the call's request, a success is the call's own
 * `{data, message?}` (engine shapes, times in ms), a failure the HTTP error of its code. Same
 * permissions, task visibility and audit log as the REST routes, which stay the public API.
 */
export function engineCallRoutes(app: App, ctx: ServerContext): void {
  app.post('/api/:method', {
    schema: {
      tags: ['engine'], summary: 'One engine API call (docs/api.md); the body is its request',
      params: z.object({ method: z.enum(API_METHODS as [ApiMethod, ...ApiMethod[]]) }),
      body: z.record(z.string(), z.unknown()).nullish(),
      response: answers(anyData),
    },
  }, async (req) => {
    const method = req.params.method;
    const user = userOf(req);
    const needs = CALL_PERMISSIONS[method];
    if (!needs.some((p) => can(user.roles, p))) {
      throw new HttpError('FORBIDDEN', `${user.username} (${user.roles.join(', ')}) may not call ${method}: it needs the ${needs.join(' or ')} permission`, { needs });
    }
    const request: Record<string, unknown> = { ...(req.body ?? {}) };
    const seeAll = can(user.roles, 'tasks.all');
    if (method.startsWith('tasks.') && !seeAll) await narrowTaskCall(ctx, req, method, request);
    const audited = AUDITED[method];
    const r: ApiResult<unknown> = method === 'tasks.list' && !seeAll ? await visibleTasks(ctx, req, request) : await ctx.api.call(method, request);
    if (audited) {
      const failed = isFailure(r);
      ctx.audit.record({ actor: user.username, ip: req.ip, action: audited.action, target: audited.target(request), outcome: failed ? 'refused' : 'ok', ...(failed ? { details: { error: r.message } } : {}) });
    }
    if (isFailure(r)) throw fromApiFailure(r);
    return r;
  });
}

/** A task user acts only on tasks visible to them, and claims only for themselves. */
async function narrowTaskCall(ctx: ServerContext, req: FastifyRequest, method: string, request: Record<string, unknown>): Promise<void> {
  const user = userOf(req);
  if (!TASK_ACTS.has(method)) return;
  const got = await ctx.api.call('tasks.get', { taskId: String(request.taskId ?? '') });
  if (isFailure(got)) throw fromApiFailure(got);
  const task = got.data as UserTask;
  if (!visibleTo(user, task)) throw new HttpError('FORBIDDEN', `user task ${task.id} is not assigned to ${user.username} or their groups`, { taskId: task.id });
  if (method === 'tasks.claim') {
    request.userId ??= user.username;
    if (request.userId !== user.username) throw new HttpError('FORBIDDEN', `${user.username} may claim tasks only for themselves`, { userId: request.userId });
  }
  if ((method === 'tasks.complete' || method === 'tasks.unclaim') && task.assignee !== null && task.assignee !== user.username) {
    throw new HttpError('FORBIDDEN', `user task ${task.id} is claimed by ${task.assignee}`, { taskId: task.id });
  }
}

/** `tasks.list` for a task user: every page filtered by visibility (an OR the engine's filters cannot say), then paged. */
async function visibleTasks(ctx: ServerContext, req: FastifyRequest, request: Record<string, unknown>): Promise<ApiResult<unknown>> {
  const user = userOf(req);
  const page = typeof request.page === 'number' ? request.page : 1;
  const pageSize = typeof request.pageSize === 'number' ? request.pageSize : 50;
  const visible: UserTask[] = [];
  for (let p = 1; ; p++) {
    const r = await ctx.api.call('tasks.list', { ...request, page: p, pageSize: 1000 } as never);
    if (isFailure(r)) return r;
    const data = r.data as { items: UserTask[]; total: number };
    visible.push(...data.items.filter((t) => visibleTo(user, t)));
    if (p * 1000 >= data.total) break;
  }
  return { data: { items: visible.slice((page - 1) * pageSize, page * pageSize), total: visible.length, page, pageSize } };
}

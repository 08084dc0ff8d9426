import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { UserTask } from '../../../engine';
import { tasksAssign, tasksComplete } from '../../../api/schemas';
import type { User } from '../../auth/accounts';
import type { ServerContext } from '../../context';
import { HttpError } from '../errors';
import { allowed, userOf } from '../guard';
import { anyData, answers, call, idParam, queryInt, type App } from '../shapes';

const listQuery = z.strictObject({
  assignee: z.string().optional(),
  candidateGroup: z.string().optional(),
  processId: z.string().min(1).optional(),
  instanceId: z.string().min(1).optional(),
  sortBy: z.enum(['priority', 'createdAt', 'dueDate']).default('priority'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: queryInt(1).default(1),
  pageSize: queryInt(1, 1000).default(20),
});

/** A task user's tasks: assigned to them, naming them as a candidate, or offered to one of their groups. */
export function visibleTo(user: User, task: UserTask): boolean {
  return task.assignee === user.username || task.candidateUsers.includes(user.username) || task.candidateGroups.some((g) => user.groups.includes(g));
}

/**
 * User tasks. With `tasks.all` (operators, administrators) every task; with `tasks` only (task
 * users) the ones visible to the user: lists leave the others out, and acting on one is 403.
 */
export function taskRoutes(app: App, ctx: ServerContext): void {
  const seeAll = (req: FastifyRequest) => allowed(req, 'tasks.all');
  const mine = async (req: FastifyRequest, taskId: string): Promise<UserTask> => {
    const { data: task } = await call(ctx, 'tasks.get', { taskId });
    if (!seeAll(req) && !visibleTo(userOf(req), task)) throw new HttpError('FORBIDDEN', `user task ${taskId} is not assigned to ${userOf(req).username} or their groups`, { taskId });
    return task;
  };
  const config = { permission: 'tasks' as const };

  app.get('/tasks', { config, schema: { tags: ['tasks'], querystring: listQuery, response: answers(anyData) } }, async (req) => {
    const q = req.query;
    const filter = { assignee: q.assignee, candidateGroup: q.candidateGroup, processId: q.processId, instanceId: q.instanceId, sortBy: q.sortBy, order: q.order };
    if (seeAll(req)) return call(ctx, 'tasks.list', { ...filter, page: q.page, pageSize: q.pageSize });
    // Visibility is an OR over assignee, candidate users and groups: filter every page of the list, then page.
    const user = userOf(req);
    const visible: unknown[] = [];
    for (let page = 1; ; page++) {
      const { data } = await call(ctx, 'tasks.list', { ...filter, page, pageSize: 1000 });
      visible.push(...data.items.filter((t) => visibleTo(user, t)));
      if (page * 1000 >= data.total) break;
    }
    return { data: { items: visible.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: visible.length, page: q.page, pageSize: q.pageSize } };
  });

  app.get('/tasks/:id', { config, schema: { tags: ['tasks'], params: idParam, response: answers(anyData) } }, async (req) => ({ data: await mine(req, req.params.id) }));

  app.post('/tasks/:id/claim', {
    config, schema: { tags: ['tasks'], params: idParam, body: z.strictObject({ userId: z.string().min(1).optional() }).nullish(), response: answers(anyData) },
  }, async (req) => {
    await mine(req, req.params.id);
    const userId = req.body?.userId ?? userOf(req).username;
    if (userId !== userOf(req).username && !seeAll(req)) throw new HttpError('FORBIDDEN', `${userOf(req).username} may claim tasks only for themselves`, { userId });
    return call(ctx, 'tasks.claim', { taskId: req.params.id, userId });
  });

  app.post('/tasks/:id/unclaim', { config, schema: { tags: ['tasks'], params: idParam, response: answers(anyData) } }, async (req) => {
    const task = await mine(req, req.params.id);
    if (!seeAll(req) && task.assignee !== null && task.assignee !== userOf(req).username) throw new HttpError('FORBIDDEN', `user task ${req.params.id} is claimed by ${task.assignee}`);
    return call(ctx, 'tasks.unclaim', { taskId: req.params.id });
  });

  app.post('/tasks/:id/assign', { config: { permission: 'tasks.all' }, schema: { tags: ['tasks'], params: idParam, body: tasksAssign.omit({ taskId: true }), response: answers(anyData) } },
    async (req) => call(ctx, 'tasks.assign', { taskId: req.params.id, assignee: req.body.assignee }));

  app.post('/tasks/:id/complete', { config, schema: { tags: ['tasks'], params: idParam, body: tasksComplete.omit({ taskId: true }).nullish(), response: answers(anyData) } }, async (req) => {
    const task = await mine(req, req.params.id);
    if (!seeAll(req) && task.assignee !== null && task.assignee !== userOf(req).username) throw new HttpError('FORBIDDEN', `user task ${req.params.id} is claimed by ${task.assignee}`);
    return call(ctx, 'tasks.complete', { taskId: req.params.id, variables: req.body?.variables });
  });
}

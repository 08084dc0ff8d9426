import { z } from 'zod';
import { incidentsRetry, instanceStates, instancesSetVariables, instancesStart } from '../../../api/schemas';
import type { ServerContext } from '../../context';
import { userOf } from '../guard';
import { anyData, answers, call, dataOf, idParam, instanceView, pageOf, queryBool, queryInt, viewOf, type App } from '../shapes';

const SORT_FIELDS = { startedAt: 'startedAt', endedAt: 'endedAt', processId: 'processId', businessKey: 'businessKey', id: 'instanceId' } as const;

/** A time in a query: ISO 8601 or milliseconds since 1970. */
const queryTime = z.string().transform((v, c) => {
  const ms = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
  if (Number.isNaN(ms)) c.addIssue({ code: 'custom', message: `must be an ISO 8601 date-time or milliseconds, got ${JSON.stringify(v)}` });
  return ms;
});

const listQuery = z.strictObject({
  page: queryInt(1).default(1),
  pageSize: queryInt(1, 1000).default(20),
  processId: z.string().min(1).optional(),
  version: queryInt(1).optional(),
  state: z.enum(instanceStates).optional(),
  businessKey: z.string().optional(),
  startedAfter: queryTime.optional(),
  startedBefore: queryTime.optional(),
  hasIncident: queryBool.optional(),
  sort: z.string().regex(/^(startedAt|endedAt|processId|businessKey|id)(:(asc|desc))?$/, 'must be field[:asc|desc], field one of startedAt, endedAt, processId, businessKey, id').default('startedAt:desc'),
});

/** Instances: list, start, get, suspend, resume, cancel, variables, history, incident retries, stats. */
export function instanceRoutes(app: App, ctx: ServerContext): void {
  const instance = async (id: string) => viewOf((await call(ctx, 'instances.get', { instanceId: id })).data);

  app.get('/instances', { config: { permission: 'read' }, schema: { tags: ['instances'], querystring: listQuery, response: answers(dataOf(pageOf(instanceView))) } }, async (req) => {
    const q = req.query;
    const [field, dir] = q.sort.split(':') as [keyof typeof SORT_FIELDS, 'asc' | 'desc' | undefined];
    const { data } = await call(ctx, 'instances.list', {
      page: q.page, pageSize: q.pageSize, processId: q.processId, version: q.version, state: q.state, businessKey: q.businessKey, hasIncident: q.hasIncident,
      startedFrom: q.startedAfter === undefined ? undefined : q.startedAfter + 1, startedTo: q.startedBefore === undefined ? undefined : Math.max(0, q.startedBefore - 1),
      sortBy: SORT_FIELDS[field], order: dir ?? 'asc',
    });
    const items = [];
    for (const s of data.items) {
      const full = await ctx.host.getInstance(s.instanceId);
      if (full) items.push(viewOf(full));
    }
    return { data: { ...data, items } };
  });

  app.post('/instances', { config: { permission: 'operate' }, schema: { tags: ['instances'], body: instancesStart, response: answers(dataOf(instanceView), 201) } }, async (req, reply) => {
    const { data, message } = await call(ctx, 'instances.start', req.body);
    reply.code(201);
    // Read straight from the host (the hot path of bench:server): a second API call would validate and JSON-copy the whole state again.
    const started = await ctx.host.getInstance(data.instanceId);
    return { data: started ? viewOf(started) : await instance(data.instanceId), message };
  });

  app.get('/instances/:id', { config: { permission: 'read' }, schema: { tags: ['instances'], params: idParam, response: answers(dataOf(instanceView)) } }, async (req) => ({ data: await instance(req.params.id) }));

  app.get('/instances/:id/state', {
    config: { permission: 'read' },
    schema: { tags: ['instances'], summary: 'The whole engine state (tokens, jobs, tasks, timers, incidents)', params: idParam, response: answers(anyData) },
  }, async (req) => call(ctx, 'instances.get', { instanceId: req.params.id }));

  for (const action of ['suspend', 'resume', 'cancel'] as const) {
    app.post(`/instances/:id/${action}`, { config: { permission: 'operate' }, schema: { tags: ['instances'], params: idParam, response: answers(dataOf(instanceView)) } }, async (req) => {
      const audit = { actor: userOf(req).username, ip: req.ip, action: `instance.${action}`, target: req.params.id };
      try {
        const { message } = await call(ctx, `instances.${action}`, { instanceId: req.params.id });
        ctx.audit.record({ ...audit, outcome: 'ok' });
        return { data: await instance(req.params.id), message };
      } catch (error) {
        ctx.audit.record({ ...audit, outcome: 'refused', details: { error: (error as Error).message } });
        throw error;
      }
    });
  }

  app.get('/instances/:id/variables', { config: { permission: 'read' }, schema: { tags: ['instances'], params: idParam, response: answers(dataOf(z.record(z.string(), z.unknown()))) } },
    async (req) => ({ data: (await instance(req.params.id)).variables }));

  app.patch('/instances/:id/variables', {
    config: { permission: 'operate' },
    schema: { tags: ['instances'], summary: 'Sets (merges) variables', params: idParam, body: instancesSetVariables.omit({ instanceId: true }), response: answers(anyData) },
  }, async (req) => {
    const r = await call(ctx, 'instances.setVariables', { ...req.body, instanceId: req.params.id });
    ctx.audit.record({ actor: userOf(req).username, ip: req.ip, action: 'instance.modify', target: req.params.id, outcome: 'ok', details: { variables: Object.keys(req.body.variables) } });
    return r;
  });

  app.get('/instances/:id/history', {
    config: { permission: 'read' }, schema: { tags: ['instances'], params: idParam, querystring: z.strictObject({ afterSeq: queryInt(0).optional() }), response: answers(anyData) },
  }, async (req) => call(ctx, 'history.get', { instanceId: req.params.id, afterSeq: req.query.afterSeq }));

  app.post('/instances/:id/incidents/:incidentId/retry', {
    config: { permission: 'operate' },
    schema: { tags: ['incidents'], params: z.object({ id: z.string().min(1), incidentId: z.string().min(1) }), body: incidentsRetry.pick({ retries: true }).nullish(), response: answers(anyData) },
  }, async (req) => {
    const r = await call(ctx, 'incidents.retry', { instanceId: req.params.id, incidentId: req.params.incidentId, retries: req.body?.retries });
    ctx.audit.record({ actor: userOf(req).username, ip: req.ip, action: 'incident.retry', target: `${req.params.id}/${req.params.incidentId}`, outcome: 'ok' });
    return r;
  });

  app.post('/instances/:id/timers/:timerKey/fire', {
    config: { permission: 'operate' },
    schema: { tags: ['instances'], summary: 'Fires a timer the instance waits for now', params: z.object({ id: z.string().min(1), timerKey: z.string().min(1) }), response: answers(anyData) },
  }, async (req) => {
    const audit = { actor: userOf(req).username, ip: req.ip, action: 'timer.fire', target: `${req.params.id}/${req.params.timerKey}` };
    try {
      const r = await call(ctx, 'timers.fire', { instanceId: req.params.id, timerKey: req.params.timerKey });
      ctx.audit.record({ ...audit, outcome: 'ok' });
      return r;
    } catch (error) {
      ctx.audit.record({ ...audit, outcome: 'refused', details: { error: (error as Error).message } });
      throw error;
    }
  });

  app.get('/stats', { config: { permission: 'read' }, schema: { tags: ['stats'], querystring: z.strictObject({ processId: z.string().min(1).optional() }), response: answers(anyData) } },
    async (req) => call(ctx, 'stats.instances', { processId: req.query.processId }));
  app.get('/stats/processes/:id/elements', {
    config: { permission: 'read' }, schema: { tags: ['stats'], params: idParam, querystring: z.strictObject({ version: queryInt(1).optional() }), response: answers(anyData) },
  }, async (req) => call(ctx, 'stats.elements', { processId: req.params.id, version: req.query.version }));
}


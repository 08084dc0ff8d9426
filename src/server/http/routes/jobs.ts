import { z } from 'zod';
import { jobsComplete, jobsExtendLock, jobsFail, jobsFetchAndLock, jobsList, jobsThrowError } from '../../../api/schemas';
import type { ServerContext } from '../../context';
import { anyData, answers, call, type App } from '../shapes';

const keyParam = z.object({ key: z.string().min(1) });

/**
 * External jobs for remote workers (the external task pattern): fetch and lock with long
 * polling (`asyncResponseTimeout` ms, at most `FLOWDECK_LONG_POLL_MAX_MS`), complete, fail,
 * throw a BPMN error, extend a lock.
 */
export function jobRoutes(app: App, ctx: ServerContext): void {
  const config = { permission: 'work' as const };
  app.get('/jobs', { config: { permission: ['work', 'read'] }, schema: { tags: ['jobs'], querystring: jobsList, response: answers(anyData) } }, async (req) => call(ctx, 'jobs.list', req.query));

  app.post('/jobs/fetch-and-lock', {
    config,
    schema: {
      tags: ['jobs'],
      summary: 'Locks available jobs of a topic; waits up to asyncResponseTimeout ms for one when none is available',
      body: jobsFetchAndLock.extend({ asyncResponseTimeout: z.number().int().min(0).optional() }),
      response: answers(anyData),
    },
  }, async (req, reply) => {
    const { asyncResponseTimeout, ...request } = req.body;
    const deadline = Date.now() + Math.min(asyncResponseTimeout ?? 0, ctx.config.longPollMaxMs);
    const gone = new AbortController();
    // The response's socket closing before we answered: the worker went away.
    reply.raw.once('close', () => gone.abort());
    for (;;) {
      const r = await call(ctx, 'jobs.fetchAndLock', request);
      const left = deadline - Date.now();
      if (r.data.length > 0 || left <= 0 || gone.signal.aborted || ctx.jobWaiters.isClosed) return r;
      await ctx.jobWaiters.wait(left, gone.signal);
    }
  });

  app.post('/jobs/:key/complete', { config, schema: { tags: ['jobs'], params: keyParam, body: jobsComplete.omit({ jobKey: true }), response: answers(anyData) } },
    async (req) => call(ctx, 'jobs.complete', { ...req.body, jobKey: req.params.key }));
  app.post('/jobs/:key/failure', { config, schema: { tags: ['jobs'], params: keyParam, body: jobsFail.omit({ jobKey: true }), response: answers(anyData) } },
    async (req) => call(ctx, 'jobs.fail', { ...req.body, jobKey: req.params.key }));
  app.post('/jobs/:key/bpmn-error', { config, schema: { tags: ['jobs'], params: keyParam, body: jobsThrowError.omit({ jobKey: true }), response: answers(anyData) } },
    async (req) => call(ctx, 'jobs.throwError', { ...req.body, jobKey: req.params.key }));
  app.post('/jobs/:key/extend-lock', { config, schema: { tags: ['jobs'], params: keyParam, body: jobsExtendLock.omit({ jobKey: true }), response: answers(anyData) } },
    async (req) => call(ctx, 'jobs.extendLock', { ...req.body, jobKey: req.params.key }));
}

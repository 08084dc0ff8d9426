import { z } from 'zod';
import { decisionsEvaluate, incidentsList, messagesCorrelate, messagesPublish, signalsBroadcast } from '../../../api/schemas';
import type { ServerContext } from '../../context';
import { anyData, answers, call, idParam, queryInt, type App } from '../shapes';

/** Messages, signals, incidents and decisions. */
export function eventRoutes(app: App, ctx: ServerContext): void {
  const operate = { permission: 'operate' as const };
  app.post('/messages', { config: operate, schema: { tags: ['messages'], summary: 'Publishes a message (buffered for timeToLiveMs)', body: messagesPublish, response: answers(anyData) } },
    async (req) => call(ctx, 'messages.publish', req.body));
  app.post('/messages/correlate', { config: operate, schema: { tags: ['messages'], summary: 'Correlates a message now or fails with NOT_FOUND', body: messagesCorrelate, response: answers(anyData) } },
    async (req) => call(ctx, 'messages.correlate', req.body));
  app.post('/signals', { config: operate, schema: { tags: ['messages'], body: signalsBroadcast, response: answers(anyData) } }, async (req) => call(ctx, 'signals.broadcast', req.body));

  app.get('/incidents', {
    config: { permission: 'read' },
    schema: { tags: ['incidents'], querystring: incidentsList.omit({ page: true, pageSize: true }).extend({ page: queryInt(1).default(1), pageSize: queryInt(1, 1000).default(20) }), response: answers(anyData) },
  }, async (req) => call(ctx, 'incidents.list', req.query));

  app.post('/decisions/:id/evaluate', { config: operate, schema: { tags: ['decisions'], params: idParam, body: decisionsEvaluate.omit({ decisionId: true }).nullish(), response: answers(anyData) } },
    async (req) => call(ctx, 'decisions.evaluate', { decisionId: req.params.id, variables: req.body?.variables ?? {} }));

  for (const [path, kind] of [['processes', 'bpmn'], ['decisions', 'dmn'], ['forms', 'form']] as const) {
    app.get(`/${path}/:id/versions`, { config: { permission: 'read' }, schema: { tags: ['deployments'], params: idParam, response: answers(anyData) } },
      async (req) => call(ctx, 'deployments.versions', { kind, id: req.params.id }));
  }
  app.get('/deployments', {
    config: { permission: 'read' }, schema: { tags: ['deployments'], querystring: z.strictObject({ kind: z.enum(['bpmn', 'dmn', 'form']).optional() }), response: answers(anyData) },
  }, async (req) => call(ctx, 'deployments.list', req.query));
  app.get('/deployments/:id', { config: { permission: 'read' }, schema: { tags: ['deployments'], params: idParam, response: answers(anyData) } },
    async (req) => call(ctx, 'deployments.get', { deploymentId: req.params.id }));
}

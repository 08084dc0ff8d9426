import { z } from 'zod';
import type { ServerContext } from '../../context';
import { answers, dataOf, errorBody, type App } from '../shapes';

const health = z.object({ status: z.enum(['ok', 'unavailable']), checks: z.record(z.string(), z.object({ ok: z.boolean(), message: z.string().optional() })).optional() });

/** `/health/live`, `/health/ready` (database, job executor), `/metrics` (Prometheus), `/openapi.json`. */
export function opsRoutes(app: App, ctx: ServerContext): void {
  app.get('/health/live', { config: { public: true }, schema: { tags: ['ops'], security: [], response: answers(dataOf(health)) } }, async () => ({ data: { status: 'ok' as const } }));

  app.get('/health/ready', { config: { public: true }, schema: { tags: ['ops'], security: [], response: { 200: dataOf(health), 503: errorBody } } }, async (_req, reply) => {
    const checks: Record<string, { ok: boolean; message?: string }> = {};
    try {
      ctx.db.prepare('SELECT 1').get();
      checks.database = { ok: true };
    } catch (error) {
      checks.database = { ok: false, message: (error as Error).message };
    }
    checks.jobExecutor = ctx.executor.running ? { ok: true } : { ok: false, message: 'the job executor is not running (starting or shutting down)' };
    const ok = Object.values(checks).every((c) => c.ok);
    if (!ok) {
      reply.code(503);
      return { error: 'UNAVAILABLE' as const, message: Object.entries(checks).filter(([, c]) => !c.ok).map(([k, c]) => `${k}: ${c.message}`).join('; '), details: { checks } };
    }
    return { data: { status: 'ok' as const, checks } };
  });

  app.get('/metrics', { config: { metrics: true, permission: 'read' }, schema: { tags: ['ops'], summary: 'Prometheus metrics (text format)' } }, async (_req, reply) => {
    reply.header('content-type', ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  });

  app.get('/openapi.json', { schema: { tags: ['ops'], summary: 'This document', hide: true } }, async () => app.swagger());
}

import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { DestinationStream } from 'pino';
import type { ServerContext } from '../context';
import { HttpError } from './errors';
import { guard } from './guard';
import { authRoutes } from './routes/auth';
import { changeRoutes } from './routes/changes';
import { deploymentRoutes } from './routes/deployments';
import { engineCallRoutes } from './routes/engine-calls';
import { eventRoutes } from './routes/events';
import { instanceRoutes } from './routes/instances';
import { jobRoutes } from './routes/jobs';
import { opsRoutes } from './routes/ops';
import { taskRoutes } from './routes/tasks';
import type { App } from './shapes';

export const API_VERSION = '1.0.0';

/**
 * The HTTP API as a Fastify app over one {@link ServerContext}: helmet, CORS from the
 * configuration only, body limits, rate limits (login per client; optionally every route),
 * request ids (`x-request-id`, echoed), pino JSON logs, the auth guard, zod validation of every
 * request, metrics per route, one error shape, and `/openapi.json` from the same schemas.
 *
 * @example
 * const app = await buildApp(ctx);
 * await app.listen({ host: '127.0.0.1', port: 0 });
 */
export async function buildApp(ctx: ServerContext, options: { logStream?: DestinationStream } = {}): Promise<App> {
  const app = Fastify({
    logger: { level: ctx.config.logLevel, base: { service: 'flowdeck' }, ...(options.logStream ? { stream: options.logStream } : {}) },
    bodyLimit: ctx.config.bodyLimitBytes,
    trustProxy: ctx.config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, { contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } });
  await app.register(cors, { origin: ctx.config.corsOrigins.length ? ctx.config.corsOrigins : false, credentials: false, methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    // The studio's client reads these across origins: back-off after 429/503, and the id to quote.
    exposedHeaders: ['retry-after', 'x-request-id'], maxAge: 600 });
  await app.register(rateLimit, {
    global: ctx.config.rateLimitPerMinute > 0,
    max: ctx.config.rateLimitPerMinute || 1,
    timeWindow: 60_000,
    errorResponseBuilder: (_req, c) => new HttpError('RATE_LIMITED', `too many requests: at most ${c.max} per ${Math.round(c.ttl / 1000) || 1} s from this client; retry after ${c.after}`),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Flowdeck server API', version: API_VERSION, description: 'The Flowdeck engine over HTTP. Success: {data, message?}; errors: {error, message, details?}. See docs/server.md.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onRequest', guard(ctx));
  // Group commit: an answer leaves only once everything written before it is committed, so
  // nothing acknowledged (or read) can be lost by a crash after it.
  app.addHook('onSend', async (req, reply, payload) => {
    try {
      await ctx.store.durable();
      return payload;
    } catch (error) {
      const e = /SQLITE_FULL/.test(String((error as { code?: string }).code ?? error)) ? new HttpError('STORAGE_FULL', 'the disk is full: nothing of the operation was written')
        : new HttpError('INTERNAL', `the commit failed, nothing of the operation was written: ${(error as Error).message}`);
      req.log.error({ err: error, category: 'http' }, 'group commit failed');
      reply.code(e.status).header('content-type', 'application/json; charset=utf-8');
      return JSON.stringify(e.body());
    }
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unknown';
    ctx.metrics.requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    ctx.metrics.latency.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });
  app.addHook('preClose', async () => ctx.jobWaiters.close());

  app.setErrorHandler((error: FastifyError, req, reply) => {
    const e = toHttpError(error);
    if (e.status >= 500) req.log.error({ err: error, category: 'http' }, 'request failed');
    if (e.code === 'RATE_LIMITED' && !reply.hasHeader('retry-after')) reply.header('retry-after', '60');
    return reply.code(e.status).send(e.body());
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send(new HttpError('NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`).body()));

  instanceRoutes(app, ctx);
  taskRoutes(app, ctx);
  jobRoutes(app, ctx);
  eventRoutes(app, ctx);
  deploymentRoutes(app, ctx);
  authRoutes(app, ctx);
  opsRoutes(app, ctx);
  engineCallRoutes(app, ctx);
  changeRoutes(app, ctx);
  await app.ready();
  return app;
}

function toHttpError(error: FastifyError): HttpError {
  if (error instanceof HttpError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    const issues = error.validation.map((v) => ({ path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'), message: v.message ?? 'invalid' }));
    return new HttpError('VALIDATION_ERROR', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError('PAYLOAD_TOO_LARGE', `the request body is larger than this route takes (${error.message})`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError('UNSUPPORTED_MEDIA_TYPE', `${error.message}: send application/json (or application/zip to POST /deployments)`);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError('VALIDATION_ERROR', `body: ${error.message}`);
  }
  if (error.statusCode === 429) return new HttpError('RATE_LIMITED', error.message);
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return new HttpError('VALIDATION_ERROR', error.message);
  return new HttpError('INTERNAL', error.message || 'internal error');
}

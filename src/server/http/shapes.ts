import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { InstanceState } from '../../engine';
import { isFailure } from '../../api/errors';
import { instanceStates } from '../../api/schemas';
import type { ApiData, ApiMethod, ApiRequest } from '../../api/service';
import type { ServerContext } from '../context';
import { fromApiFailure, HTTP_ERROR_CODES } from './errors';

/** The Fastify instance with zod schemas as its type provider. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** Every error answer: `{error: CODE, message, details?}`. */
export const errorBody = z.object({
  error: z.enum(HTTP_ERROR_CODES),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
}).meta({ id: 'Error' });

/** The success envelope `{data, message?}`. */
export const dataOf = <T extends z.ZodType>(data: T) => z.object({ data, message: z.string().optional() });
/** Results passed through as the engine API gives them (docs/api.md describes each). */
export const anyData = dataOf(z.unknown());

/** `{200 or 201: ok, 4xx and 5xx: the error body}` for a route's `response` schema. */
export function answers(ok: z.ZodType, status = 200): Record<string, z.ZodType> {
  return { [status]: ok, '4xx': errorBody, '5xx': errorBody };
}

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

const iso = (ms: number) => new Date(ms).toISOString();

/** The HTTP API's instance: `{id, processId, version, state, businessKey, startedAt, endedAt, variables}` (+ incidents, parent). */
export const instanceView = z.object({
  id: z.string(),
  processId: z.string(),
  version: z.number().int(),
  state: z.enum(instanceStates),
  businessKey: z.string().nullable(),
  /** ISO 8601, UTC. */
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  variables: z.record(z.string(), z.unknown()),
  /** Open incidents. */
  incidents: z.number().int(),
  parentInstanceId: z.string().nullable(),
}).meta({ id: 'Instance' });
export type InstanceView = z.infer<typeof instanceView>;

export function viewOf(s: InstanceState): InstanceView {
  return {
    id: s.instanceId, processId: s.processId, version: s.processVersion, state: s.status === 'active' && s.suspended ? 'suspended' : s.status,
    businessKey: s.businessKey, startedAt: iso(s.startedAt), endedAt: s.endedAt === null ? null : iso(s.endedAt), variables: s.variables,
    incidents: Object.keys(s.incidents).length, parentInstanceId: s.parent?.instanceId ?? null,
  };
}

/** Runs one engine API call; a failure is thrown as its HTTP error. */
export async function call<M extends ApiMethod>(ctx: ServerContext, method: M, request: ApiRequest<M>): Promise<{ data: ApiData<M>; message?: string }> {
  const r = await ctx.api.call(method, request);
  if (isFailure(r)) throw fromApiFailure(r);
  return r;
}

/** Path parameters and query values. */
export const idParam = z.object({ id: z.string().min(1) });
export const queryInt = (min: number, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max);
export const queryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

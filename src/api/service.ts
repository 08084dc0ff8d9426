import type { z } from 'zod';
import { ApiError, toFailure, type ApiResult } from './errors';
import type { ApiPorts } from './ports';
import { deployments } from './resources/deployments';
import { decisions } from './resources/decisions';
import { engineData } from './resources/engine-data';
import { events } from './resources/events';
import { history } from './resources/history';
import { replay } from './resources/replay';
import { incidents } from './resources/incidents';
import { instances } from './resources/instances';
import { jobs } from './resources/jobs';
import { stats } from './resources/stats';
import { statsTimelineRoutes } from './resources/stats-timeline';
import { tasks } from './resources/tasks';
import { timers } from './resources/timers';
import { scripts } from './resources/scripts';
import type { Route } from './route';

/**
 * Every call of the engine API by name (`resource.action`, after the seed's REST resources:
 * `instances.list` is `GET /instances`, `tasks.complete` is `POST /tasks/{id}/complete`...).
 */
export const ROUTES = { ...deployments, ...instances, ...stats, ...statsTimelineRoutes, ...tasks, ...jobs, ...events, ...incidents, ...history, ...decisions, ...replay, ...timers, ...engineData, ...scripts };

export type ApiMethod = keyof typeof ROUTES;
type RouteOf<M extends ApiMethod> = (typeof ROUTES)[M];
/** What a call takes (defaults may be left out). */
export type ApiRequest<M extends ApiMethod> = RouteOf<M> extends Route<infer S, unknown> ? z.input<S> : never;
/** What a call's `data` holds. */
export type ApiData<M extends ApiMethod> = RouteOf<M> extends Route<z.ZodType, infer R> ? R : never;

export const API_METHODS = Object.keys(ROUTES) as ApiMethod[];

/**
 * The engine API as a service over one EngineHost: each call validates its request against its
 * schema, runs, and answers in the one result shape (`{data, message?}` or `{error, message,
 * details?}`); it never throws. Only plain data goes in and out, so the worker, a BroadcastChannel
 * and (later) HTTP can carry it as is.
 *
 * @example
 * const api = new EngineApi({ host, store, clock, catalog: new MemoryCatalog(store), decisions });
 * const r = await api.call('instances.start', { processId: 'order', variables: { amount: 3 } });
 * if ('error' in r) console.warn(r.error, r.message); else console.log(r.data.instanceId);
 */
export class EngineApi {
  constructor(private readonly ports: ApiPorts) {}

  async call<M extends ApiMethod>(method: M, request?: ApiRequest<M>): Promise<ApiResult<ApiData<M>>>;
  async call(method: string, request?: unknown): Promise<ApiResult<unknown>>;
  async call(method: string, request: unknown = {}): Promise<ApiResult<unknown>> {
    try {
      const r = (ROUTES as Record<string, Route>)[method];
      if (!Object.hasOwn(ROUTES, method) || !r) {
        throw new ApiError('invalidRequest', `no API call ${JSON.stringify(method)} (calls: ${API_METHODS.join(', ')})`, { method });
      }
      const parsed = r.schema.safeParse(request);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
        const where = issues.map((i) => `${i.path || '(request)'}: ${i.message}`).join('; ');
        throw new ApiError('invalidRequest', `${method}: ${where}`, { method, issues });
      }
      // A JSON copy: the answer shares no object with the store (which owns committed states).
      return JSON.parse(JSON.stringify(await r.run(this.ports, parsed.data)));
    } catch (error) {
      return toFailure(error);
    }
  }
}

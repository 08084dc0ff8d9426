import type { InstanceState } from '../../engine';
import { ApiError } from '../errors';
import type { ApiPorts } from '../ports';
import { ok, pageOf, route } from '../route';
import { instanceRef, instancesList, instancesSetVariables, instancesStart } from '../schemas';

/** An instance as lists show it: no tokens, variables or history (`instances.get` has the whole state). */
export interface InstanceSummary {
  instanceId: string;
  processId: string;
  processVersion: number;
  businessKey: string | null;
  /** `active` (running), `suspended` (running, suspended), `completed`, `canceled`. */
  state: 'active' | 'suspended' | 'completed' | 'canceled';
  startedAt: number;
  endedAt: number | null;
  incidents: number;
  parentInstanceId: string | null;
}

export function summarize(s: InstanceState): InstanceSummary {
  return {
    instanceId: s.instanceId, processId: s.processId, processVersion: s.processVersion, businessKey: s.businessKey,
    state: s.status === 'active' && s.suspended ? 'suspended' : s.status, startedAt: s.startedAt, endedAt: s.endedAt,
    incidents: Object.keys(s.incidents).length, parentInstanceId: s.parent?.instanceId ?? null,
  };
}

/** The stored instance, or `notFound` naming it. */
export async function instanceOf(ports: ApiPorts, instanceId: string): Promise<InstanceState> {
  const s = await ports.host.getInstance(instanceId);
  if (!s) throw new ApiError('notFound', `no process instance ${instanceId}`, { instanceId });
  return s;
}

/** Refuses a change to an instance that has ended: nothing is asked of the engine. */
function mustRun(s: InstanceState, what: string): void {
  if (s.status !== 'active') throw new ApiError('illegalState', `cannot ${what} instance ${s.instanceId}: it is ${s.status}`, { instanceId: s.instanceId, state: s.status });
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const instances = {
  'instances.list': route(instancesList, async ({ host }, q) => {
    // The store narrows by process, status and incidents (an index each); the rest is filtered here.
    const status = q.state === 'suspended' ? 'active' : q.state;
    const all = (await host.listInstances({ processId: q.processId, status, withIncidents: q.hasIncident === true ? true : undefined })).filter((s) =>
      (q.version === undefined || s.processVersion === q.version)
      && (q.state === undefined || summarize(s).state === q.state)
      && (q.businessKey === undefined || s.businessKey === q.businessKey)
      && (q.variable === undefined || (q.variable.name in s.variables && sameJson(s.variables[q.variable.name], q.variable.value)))
      && (q.startedFrom === undefined || s.startedAt >= q.startedFrom) && (q.startedTo === undefined || s.startedAt <= q.startedTo)
      && (q.endedFrom === undefined || (s.endedAt !== null && s.endedAt >= q.endedFrom)) && (q.endedTo === undefined || (s.endedAt !== null && s.endedAt <= q.endedTo))
      && (q.hasIncident === undefined || (Object.keys(s.incidents).length > 0) === q.hasIncident));
    const rows = all.map(summarize);
    const key = q.sortBy;
    const dir = q.order === 'asc' ? 1 : -1;
    rows.sort((a, b) => dir * compare(a[key], b[key]) || compare(a.instanceId, b.instanceId));
    return ok(pageOf(rows, q.page, q.pageSize));
  }),
  'instances.get': route(instanceRef, async (ports, { instanceId }) => ok(await instanceOf(ports, instanceId))),
  'instances.start': route(instancesStart, async ({ host }, r) => {
    const s = await host.startInstance(r.processId, { variables: r.variables, businessKey: r.businessKey, version: r.version });
    return ok(summarize(s), `started ${s.processId} v${s.processVersion} as ${s.instanceId}`);
  }),
  'instances.suspend': route(instanceRef, async (ports, { instanceId }) => {
    const s = await instanceOf(ports, instanceId);
    mustRun(s, 'suspend');
    if (s.suspended) throw new ApiError('illegalState', `instance ${instanceId} is already suspended`, { instanceId, state: 'suspended' });
    return ok(summarize(await ports.host.suspend(instanceId)));
  }),
  'instances.resume': route(instanceRef, async (ports, { instanceId }) => {
    const s = await instanceOf(ports, instanceId);
    mustRun(s, 'resume');
    if (!s.suspended) throw new ApiError('illegalState', `instance ${instanceId} is not suspended: only a suspended instance can be resumed`, { instanceId, state: 'active' });
    return ok(summarize(await ports.host.resume(instanceId)));
  }),
  'instances.cancel': route(instanceRef, async (ports, { instanceId }) => {
    mustRun(await instanceOf(ports, instanceId), 'cancel');
    return ok(summarize(await ports.host.cancel(instanceId)));
  }),
  'instances.setVariables': route(instancesSetVariables, async (ports, r) => {
    mustRun(await instanceOf(ports, r.instanceId), 'set variables of');
    const s = await ports.host.setVariables(r.instanceId, r.variables, { scopeId: r.scopeId, local: r.local });
    return ok({ instanceId: s.instanceId, variables: s.variables });
  }),
};

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1; // nulls last either way
  if (b === null || b === undefined) return -1;
  return (a as number | string) < (b as number | string) ? -1 : 1;
}

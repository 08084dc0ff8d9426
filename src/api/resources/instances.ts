import type { InstanceState } from '../../engine';
import { startFormVariables } from '../start-form';
import { ApiError } from '../errors';
import { hostInstanceSource, rowView, type InstanceRowView, type InstanceSource } from '../instance-source';
import type { ApiPorts } from '../ports';
import { compareNullsLast, ok, pageOf, route } from '../route';
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
  return summaryOf(rowView(s));
}

function summaryOf(r: InstanceRowView): InstanceSummary {
  return {
    instanceId: r.instanceId, processId: r.processId, processVersion: r.processVersion, businessKey: r.businessKey,
    state: r.status === 'active' && r.suspended ? 'suspended' : r.status, startedAt: r.startedAt, endedAt: r.endedAt,
    incidents: r.incidents, parentInstanceId: r.parentInstanceId,
  };
}

/** Where lists read instances from. */
export function sourceOf(ports: ApiPorts): InstanceSource {
  return ports.instances ?? hostInstanceSource(ports.host);
}

/** The stored instance, or `notFound` naming it. */
export async function instanceOf(ports: ApiPorts, instanceId: string): Promise<InstanceState> {
  const s = await ports.host.getInstance(instanceId);
  if (!s) throw new ApiError('notFound', `no process instance ${instanceId}`, { instanceId });
  return s;
}

/** Refuses a change to an instance that has ended: nothing is asked of the engine. */
export function mustRun(s: InstanceState, what: string): void {
  if (s.status !== 'active') throw new ApiError('illegalState', `cannot ${what} instance ${s.instanceId}: it is ${s.status}`, { instanceId: s.instanceId, state: s.status });
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const instances = {
  'instances.list': route(instancesList, async (ports, q) => {
    // A source that answers the whole query from its indexes reads only the page's rows.
    if (q.version === undefined || q.processId !== undefined) {
      const indexed = await sourceOf(ports).page?.(q);
      if (indexed) return ok({ items: indexed.items.map((r) => summaryOf({ ...r, variables: {} })), total: indexed.total, page: q.page, pageSize: q.pageSize });
    }
    // The source narrows by process, version, status, business key and incidents (from an index where it can); the rest is filtered here.
    const status = q.state === 'suspended' ? 'active' : q.state;
    const found = await sourceOf(ports).rows({ processId: q.processId, version: q.version, status, businessKey: q.businessKey, withIncidents: q.hasIncident === true });
    const rows = found.filter((r) =>
      (q.state === undefined || summaryOf(r).state === q.state)
      && (q.variable === undefined || (Object.hasOwn(r.variables, q.variable.name) && sameJson(r.variables[q.variable.name], q.variable.value)))
      && (q.startedFrom === undefined || r.startedAt >= q.startedFrom) && (q.startedTo === undefined || r.startedAt <= q.startedTo)
      && (q.endedFrom === undefined || (r.endedAt !== null && r.endedAt >= q.endedFrom)) && (q.endedTo === undefined || (r.endedAt !== null && r.endedAt <= q.endedTo))
      && (q.hasIncident === undefined || (r.incidents > 0) === q.hasIncident)).map(summaryOf);
    const key = q.sortBy;
    rows.sort((a, b) => compareNullsLast(a[key], b[key], q.order) || compareNullsLast(a.instanceId, b.instanceId, 'asc'));
    return ok(pageOf(rows, q.page, q.pageSize));
  }),
  'instances.get': route(instanceRef, async (ports, { instanceId }) => ok(await instanceOf(ports, instanceId))),
  'instances.start': route(instancesStart, async (ports, r) => {
    if (r.formValues !== undefined && r.variables !== undefined) throw new ApiError('invalidRequest', 'give either variables or formValues (the start form\'s values), not both', { issues: [{ path: ['formValues'], message: 'not with variables' }] });
    const variables = r.formValues === undefined ? r.variables : await startFormVariables(ports, r.processId, r.version, r.formValues);
    const s = await ports.host.startInstance(r.processId, { variables, businessKey: r.businessKey, version: r.version });
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

import { ApiError } from '../errors';
import type { ApiPorts } from '../ports';
import { ok, pageOf, route } from '../route';
import { incidentsList, incidentsRetry } from '../schemas';
import { instanceOf } from './instances';

async function retry(ports: ApiPorts, r: { instanceId: string; incidentId: string; retries?: number }) {
  const s = await instanceOf(ports, r.instanceId);
  const incident = s.incidents[r.incidentId];
  if (!incident) {
    const open = Object.keys(s.incidents);
    throw new ApiError('notFound', `no open incident ${r.incidentId} in instance ${r.instanceId}${open.length ? ` (open: ${open.join(', ')})` : ' (it has none)'}`, { instanceId: r.instanceId, incidentId: r.incidentId });
  }
  if (s.suspended) throw new ApiError('illegalState', `instance ${r.instanceId} is suspended: resume it to retry ${r.incidentId}`, { instanceId: r.instanceId });
  // A job incident has no retries left: retrying without a number gives it one.
  const retries = incident.jobKey !== null ? (r.retries ?? 1) : undefined;
  const after = await ports.host.resolveIncident(r.instanceId, r.incidentId, retries);
  const again = Object.values(after.incidents).filter((i) => i.elementId === incident.elementId);
  return ok({ instanceId: after.instanceId, resolved: r.incidentId, openIncidents: Object.keys(after.incidents) },
    again.length ? `retried ${incident.elementId}: it failed again (${again.map((i) => i.id).join(', ')})` : `retried ${incident.elementId}`);
}

export const incidents = {
  'incidents.list': route(incidentsList, async ({ host }, q) => {
    let all = await host.listIncidents({ instanceId: q.instanceId });
    if (q.processId !== undefined) {
      const ofProcess = new Set((await host.listInstances({ processId: q.processId, status: 'active' })).map((s) => s.instanceId));
      all = all.filter((i) => ofProcess.has(i.processInstanceId));
    }
    all.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    return ok(pageOf(all, q.page, q.pageSize));
  }),
  /** Runs again what failed (a job incident gets `retries`, default 1). */
  'incidents.retry': route(incidentsRetry, retry),
  /**
   * Resolves an incident: the engine resolves by retrying what failed, so this is `retry` under
   * Camunda's other name (there is no "mark resolved without running again" yet).
   */
  'incidents.resolve': route(incidentsRetry, retry),
};

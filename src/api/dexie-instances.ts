import { queryInstances, type FlowdeckDb, type InstancePage } from '../store';
import type { InstanceFilter, InstanceListQuery, InstanceRowPage, InstanceRowView, InstanceSource } from './instance-source';

/**
 * Instances for lists straight from the workspace database's hot rows: the most selective index
 * the filter allows, and never the completed paths (which `Store.listInstances` puts back into
 * every state). Reads committed data, as `liveQuery` does.
 */
export function dexieInstanceSource(db: FlowdeckDb): InstanceSource {
  return {
    page: (q) => indexedPage(db, q),
    async rows(f: InstanceFilter): Promise<InstanceRowView[]> {
      const t = db.instances;
      const base = f.processId !== undefined && f.version !== undefined ? t.where('[processId+processVersion]').equals([f.processId, f.version])
        : f.businessKey !== undefined ? t.where('businessKey').equals(f.businessKey)
          : f.processId !== undefined ? t.where('processId').equals(f.processId)
            : f.status !== undefined ? t.where('status').equals(f.status)
              : f.withIncidents ? t.where('incidentCount').above(0)
                : t.toCollection();
      const rows = await base.filter((r) => (f.processId === undefined || r.processId === f.processId)
        && (f.version === undefined || r.processVersion === f.version)
        && (f.businessKey === undefined || r.businessKey === f.businessKey)
        && (f.status === undefined || r.status === f.status)
        && (!f.withIncidents || r.incidentCount > 0)).toArray();
      return rows.map((r) => ({
        instanceId: r.instanceId, processId: r.processId, processVersion: r.processVersion, businessKey: r.state.businessKey, status: r.status,
        suspended: r.suspended === 1, startedAt: r.startedAt, endedAt: r.endedAt, incidents: r.incidentCount,
        parentInstanceId: r.parentId === '' ? null : r.parentId, variables: r.state.variables,
      }));
    },
  };
}

/**
 * `instances.list` from the indexes (`queryInstances`: filter sets as keys, the order from the
 * sort index's keys, only the page's rows read), for 100,000 instances: every sort key (empty
 * values last either way, ties by ascending id, as the API orders) and every filter.
 */
async function indexedPage(db: FlowdeckDb, q: InstanceListQuery): Promise<InstanceRowPage | undefined> {
  const running = q.state === 'active' || q.state === 'suspended';
  const r = await queryInstances(db, {
    processId: q.processId, processVersion: q.processId !== undefined ? q.version : undefined, status: running ? 'active' : (q.state as 'completed' | 'canceled' | undefined),
    suspended: running ? q.state === 'suspended' : undefined, businessKey: q.businessKey,
    withIncidents: q.hasIncident, startedFrom: q.startedFrom, startedTo: q.startedTo, endedFrom: q.endedFrom, endedTo: q.endedTo,
    variables: q.variable ? { [q.variable.name]: q.variable.value } : undefined,
  }, { page: q.page, pageSize: q.pageSize, sortBy: q.sortBy as InstancePage['sortBy'], direction: q.order, tiesById: true });
  return {
    total: r.total,
    items: r.items.map((i) => ({
      instanceId: i.instanceId, processId: i.processId, processVersion: i.processVersion, businessKey: i.businessKey, status: i.status, suspended: i.suspended,
      startedAt: i.startedAt, endedAt: i.endedAt, incidents: i.incidentCount, parentInstanceId: i.parentId,
    })),
  };
}

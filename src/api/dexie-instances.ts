import type { FlowdeckDb } from '../store';
import type { InstanceFilter, InstanceRowView, InstanceSource } from './instance-source';

/**
 * Instances for lists straight from the workspace database's hot rows: the most selective index
 * the filter allows, and never the completed paths (which `Store.listInstances` puts back into
 * every state). Reads committed data, as `liveQuery` does.
 */
export function dexieInstanceSource(db: FlowdeckDb): InstanceSource {
  return {
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

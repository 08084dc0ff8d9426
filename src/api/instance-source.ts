import type { InstanceState, Variables } from '../engine';
import type { EngineHost } from '../host';

/** What `instances.list` narrows by before its own filters (each store answers it from an index where it can). */
export interface InstanceFilter {
  processId?: string;
  version?: number;
  status?: InstanceState['status'];
  businessKey?: string;
  withIncidents?: boolean;
}

/** An instance as lists read it: the summary fields and the process-scope variables (for variable filters). */
export interface InstanceRowView {
  instanceId: string;
  processId: string;
  processVersion: number;
  businessKey: string | null;
  status: InstanceState['status'];
  suspended: boolean;
  startedAt: number;
  endedAt: number | null;
  incidents: number;
  parentInstanceId: string | null;
  variables: Variables;
}

/** The `instances.list` query as a source may answer it whole (filters, order, page). */
export interface InstanceListQuery extends InstanceFilter {
  state?: 'active' | 'suspended' | 'completed' | 'canceled';
  variable?: { name: string; value: unknown };
  startedFrom?: number;
  startedTo?: number;
  endedFrom?: number;
  endedTo?: number;
  hasIncident?: boolean;
  sortBy: string;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** A page of list rows with the total. */
export interface InstanceRowPage {
  items: Array<Omit<InstanceRowView, 'variables'>>;
  total: number;
}

/** Where `instances.list` and `stats.instances` read instances from. */
export interface InstanceSource {
  rows(filter: InstanceFilter): Promise<InstanceRowView[]>;
  /** The whole list query from indexes, reading only the page's rows; undefined when this query needs `rows` (the API filters and sorts then). */
  page?(query: InstanceListQuery): Promise<InstanceRowPage | undefined>;
}

export function rowView(s: InstanceState): InstanceRowView {
  return {
    instanceId: s.instanceId, processId: s.processId, processVersion: s.processVersion, businessKey: s.businessKey, status: s.status,
    suspended: s.suspended, startedAt: s.startedAt, endedAt: s.endedAt, incidents: Object.keys(s.incidents).length,
    parentInstanceId: s.parent?.instanceId ?? null, variables: s.variables,
  };
}

/** Any store, through the host's `listInstances` (whole states: fine for tests and small stores). */
export function hostInstanceSource(host: EngineHost): InstanceSource {
  return {
    async rows(f) {
      const states = await host.listInstances({ processId: f.processId, status: f.status, withIncidents: f.withIncidents || undefined });
      return states.filter((s) => (f.version === undefined || s.processVersion === f.version) && (f.businessKey === undefined || s.businessKey === f.businessKey)).map(rowView);
    },
  };
}

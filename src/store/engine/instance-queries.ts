import type { Collection, InsertType } from 'dexie';
import type { InstanceState } from '../../engine';
import type { FlowdeckDb } from '../db';
import type { InstanceRow } from './rows';

/*
 * The instance list of the studio and the API (filter, sort, page) from indexes: each filter
 * gives the set of matching instance ids from its index (keys only, no rows), the sets are
 * intersected, the sort index gives the order (keys only again), and only the page's rows are
 * read. So a page of 50 out of 100,000 instances reads 50 rows.
 */

/** Filters, combined with AND. Times are epoch ms, ranges inclusive. */
export interface InstanceFilter {
  processId?: string;
  /** Needs `processId`. */
  processVersion?: number;
  status?: InstanceState['status'];
  /** With `status: 'active'`: only suspended (true) or only not suspended (false) instances. */
  suspended?: boolean;
  businessKey?: string;
  /** true: with an open incident; false: without any. */
  withIncidents?: boolean;
  startedFrom?: number;
  startedTo?: number;
  endedFrom?: number;
  endedTo?: number;
  /** Process-scope variables equal (as JSON) to these values. */
  variables?: Record<string, unknown>;
}

export interface InstancePage {
  /** 1-based. Default 1. */
  page?: number;
  /** 1..1000. Default 50. */
  pageSize?: number;
  sortBy?: 'startedAt' | 'endedAt' | 'businessKey' | 'processId' | 'instanceId';
  /** Default 'desc' (newest first). Empty values (no business key, not ended) come last either way. */
  direction?: 'asc' | 'desc';
  /** Equal sort keys in ascending instance id order in both directions (the API's order); default: the index's (reversed with it). */
  tiesById?: boolean;
}

/** One row of the instance list: the hot row's index fields, not the state. */
export interface InstanceSummary {
  instanceId: string;
  processId: string;
  processVersion: number;
  status: InstanceState['status'];
  suspended: boolean;
  businessKey: string | null;
  parentId: string | null;
  startedAt: number;
  endedAt: number | null;
  incidentCount: number;
}

/**
 * A page of instances matching `filter`, with the total.
 * @example
 * const { items, total } = await queryInstances(db, { processId: 'order', status: 'active', variables: { region: 'EU' } }, { page: 2, pageSize: 50 });
 */
export async function queryInstances(db: FlowdeckDb, filter: InstanceFilter = {}, paging: InstancePage = {}): Promise<{ items: InstanceSummary[]; total: number; page: number; pageSize: number }> {
  const page = paging.page ?? 1;
  const pageSize = paging.pageSize ?? 50;
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`page must be a whole number from 1, not ${page}`);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) throw new RangeError(`pageSize must be a whole number from 1 to 1000, not ${pageSize}`);
  if (filter.processVersion !== undefined && filter.processId === undefined) throw new RangeError('processVersion needs processId');

  return db.transaction('r', [db.instances, db.variables], async () => {
    const t = db.instances;
    const sets: Array<Promise<string[]>> = [];
    const keys = (c: Collection<InstanceRow, string, InsertType<InstanceRow, 'instanceId'>>) => c.primaryKeys() as Promise<string[]>;
    if (filter.processId !== undefined) {
      sets.push(filter.processVersion !== undefined
        ? keys(t.where('[processId+processVersion]').equals([filter.processId, filter.processVersion]))
        : keys(t.where('processId').equals(filter.processId)));
    }
    if (filter.suspended !== undefined) sets.push(keys(t.where('[status+suspended]').equals([filter.status ?? 'active', filter.suspended ? 1 : 0])));
    else if (filter.status !== undefined) sets.push(keys(t.where('status').equals(filter.status)));
    if (filter.businessKey !== undefined) sets.push(keys(t.where('businessKey').equals(filter.businessKey)));
    if (filter.withIncidents === true) sets.push(keys(t.where('incidentCount').above(0)));
    if (filter.withIncidents === false) sets.push(keys(t.where('incidentCount').equals(0)));
    if (filter.startedFrom !== undefined || filter.startedTo !== undefined) {
      sets.push(keys(t.where('startedAt').between(filter.startedFrom ?? -Infinity, filter.startedTo ?? Infinity, true, true)));
    }
    if (filter.endedFrom !== undefined || filter.endedTo !== undefined) {
      sets.push(keys(t.where('endedAt').between(filter.endedFrom ?? -Infinity, filter.endedTo ?? Infinity, true, true)));
    }
    for (const [name, value] of Object.entries(filter.variables ?? {})) {
      const json = JSON.stringify(value);
      sets.push(db.variables.where('name').equals(name).toArray()
        .then((rows) => rows.filter((r) => r.scopeId === '' && JSON.stringify(r.value) === json).map((r) => r.instanceId)));
    }
    const matching = await intersect(sets);

    const sortBy = paging.sortBy ?? 'startedAt';
    const ascending = paging.direction === 'asc';
    // Every id in the sort index's order: keys only (awaited here: a native async helper in between would end the transaction).
    let ordered = sortBy === 'instanceId' ? await keys(t.toCollection())
      : paging.tiesById ? await orderTiesById(t.orderBy(sortBy), ascending)
        : await keys(ascending ? t.orderBy(sortBy) : t.orderBy(sortBy).reverse());
    if (sortBy === 'instanceId' && !ascending) ordered.reverse();
    // A missing business key is stored as '' (IndexedDB has no null keys), which the index puts
    // first: those go last (empty values last in both directions), by ascending id.
    const blank = sortBy === 'businessKey' ? await keys(t.where('businessKey').equals('')) : [];
    if (blank.length > 0) {
      const blanks = new Set(blank);
      ordered = ordered.filter((id) => !blanks.has(id)).concat(blank.sort());
    }
    // Rows missing from the sort index (a running instance has no endedAt) come last, by id.
    const inOrder = new Set(ordered);
    const all = matching ?? (sortBy === 'endedAt' ? new Set(await keys(t.toCollection())) : inOrder);
    const ids = ordered.filter((id) => all.has(id));
    const missing = [...all].filter((id) => !inOrder.has(id)).sort();
    ids.push(...missing);

    const pageIds = ids.slice((page - 1) * pageSize, page * pageSize);
    const rows = await t.bulkGet(pageIds);
    return { items: rows.filter((r): r is InstanceRow => r !== undefined).map(summary), total: ids.length, page, pageSize };
  });
}

type InstanceCollection = Collection<InstanceRow, string, InsertType<InstanceRow, 'instanceId'>>;

/** Ids in sort-key order, equal keys by ascending id: index keys and primary keys only (two key reads of one index, same order). */
async function orderTiesById(c: InstanceCollection, ascending: boolean): Promise<string[]> {
  const [sortKeys, ids] = await Promise.all([c.keys(), c.primaryKeys() as Promise<string[]>]);
  if (ascending) return ids; // the index orders equal keys by primary key already
  const at = ids.map((_, i) => i);
  at.sort((a, b) => (sortKeys[a] < sortKeys[b] ? 1 : sortKeys[a] > sortKeys[b] ? -1 : ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  return at.map((i) => ids[i]);
}

/** The ids in every set (null: no filter at all). */
async function intersect(sets: Array<Promise<string[]>>): Promise<Set<string> | null> {
  if (sets.length === 0) return null;
  const lists = await Promise.all(sets);
  lists.sort((a, b) => a.length - b.length);
  let out = new Set(lists[0]);
  for (const list of lists.slice(1)) {
    const next = new Set(list);
    out = new Set([...out].filter((id) => next.has(id)));
  }
  return out;
}

function summary(r: InstanceRow): InstanceSummary {
  return {
    instanceId: r.instanceId, processId: r.processId, processVersion: r.processVersion, status: r.status, suspended: r.suspended === 1,
    businessKey: r.businessKey === '' ? null : r.businessKey, parentId: r.parentId === '' ? null : r.parentId,
    startedAt: r.startedAt, endedAt: r.endedAt, incidentCount: r.incidentCount,
  };
}

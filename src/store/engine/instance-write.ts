import type { InstanceState } from '../../engine';
import { StoreConflictError } from '../../host/store-errors';
import type { FlowdeckDb } from '../db';
import type { IncidentRow, InstanceRow, JobRow, TimerRow, UserTaskRow, VariableRow } from './rows';
import { syncRows } from './keyed-rows';
import type { WriteBuffer } from './write-buffer';

/*
 * Writes one committed instance state as its hot row plus the indexed rows derived from it (jobs,
 * user tasks, timers, incidents, variables, the completed path of a running instance). Runs inside the commit's
 * transaction; `previous` is the row read there (after the revision check).
 */

type Keyed<Row, Key> = Map<string, { key: Key; row: Row }>;

/**
 * An instance's path is appended one piece per commit; when it has this many pieces, the next
 * commit that adds to it rewrites it as one piece, so loading a long-running instance reads a
 * bounded number of rows and each piece of the path is rewritten about once per this many commits.
 */
export const MAX_PATH_PIECES = 32;

/**
 * The hot row of `state`: without its path while it runs (the path is in `paths`), with it inline
 * once it has ended (`inline`), when the path no longer grows.
 */
export function instanceRow(state: InstanceState, order: number, pathLength: number, pathPieces: number, historySeq: number, inline = false): InstanceRow {
  return {
    instanceId: state.instanceId,
    processId: state.processId,
    processVersion: state.processVersion,
    status: state.status,
    suspended: state.suspended ? 1 : 0,
    businessKey: state.businessKey ?? '',
    parentId: state.parent?.instanceId ?? '',
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    incidentCount: Object.keys(state.incidents).length,
    revision: state.commands,
    pathLength,
    pathPieces,
    ...(inline ? { pathInline: 1 as const } : {}),
    historySeq,
    order,
    state: inline ? state : { ...state, path: [] },
  };
}

/**
 * Puts `state` and brings its projections in step with it. A running instance's path is appended:
 * `appendPath` (the commit was checked against the stored revision, so the stored path is a prefix
 * of the new one) writes only the tail; otherwise (a restore without command records) the whole
 * path is rewritten. An ended instance's path goes inline into its row and its `paths` rows go
 * (an instance that starts and ends in one commit writes no path row at all).
 * The hot row and the derived rows go through `buffer` (one bulk request per table for a group commit).
 */
export function writeInstance(db: FlowdeckDb, buffer: WriteBuffer, state: InstanceState, previous: InstanceRow | undefined, order: number, appendPath: boolean, historySeq: number, create = false): Promise<unknown>[] {
  const id = state.instanceId;
  const ops: Promise<unknown>[] = [];
  // A new instance was not read: `add` refuses a stored one, which is the revision conflict.
  const putRow = (row: InstanceRow) => (create ? buffer.add(db.instances, [row], (failure) => conflictOnAdd(db, row, failure)) : buffer.put(db.instances, [row]));
  const stored = previous?.pathInline ? 0 : previous?.pathLength ?? 0;
  const storedPieces = previous?.pathInline ? 0 : previous?.pathPieces ?? (stored > 0 ? 1 : 0);
  const clearPieces = () => db.paths.where('[instanceId+from]').between([id, -Infinity], [id, Infinity]).delete();
  if (state.status !== 'active') {
    if (storedPieces > 0) ops.push(clearPieces());
    ops.push(putRow(instanceRow(state, order, state.path.length, 0, historySeq, true)));
  } else {
    let pieces = storedPieces;
    if (appendPath && !previous?.pathInline && state.path.length >= stored && (state.path.length === stored || storedPieces < MAX_PATH_PIECES)) {
      if (state.path.length > stored) {
        ops.push(db.paths.add({ instanceId: id, from: stored, ids: state.path.slice(stored) }));
        pieces++;
      }
    } else {
      ops.push(clearPieces().then(() => (state.path.length > 0 ? db.paths.add({ instanceId: id, from: 0, ids: state.path.slice() }) : undefined)));
      pieces = state.path.length > 0 ? 1 : 0;
    }
    ops.push(putRow(instanceRow(state, order, state.path.length, pieces, historySeq)));
  }
  const before = previous?.state;
  ops.push(
    ...syncRows(buffer, db.jobs, jobsOf(before), jobsOf(state)),
    ...syncRows(buffer, db.userTasks, tasksOf(before), tasksOf(state)),
    ...syncRows(buffer, db.timers, timersOf(before), timersOf(state)),
    ...syncRows(buffer, db.incidents, incidentsOf(before), incidentsOf(state)),
    ...syncRows(buffer, db.variables, variablesOf(before), variablesOf(state)),
  );
  return ops;
}

/**
 * The `add` of a new instance's row failed: when the id is taken, a {@link StoreConflictError}
 * with the stored revision; when the id is free, its order number was (the counter moved behind a
 * sole writer, ADR 0244), said so. The transaction aborts either way.
 */
async function conflictOnAdd(db: FlowdeckDb, row: InstanceRow, error: unknown): Promise<never> {
  if ((error as { name?: string }).name !== 'ConstraintError') throw error;
  // The stored revision for the message, if the transaction still answers (another failed request may have aborted it).
  let answered = true;
  const stored = await db.instances.get(row.instanceId).catch(() => { answered = false; return undefined; });
  if (answered && !stored) throw new Error(`instance ${row.instanceId}: order number ${row.order} is taken (the instance counter moved behind this store); nothing was written`);
  throw new StoreConflictError(row.instanceId, 0, stored?.revision ?? 1);
}

function jobsOf(state: InstanceState | undefined): Keyed<JobRow, string> {
  const out: Keyed<JobRow, string> = new Map();
  if (!state) return out;
  for (const key in state.jobs) out.set(key, { key, row: { ...state.jobs[key], instanceId: state.instanceId, processId: state.processId } });
  return out;
}

function tasksOf(state: InstanceState | undefined): Keyed<UserTaskRow, string> {
  const out: Keyed<UserTaskRow, string> = new Map();
  if (!state) return out;
  for (const id in state.tasks) {
    const task = state.tasks[id];
    out.set(id, { key: id, row: { ...task, instanceId: state.instanceId, processId: state.processId, assigneeKey: task.assignee ?? '' } });
  }
  return out;
}

function timersOf(state: InstanceState | undefined): Keyed<TimerRow, string> {
  const out: Keyed<TimerRow, string> = new Map();
  if (!state) return out;
  for (const key in state.timers) out.set(key, { key, row: { ...state.timers[key], instanceId: state.instanceId } });
  return out;
}

function incidentsOf(state: InstanceState | undefined): Keyed<IncidentRow, [string, string]> {
  const out: Keyed<IncidentRow, [string, string]> = new Map();
  if (!state) return out;
  for (const id in state.incidents) out.set(id, { key: [state.instanceId, id], row: { ...state.incidents[id], instanceId: state.instanceId, processId: state.processId } });
  return out;
}

/** Process-scope variables (scope '') and each live element instance's local ones. */
function variablesOf(state: InstanceState | undefined): Keyed<VariableRow, [string, string, string]> {
  const out: Keyed<VariableRow, [string, string, string]> = new Map();
  if (!state) return out;
  const add = (scopeId: string, vars: Record<string, unknown>) => {
    for (const name in vars) out.set(`${scopeId}\u0000${name}`, { key: [state.instanceId, scopeId, name], row: { instanceId: state.instanceId, scopeId, name, value: vars[name] } });
  };
  add('', state.variables);
  for (const eid in state.elements) {
    const vars = state.elements[eid].variables;
    if (vars) add(eid, vars);
  }
  return out;
}

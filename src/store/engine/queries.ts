import type { Collection, InsertType } from 'dexie';
import { jobAvailableFrom } from '../../engine';
import type { Job, Timer, UserTask } from '../../engine';
import { byHandOutOrder } from '../../host/memory-store-jobs';
import type { StartTimerRecord } from '../../host/store';
import type { FlowdeckDb } from '../db';
import type { JobRow, UserTaskRow } from './rows';

/*
 * Index queries for the tasklist, the job list and the scheduler: each starts from one index of
 * the rows the commits keep (never from the instances), filters the rest on the rows that index
 * gives, and reads only those rows. The UI reads them through `liveQuery`.
 */

/** Tasklist filters, combined with AND. `assignee: null` = unassigned. */
export interface TaskQuery {
  assignee?: string | null;
  candidateGroup?: string;
  candidateUser?: string;
  processId?: string;
  instanceId?: string;
  /** Due strictly before this ISO date-time (tasks without a due date are left out). */
  dueBefore?: string;
  /** At least this priority. */
  minPriority?: number;
}

/** Open user tasks matching `query`, highest priority first, then oldest first. */
export async function queryUserTasks(db: FlowdeckDb, query: TaskQuery = {}): Promise<Array<UserTask & { processId: string }>> {
  const t = db.userTasks;
  let rows: Collection<UserTaskRow, string, InsertType<UserTaskRow, 'id'>>;
  if (query.instanceId !== undefined) rows = t.where('instanceId').equals(query.instanceId);
  else if (query.assignee !== undefined) rows = t.where('assigneeKey').equals(query.assignee ?? '');
  else if (query.candidateGroup !== undefined) rows = t.where('candidateGroups').equals(query.candidateGroup);
  else if (query.candidateUser !== undefined) rows = t.where('candidateUsers').equals(query.candidateUser);
  else if (query.dueBefore !== undefined) rows = t.where('dueDate').below(query.dueBefore);
  else if (query.processId !== undefined) rows = t.where('processId').equals(query.processId);
  else rows = t.toCollection();
  // toArray, then filter here: a Dexie filter walks a cursor, one request per row.
  const found = (await rows.toArray()).filter((r) => (query.assignee === undefined || r.assigneeKey === (query.assignee ?? ''))
    && (query.candidateGroup === undefined || r.candidateGroups.includes(query.candidateGroup))
    && (query.candidateUser === undefined || r.candidateUsers.includes(query.candidateUser))
    && (query.processId === undefined || r.processId === query.processId)
    && (query.instanceId === undefined || r.instanceId === query.instanceId)
    && (query.dueBefore === undefined || (r.dueDate !== null && r.dueDate < query.dueBefore))
    && (query.minPriority === undefined || r.priority >= query.minPriority));
  found.sort((a, b) => b.priority - a.priority || a.createdAt - b.createdAt);
  return found.map(({ assigneeKey: _k, instanceId: _i, ...task }) => task);
}

/** Open jobs of a type in a state (default: waiting for a worker), highest priority first, then oldest. */
export async function queryJobs(db: FlowdeckDb, type: string, state: Job['state'] = 'activatable'): Promise<Array<Job & { processId: string }>> {
  const rows = await db.jobs.where('[type+state]').equals([type, state]).toArray();
  rows.sort((a, b) => b.priority - a.priority || a.createdAt - b.createdAt);
  return rows.map(({ instanceId: _i, ...job }: JobRow) => job);
}

/**
 * `Store.findAvailableJobs`: jobs of `type` a worker may lock at `now` (waiting, lock expired,
 * backoff over) in active, unsuspended instances, in the hand-out order of `fetchAndLock`. Reads
 * the `[type+state]` index for each fetchable state and only the instance rows of the hits.
 */
export async function availableJobs(db: FlowdeckDb, type: string, now: number, limit: number): Promise<Job[]> {
  return db.transaction('r', [db.jobs, db.instances], async () => {
    const rows = await db.jobs.where('[type+state]').anyOf([type, 'activatable'], [type, 'activated'], [type, 'backoff']).toArray();
    const due = rows.filter((r) => {
      const from = jobAvailableFrom(r);
      return from !== null && from <= now;
    });
    const owners = await db.instances.bulkGet([...new Set(due.map((r) => r.instanceId))]);
    const running = new Set(owners.filter((o) => o !== undefined && o.status === 'active' && o.suspended === 0).map((o) => o?.instanceId));
    const out = due.filter((r) => running.has(r.instanceId)).map(({ instanceId: _i, processId: _p, ...job }: JobRow) => job);
    out.sort(byHandOutOrder);
    return out.slice(0, Math.max(0, limit));
  });
}

/** Instance timers and timer start events due at or before `until`, earliest first: what a scheduler fires next. */
export async function dueTimers(db: FlowdeckDb, until: number): Promise<{ timers: Timer[]; startTimers: StartTimerRecord[] }> {
  return db.transaction('r', [db.timers, db.startTimers], async () => {
    const timers = await db.timers.where('dueAt').belowOrEqual(until).sortBy('dueAt');
    const startTimers = await db.startTimers.where('dueAt').belowOrEqual(until).sortBy('dueAt');
    return { timers: timers.map(({ instanceId: _i, ...timer }) => timer), startTimers };
  });
}

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { InstanceState } from '../../engine';
import { instance, startTimer } from '../../host/test-support/store-contract';
import type { FlowdeckDb } from '../db';
import { freshDbs } from '../test-support/fresh-db';
import { interceptTables } from '../test-support/intercept';
import { DexieStore } from './dexie-store';
import { dueTimers, queryJobs, queryUserTasks } from './queries';


/** Counts every read of the `instances` table (Dexie DBCore middleware), to prove a query never touches it. */
function countInstanceReads(db: FlowdeckDb): { reads: number } {
  const counter = { reads: 0 };
  interceptTables(db, 'count-instance-reads', (name, table) => {
    if (name !== 'instances') return table;
    const count = <A extends unknown[], R>(f: (...args: A) => R) => (...args: A): R => {
      counter.reads++;
      return f(...args);
    };
    return { ...table, get: count(table.get), getMany: count(table.getMany), query: count(table.query), openCursor: count(table.openCursor), count: count(table.count) };
  });
  return counter;
}
const fresh = freshDbs();

/** A fresh database with its instance reads counted, and a DexieStore on it. */
function setup() {
  const db = fresh();
  const reads = countInstanceReads(db);
  return { db, reads, store: new DexieStore(db) };
}

/** `base` with its task `t` changed by `patch`. */
function withTask(base: InstanceState, id: string, patch: Partial<InstanceState['tasks'][string]>): InstanceState {
  return { ...base, tasks: { ...base.tasks, [id]: { ...base.tasks[id], ...patch } } };
}

describe('index queries (tasklist, jobs, due timers)', () => {
  it('given tasks of several instances, then the tasklist filters by assignee, unassigned, group, due date and priority, highest priority first', async () => {
    const { db, reads, store } = setup();
    let a = instance('a', { tasks: ['a1', 'a2'] });
    a = withTask(a, 'a1', { assignee: 'ana', priority: 10, dueDate: '2026-01-02T00:00:00Z' });
    a = withTask(a, 'a2', { candidateGroups: ['sales'], priority: 80, createdAt: 5 });
    let b = instance('b', { tasks: ['b1'] });
    b = withTask(b, 'b1', { candidateGroups: ['sales', 'ops'], priority: 80, createdAt: 1, dueDate: '2026-03-01T00:00:00Z' });
    await store.commit({ instances: [a, b], history: [] });
    const readsByCommits = reads.reads;

    const ids = async (q: Parameters<typeof queryUserTasks>[1]) => (await queryUserTasks(db, q)).map((t) => t.id);
    expect(await ids({})).toEqual(['b1', 'a2', 'a1']);
    expect(await ids({ assignee: 'ana' })).toEqual(['a1']);
    expect(await ids({ assignee: null })).toEqual(['b1', 'a2']);
    expect(await ids({ candidateGroup: 'sales' })).toEqual(['b1', 'a2']);
    expect(await ids({ candidateGroup: 'sales', instanceId: 'a' })).toEqual(['a2']);
    expect(await ids({ dueBefore: '2026-02-01' })).toEqual(['a1']);
    expect(await ids({ minPriority: 50, assignee: null })).toEqual(['b1', 'a2']);
    expect((await queryUserTasks(db, { assignee: 'ana' }))[0]).toMatchObject({ id: 'a1', processId: 'p', processInstanceId: 'a' });
    expect(reads.reads).toBe(readsByCommits);

    // Claiming moves the task between the lists; completing the instance's tasks removes them.
    await store.commit({ instances: [withTask(a, 'a2', { assignee: 'ben' })], history: [] });
    expect(await ids({ assignee: null })).toEqual(['b1']);
    await store.commit({ instances: [{ ...a, tasks: {} }], history: [] });
    expect(await ids({})).toEqual(['b1']);
  });

  it('given jobs and timers, then jobs list by type and state and due timers by time, without reading instances', async () => {
    const { db, reads, store } = setup();
    const s = instance('a', { jobs: ['j1', 'j2'] });
    s.jobs.j2 = { ...s.jobs.j2, priority: 5 };
    s.timers = {
      tLate: { key: 'tLate', elementId: 'T', elementInstanceId: null, processInstanceId: 'a', dueAt: 500, schedule: null, fired: 0 } as InstanceState['timers'][string],
      tSoon: { key: 'tSoon', elementId: 'T', elementInstanceId: null, processInstanceId: 'a', dueAt: 100, schedule: null, fired: 0 } as InstanceState['timers'][string],
    };
    await store.commit({ instances: [s], history: [], startTimers: [startTimer('p', 'S', 200)] });
    const readsByCommit = reads.reads;
    expect(readsByCommit).toBeGreaterThan(0); // the commit reads the row it checks: the counter works

    expect((await queryJobs(db, 't')).map((j) => j.key)).toEqual(['j2', 'j1']);
    expect(await queryJobs(db, 't', 'activated')).toEqual([]);
    const due = await dueTimers(db, 300);
    expect(due.timers.map((t) => t.key)).toEqual(['tSoon']);
    expect(due.startTimers.map((t) => t.key)).toEqual(['p/S']);
    expect((await dueTimers(db, 1000)).timers.map((t) => t.key)).toEqual(['tSoon', 'tLate']);
    expect(reads.reads).toBe(readsByCommit);
  });
});

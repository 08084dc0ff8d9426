import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testFeel } from '../../engine/test-support/feel';
import { CountingIds, ManualClock, UniqueIds } from '../../host/clocks';
import { EngineHost } from '../../host/engine-host';
import { FlowdeckDb } from '../db';
import { newId } from '../ids';
import { DexieStore } from './dexie-store';

const XML = readFileSync(join(import.meta.dirname, 'catch-up.bpmn'), 'utf8');
const JOBS_XML = readFileSync(join(import.meta.dirname, 'catch-up-jobs.bpmn'), 'utf8');
const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await new FlowdeckDb(name).delete();
});

/** A "tab": a host on its own connection to the database `name`, at `now` on a virtual clock. */
async function openTab(name: string, now: number, first = false) {
  const db = new FlowdeckDb(name);
  const store = new DexieStore(db);
  const clock = new ManualClock(now);
  // The first tab counts ids from 1; later tabs must never hand out a stored id again.
  const host = await EngineHost.create({ store, clock, expressions: testFeel, ids: first ? new CountingIds() : new UniqueIds() });
  return { db, store, clock, host };
}

describe('DexieStore: catch-up after a reload', () => {
  it('given an instance waiting on a 1-hour timer, when the tab is closed for a week and reopened, then the timer fires once and the instance continues from its committed state', async () => {
    // Given
    const name = `catch-up-${newId()}`;
    names.push(name);
    const before = await openTab(name, T0, true);
    await before.host.deploy(XML, 'catch-up.bpmn');
    const waiting = await before.host.startInstance('followUp');
    const done = await before.host.startInstance('followUp');
    await before.host.completeUserTask({ instanceId: done.instanceId, elementId: 'Call' });
    const committed = JSON.parse(JSON.stringify(await before.host.getInstance(waiting.instanceId)));
    before.db.close();

    // When: reopened a week later, the host starts from the database alone.
    const after = await openTab(name, T0 + 7 * 24 * HOUR);
    expect(JSON.parse(JSON.stringify(await after.host.getInstance(waiting.instanceId)))).toEqual(committed);
    expect(await after.host.timers.runDue()).toBe(1);
    expect(await after.host.timers.runDue()).toBe(0);

    // Then
    const escalated = await after.host.getInstance(waiting.instanceId);
    expect(Object.values(escalated?.tasks ?? {}).map((t) => t.elementId)).toEqual(['Escalate']);
    const triggered = (await after.host.history(waiting.instanceId)).filter((e) => e.type === 'eventTriggered');
    expect(triggered).toHaveLength(1);
    expect(triggered[0].time).toBe(T0 + 7 * 24 * HOUR);
    expect((await after.host.getInstance(done.instanceId))?.status).toBe('completed');
    after.db.close();

    // And a second reopening finds nothing more due, and the task still works.
    const again = await openTab(name, T0 + 8 * 24 * HOUR);
    expect(await again.host.timers.runDue()).toBe(0);
    const [task] = await again.host.listUserTasks({ instanceId: waiting.instanceId });
    await again.host.completeUserTask({ taskId: task.id });
    const end = await again.host.getInstance(waiting.instanceId);
    expect(end?.status).toBe('completed');
    expect(end?.path).toEqual(['Asked', 'TooLong', 'Escalate', 'Escalated']);
    expect((await again.host.history(waiting.instanceId)).filter((e) => e.type === 'eventTriggered')).toHaveLength(1);
    again.db.close();
  });

  it('given a host on a virtual clock, when time passes the timer while the tab is open, then it fires at its due time and a reload does not fire it again', async () => {
    const name = `virtual-${newId()}`;
    names.push(name);
    const tab = await openTab(name, T0, true);
    await tab.host.deploy(XML, 'catch-up.bpmn');
    const pi = await tab.host.startInstance('followUp');
    expect(await tab.host.timers.advance(2 * HOUR)).toBe(1);
    const fired = (await tab.host.history(pi.instanceId)).find((e) => e.type === 'eventTriggered');
    expect(fired?.time).toBe(T0 + HOUR);
    tab.db.close();

    const reopened = await openTab(name, T0 + 3 * HOUR);
    expect(await reopened.host.timers.runDue()).toBe(0);
    expect(reopened.host.timers.nextDueAt()).toBeNull();
    reopened.db.close();
  });

  it('given a job locked by a worker and a timer start event, when the tab is closed past both and reopened, then the start timer starts one instance and the job is handed out again once', async () => {
    // Given: at midnight, a worker locks the charge job for a minute; the 06:00 start timer waits.
    const name = `catch-up-jobs-${newId()}`;
    names.push(name);
    const before = await openTab(name, T0, true);
    await before.host.deploy(JOBS_XML, 'catch-up-jobs.bpmn');
    const pi = await before.host.startInstance('charge');
    const [locked] = await before.host.jobs.fetchAndLock({ topic: 'charge', workerId: 'w1', lockDurationMs: 60_000 });
    expect(locked.processInstanceId).toBe(pi.instanceId);
    before.db.close();

    // When: reopened at noon (the worker that held the lock is gone).
    const after = await openTab(name, T0 + 12 * HOUR);
    // Two due items: the start timer and the end of the job's lock.
    expect(await after.host.timers.runDue()).toBe(2);
    expect(await after.host.timers.runDue()).toBe(0);
    const relocked = await after.host.jobs.fetchAndLock({ topic: 'charge', workerId: 'w2', lockDurationMs: 60_000, maxJobs: 10 });
    const again = await after.host.jobs.fetchAndLock({ topic: 'charge', workerId: 'w3', lockDurationMs: 60_000, maxJobs: 10 });

    // Then
    const mornings = await after.host.listInstances({ processId: 'morning' });
    expect(mornings).toHaveLength(1);
    expect(mornings[0].startedAt).toBe(T0 + 12 * HOUR);
    expect(relocked.map((j) => [j.key, j.worker])).toEqual([[locked.key, 'w2']]);
    expect(again).toEqual([]);
    await expect(after.host.jobs.complete(locked.key, 'w1')).rejects.toThrow();
    expect((await after.host.jobs.complete(locked.key, 'w2')).status).toBe('completed');
    after.db.close();

    const third = await openTab(name, T0 + 48 * HOUR);
    expect(await third.host.timers.runDue()).toBe(0);
    expect(await third.host.listInstances({ processId: 'morning' })).toHaveLength(1);
    third.db.close();
  });
});

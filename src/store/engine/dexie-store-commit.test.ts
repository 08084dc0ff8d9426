import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testFeel } from '../../engine/test-support/feel';
import { CountingIds, ManualClock } from '../../host/clocks';
import { EngineHost } from '../../host/engine-host';
import { StoreConflictError } from '../../host/store-errors';
import { at, command, event, instance } from '../../host/test-support/store-contract';
import { StorageQuotaError } from '../errors';
import { freshDbs } from '../test-support/fresh-db';
import { failWritesWhen } from '../test-support/intercept';
import { listAudit } from './audit';
import { deployForm, listVersionsOf } from './deployments';
import { DexieStore } from './dexie-store';

const XML = readFileSync(join(import.meta.dirname, 'catch-up.bpmn'), 'utf8');
const fresh = freshDbs();

describe('DexieStore: one transaction per operation, group commit', () => {
  it('given a host on the DexieStore, when it starts an instance and completes its task, then each operation is one transaction and the rows are indexed', async () => {
    // Given
    const db = fresh();
    const store = new DexieStore(db, { actor: () => 'ana' });
    const host = await EngineHost.create({ store, clock: new ManualClock(1000), expressions: testFeel, ids: new CountingIds() });
    await host.deploy(XML, 'catch-up.bpmn');
    const base = store.transactions;

    // When
    const pi = await host.startInstance('followUp', { variables: { customer: 'c-7' } });

    // Then: one transaction wrote the hot row, the task, the timer, the variables and the history.
    expect(store.transactions - base).toBe(1);
    const row = await db.instances.get(pi.instanceId);
    expect(row).toMatchObject({ status: 'active', revision: 1, pathLength: 1, processId: 'followUp' });
    expect(row?.state.path).toEqual([]);
    expect(await db.paths.count()).toBe(1);
    expect((await db.userTasks.where('instanceId').equals(pi.instanceId).toArray()).map((t) => t.elementId)).toEqual(['Call']);
    expect(await db.timers.where('dueAt').belowOrEqual(1000 + 3_600_000).count()).toBe(1);
    expect(await db.variables.get([pi.instanceId, '', 'customer'])).toMatchObject({ value: 'c-7' });

    const task = (await db.userTasks.toArray())[0];
    await host.completeUserTask({ taskId: task.id }, { reached: true });
    expect(store.transactions - base).toBe(2);
    expect(await db.userTasks.count()).toBe(0);
    expect(await db.timers.count()).toBe(0);
    // Ended: the path is inline in the row (its pieces gone), the history one batch per commit.
    expect(await db.instances.get(pi.instanceId)).toMatchObject({ status: 'completed', revision: 2, pathLength: 3, pathInline: 1, state: { path: ['Asked', 'Call', 'Done'] } });
    expect((await store.loadInstance(pi.instanceId))?.path).toEqual(['Asked', 'Call', 'Done']);
    expect(await db.paths.count()).toBe(0);
    expect(await db.historyBatches.where('[instanceId+seq]').between([pi.instanceId, 0], [pi.instanceId, Infinity]).count()).toBe(2);
    expect((await store.loadHistory(pi.instanceId)).map((e) => e.seq)).toEqual(Array.from({ length: (await db.instances.get(pi.instanceId))?.historySeq ?? 0 }, (_, i) => i + 1));
    // The audit log names who did it (the deployment and both user actions).
    expect((await listAudit(db)).map((a) => [a.who, a.action, a.instanceId])).toEqual([
      ['ana', 'completeUserTask', pi.instanceId], ['ana', 'start', pi.instanceId], ['ana', 'deploy', ''],
    ]);
  });

  it('given commits submitted together, then they share one transaction; a stale one among them is refused alone and the others are written', async () => {
    const store = new DexieStore(fresh());
    await store.commit({ instances: [at(instance('i1'), 1)], history: [event('i1', 1)], commands: [command('i1', 1, 'start')] });
    const base = store.transactions;

    await Promise.all([
      store.commit({ instances: [at(instance('a', { tasks: ['ta'] }), 1)], history: [event('a', 1)], commands: [command('a', 1, 'start')] }),
      store.commit({ instances: [at(instance('b', { tasks: ['tb'] }), 1)], history: [event('b', 1)], commands: [command('b', 1, 'start')] }),
    ]);
    expect(store.transactions - base).toBe(1);

    const results = await Promise.allSettled([
      store.commit({ instances: [at(instance('c', { tasks: ['tc'] }), 1)], history: [], commands: [command('c', 1, 'start')] }),
      store.commit({ instances: [at(instance('i1', { tasks: ['stale'] }), 1)], history: [], commands: [command('i1', 1, 'start')] }),
      store.commit({ instances: [at(instance('i1', { tasks: ['fresh'] }), 2)], history: [event('i1', 2)], commands: [command('i1', 2, 'x')] }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(StoreConflictError);
    // The shared transaction failed as a whole, then each commit ran alone: 1 + 3.
    expect(store.transactions - base).toBe(1 + 4);
    expect(await store.findInstanceByTask('tc')).toBe('c');
    expect(await store.findInstanceByTask('stale')).toBeUndefined();
    expect(await store.findInstanceByTask('fresh')).toBe('i1');
  });

  it('given a commit that fails half-way through its writes (a history event stored twice), then the transaction rolls back every write of it', async () => {
    const db = fresh();
    const store = new DexieStore(db);
    await store.commit({ instances: [instance('i1', { tasks: ['t1'] })], history: [event('i1', 1)] });
    const error = await store.commit({ instances: [{ ...instance('i1', { jobs: ['j2'] }), path: ['A', 'B'] }, instance('i2')], history: [event('i1', 1)] }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('history event 1 of instance i1 is already stored; nothing was written');
    expect(await store.findInstanceByTask('t1')).toBe('i1');
    expect(await store.findInstanceByJob('j2')).toBeUndefined();
    expect(await store.loadInstance('i2')).toBeUndefined();
    expect(await db.paths.count()).toBe(0);
    expect(await db.variables.where('instanceId').equals('i2').count()).toBe(0);
  });
});

describe('DexieStore: completed paths', () => {
  it('given paths appended over several commits, then a load and a list put each instance\'s path back whole and in order', async () => {
    const db = fresh();
    const store = new DexieStore(db);
    const withPath = (id: string, n: number, path: string[]) => ({ ...at(instance(id), n), path });
    await store.commit({ instances: [withPath('i1', 1, ['A']), withPath('i2', 1, [])], history: [], commands: [command('i1', 1, 'start'), command('i2', 1, 'start')] });
    await store.commit({ instances: [withPath('i1', 2, ['A', 'B', 'C'])], history: [], commands: [command('i1', 2, 'x')] });
    await store.commit({ instances: [withPath('i2', 2, ['X'])], history: [], commands: [command('i2', 2, 'x')] });
    await store.commit({ instances: [withPath('i1', 3, ['A', 'B', 'C', 'D'])], history: [], commands: [command('i1', 3, 'x')] });

    expect(await db.paths.count()).toBe(4);
    expect((await store.loadInstance('i1'))?.path).toEqual(['A', 'B', 'C', 'D']);
    expect((await store.listInstances()).map((s) => [s.instanceId, s.path])).toEqual([['i1', ['A', 'B', 'C', 'D']], ['i2', ['X']]]);
  });
});

describe('DexieStore: a full disk', () => {
  it('given the browser refuses a write with QuotaExceededError, then the commit fails with a StorageQuotaError naming what was not saved, and earlier data stays readable', async () => {
    const db = fresh();
    let full = false;
    // Dexie's DBCore middleware: the same place a browser's quota error surfaces (a mutate request fails).
    failWritesWhen(db, () => full);
    const store = new DexieStore(db, { storage: { estimate: async () => ({ usage: 990, quota: 1000 }) } });
    await store.commit({ instances: [instance('i1', { tasks: ['t1'] })], history: [event('i1', 1)] });

    full = true;
    const error = await store.commit({ instances: [instance('order-9')], history: [event('order-9', 1)] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageQuotaError);
    expect(error).toMatchObject({ code: 'quotaExceeded', details: { usage: 990, quota: 1000 } });
    expect((error as Error).message).toMatch(/commit of instance order-9 was not saved.*still there and can be exported/);
    const deployError = await store.saveDeployment({ id: 'd1', kind: 'bpmn', name: 'big.bpmn', xml: '<x/>', deployedAt: 0, versions: {} }).catch((e: unknown) => e);
    expect((deployError as Error).message).toMatch(/deployment big\.bpmn was not saved/);

    expect(await store.loadInstance('order-9')).toBeUndefined();
    expect(await store.findInstanceByTask('t1')).toBe('i1');
    expect(await store.loadHistory('i1')).toHaveLength(1);
  });
});

describe('DexieStore: deployments', () => {
  it('given BPMN and form deployments, then each keeps its source, SHA-256, note and deployer, versions are listed per definition, and the engine sees only its own', async () => {
    const db = fresh();
    const store = new DexieStore(db, { actor: () => 'ben' });
    await store.saveDeployment({ id: 'd1', kind: 'bpmn', name: 'a.bpmn', xml: XML, deployedAt: 5, versions: { followUp: 1 } });
    await store.saveDeployment({ id: 'd2', kind: 'bpmn', name: 'a.bpmn', xml: `${XML} `, deployedAt: 5, versions: { followUp: 2 }, ...{ note: 'second try' } });
    const f1 = await deployForm(db, { formId: 'approve', name: 'approve.form', source: '{"components":[]}', deployedBy: 'cy', now: 6 });
    const f2 = await deployForm(db, { formId: 'approve', name: 'approve.form', source: '{"components":[1]}', now: 7 });

    expect([f1.version, f2.version]).toEqual([1, 2]);
    expect((await store.listDeployments()).map((d) => d.id)).toEqual(['d1', 'd2']);
    const d1 = await db.deployments.get('d1');
    expect(d1).toMatchObject({ xml: XML, deployedBy: 'ben', note: '', sha256: createHash('sha256').update(XML, 'utf8').digest('hex') });
    expect((await db.deployments.get('d2'))?.note).toBe('second try');
    expect((await listVersionsOf(db, 'bpmn', 'followUp')).map((v) => [v.version, v.deploymentId])).toEqual([[1, 'd1'], [2, 'd2']]);
    expect((await listVersionsOf(db, 'form', 'approve')).map((v) => v.version)).toEqual([1, 2]);
    expect((await db.deployments.get(f1.deploymentId))?.deployedBy).toBe('cy');
  });
});

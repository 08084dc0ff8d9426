import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { StoreConflictError } from '../../host/store-errors';
import { at, command, event, instance } from '../../host/test-support/store-contract';
import type { FlowdeckDb } from '../db';
import { freshDbs } from '../test-support/fresh-db';
import { interceptTables } from '../test-support/intercept';
import { DexieStore } from './dexie-store';

const fresh = freshDbs();

/** Counts the read requests (`get`, `getMany`) each table of `db` receives. */
function countReads(db: FlowdeckDb): Record<string, number> {
  const reads: Record<string, number> = {};
  interceptTables(db, 'count-reads', (name, table) => ({
    ...table,
    get: (req) => { reads[name] = (reads[name] ?? 0) + 1; return table.get(req); },
    getMany: (req) => { reads[name] = (reads[name] ?? 0) + 1; return table.getMany(req); },
  }));
  return reads;
}

describe('DexieStore: what a commit reads', () => {
  it('given the start of a new instance (revision 0 expected), when it commits, then its row is added without reading the instances table', async () => {
    // Given
    const db = fresh();
    const reads = countReads(db);
    const store = new DexieStore(db);

    // When
    await store.commit({ instances: [at(instance('n1', { tasks: ['t1'] }), 1)], history: [event('n1', 1)], commands: [command('n1', 1, 'start')] });

    // Then
    expect(reads.instances ?? 0).toBe(0);
    expect(await db.instances.get('n1')).toMatchObject({ revision: 1, historySeq: 1, order: 1 });
    expect(await store.findInstanceByTask('t1')).toBe('n1');
  });

  it('given a stored instance at revision 2, when a start of the same id commits, then it is a conflict naming the stored revision and nothing of it is written', async () => {
    // Given
    const db = fresh();
    const store = new DexieStore(db);
    await store.commit({ instances: [at(instance('i1'), 1)], history: [event('i1', 1)], commands: [command('i1', 1, 'start')] });
    await store.commit({ instances: [at(instance('i1', { tasks: ['kept'] }), 2)], history: [event('i1', 2)], commands: [command('i1', 2, 'x')] });

    // When
    const error = await store.commit({ instances: [at(instance('i1', { tasks: ['stale'] }), 1)], history: [], commands: [command('i1', 1, 'start')] }).catch((e: unknown) => e);

    // Then
    expect(error).toBeInstanceOf(StoreConflictError);
    expect((error as StoreConflictError).details).toEqual({ instanceId: 'i1', expectedRevision: 0, actualRevision: 2 });
    expect(await store.findInstanceByTask('stale')).toBeUndefined();
    expect(await store.findInstanceByTask('kept')).toBe('i1');
    expect(await store.loadCommands('i1')).toHaveLength(2);
  });

  it('given an existing instance, when its next step commits, then its row is still read for the revision check', async () => {
    const db = fresh();
    const reads = countReads(db);
    const store = new DexieStore(db);
    await store.commit({ instances: [at(instance('i1'), 1)], history: [event('i1', 1)], commands: [command('i1', 1, 'start')] });
    const before = reads.instances ?? 0;

    await store.commit({ instances: [at(instance('i1'), 2)], history: [event('i1', 2)], commands: [command('i1', 2, 'x')] });

    expect((reads.instances ?? 0) - before).toBe(1);
  });
});

describe('DexieStore: the instance counter kept in memory', () => {
  it('given the counter moved behind the store (an import wrote it), when a new instance commits, then it takes the next number after the stored one, not after the remembered one', async () => {
    // Given
    const db = fresh();
    const store = new DexieStore(db);
    await store.commit({ instances: [at(instance('a'), 1)], history: [], commands: [command('a', 1, 'start')] });
    await db.counters.put({ name: 'instances', value: 41 });

    // When
    await store.commit({ instances: [at(instance('b', { tasks: ['tb'] }), 1)], history: [event('b', 1)], commands: [command('b', 1, 'start')] });
    await store.commit({ instances: [at(instance('c'), 1)], history: [], commands: [command('c', 1, 'start')] });

    // Then: written once, whole, with the numbers after 41.
    expect((await db.instances.bulkGet(['a', 'b', 'c'])).map((r) => r?.order)).toEqual([1, 42, 43]);
    expect((await db.counters.get('instances'))?.value).toBe(43);
    expect(await store.loadHistory('b')).toHaveLength(1);
    expect(await store.loadCommands('b')).toHaveLength(1);
    expect(await store.findInstanceByTask('tb')).toBe('b');
  });

  it('given a refused commit of a new instance, then the counter it would have taken is not skipped by the next one', async () => {
    const db = fresh();
    const store = new DexieStore(db);
    await store.commit({ instances: [at(instance('a'), 1)], history: [], commands: [command('a', 1, 'start')] });

    await expect(store.commit({ instances: [at(instance('a'), 1), at(instance('x'), 1)], history: [], commands: [command('a', 1, 'start'), command('x', 1, 'start')] })).rejects.toBeInstanceOf(StoreConflictError);
    await store.commit({ instances: [at(instance('b'), 1)], history: [], commands: [command('b', 1, 'start')] });

    expect(await db.instances.get('x')).toBeUndefined();
    expect((await db.instances.bulkGet(['a', 'b'])).map((r) => r?.order)).toEqual([1, 2]);
    expect((await db.counters.get('instances'))?.value).toBe(2);
  });

  it('given the command counter moved behind the store, when commands commit, then they are numbered after the stored value; one commit reads neither counter', async () => {
    // Given
    const db = fresh();
    const reads = countReads(db);
    const store = new DexieStore(db);
    await store.commit({ instances: [at(instance('a'), 1)], history: [], commands: [command('a', 1, 'start')] });
    const first = reads.counters ?? 0;
    await store.commit({ instances: [at(instance('b'), 1)], history: [], commands: [command('b', 1, 'start')] });
    const second = (reads.counters ?? 0) - first;
    await db.counters.put({ name: 'commands', value: 70 });

    // When
    await store.commit({ instances: [at(instance('c'), 1)], history: [], commands: [command('c', 1, 'start')] });
    await store.commit({ instances: [at(instance('d'), 1)], history: [], commands: [command('d', 1, 'start')] });

    // Then: the first commit read both counters (awaited), the second only checked them (not awaited); the moved one was written again after 70.
    expect([first, second]).toEqual([2, 2]);
    expect((await Promise.all(['a', 'b', 'c', 'd'].map((id) => store.loadCommands(id)))).map((c) => c[0].order)).toEqual([1, 2, 71, 72]);
    expect((await db.counters.get('commands'))?.value).toBe(72);
  });

  it('given the store is the engine\'s sole writer (the worker holding the Web Lock), then after the first commit no commit reads a counter, and after an import it reads them once and numbers after the imported ones', async () => {
    // Given
    const db = fresh();
    const reads = countReads(db);
    const store = new DexieStore(db, { soleWriter: true });
    await store.commit({ instances: [at(instance('a'), 1)], history: [], commands: [command('a', 1, 'start')] });
    const first = reads.counters ?? 0;

    // When: more starts, then engine data written beside the store (as an import does) and said so
    await store.commit({ instances: [at(instance('b'), 1)], history: [], commands: [command('b', 1, 'start')] });
    await store.commit({ instances: [at(instance('c'), 1)], history: [], commands: [command('c', 1, 'start')] });
    const unchecked = (reads.counters ?? 0) - first;
    await db.counters.bulkPut([{ name: 'instances', value: 40 }, { name: 'commands', value: 70 }]);
    store.countersChanged();
    const beforeImport = reads.counters ?? 0;
    await store.commit({ instances: [at(instance('d'), 1)], history: [], commands: [command('d', 1, 'start')] });

    // Then
    expect([first, unchecked, (reads.counters ?? 0) - beforeImport]).toEqual([2, 0, 2]);
    expect((await db.instances.get('d'))?.order).toBe(41);
    expect((await store.loadCommands('d'))[0].order).toBe(71);
    expect((await db.instances.orderBy('order').toArray()).map((r) => r.instanceId)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('given a sole writer whose counter was moved behind its back anyway, when a start takes a taken order number, then it is refused naming that, and the next start reads the counter and is written', async () => {
    // Given
    const db = fresh();
    const store = new DexieStore(db, { soleWriter: true });
    await store.commit({ instances: [at(instance('a'), 1)], history: [], commands: [command('a', 1, 'start')] });
    await db.instances.add({ ...(await db.instances.get('a'))!, instanceId: 'x', order: 2 });
    await db.counters.put({ name: 'instances', value: 2 });

    // When
    const error = await store.commit({ instances: [at(instance('b'), 1)], history: [], commands: [command('b', 1, 'start')] }).catch((e: unknown) => e);
    await store.commit({ instances: [at(instance('c'), 1)], history: [], commands: [command('c', 1, 'start')] });

    // Then
    expect((error as Error).message).toBe('instance b: order number 2 is taken (the instance counter moved behind this store); nothing was written');
    expect(await db.instances.get('b')).toBeUndefined();
    expect((await db.instances.get('c'))?.order).toBe(3);
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { at, command, event, instance, sub } from '../../host/test-support/store-contract';
import { freshDbs } from '../test-support/fresh-db';
import { interceptTables } from '../test-support/intercept';
import { DexieStore } from './dexie-store';

const fresh = freshDbs();

describe('DexieStore: the commits of one group commit written without waiting for each other', () => {
  it('given starts with subscriptions and a later step of one of them submitted together, then one transaction writes them all, each subscription numbered once in commit order, the later step on top', async () => {
    // Given
    const db = fresh();
    const store = new DexieStore(db);
    const base = store.transactions;
    const a1 = instance('a', { subscriptions: [sub('a', 'sa1', 'message', 'm', 'k')] });
    const b1 = instance('b', { subscriptions: [sub('b', 'sb1', 'message', 'm', 'k')] });
    const a2 = instance('a', { tasks: ['ta'], subscriptions: [sub('a', 'sa2', 'message', 'm', 'k')] });

    // When
    await Promise.all([
      store.commit({ instances: [at(a1, 1)], history: [event('a', 1)], commands: [command('a', 1, 'start')] }),
      store.commit({ instances: [at(b1, 1)], history: [event('b', 1)], commands: [command('b', 1, 'start')] }),
      store.commit({ instances: [at(a2, 2)], history: [event('a', 2)], commands: [command('a', 2, 'x')] }),
    ]);

    // Then
    expect(store.transactions - base).toBe(1);
    expect((await store.findSubscriptions('message', 'm', 'k')).map((s) => s.key)).toEqual(['sb1', 'sa2']);
    expect((await db.subscriptions.toArray()).map((r) => [r.key, r.order])).toEqual([['sa2', 3], ['sb1', 2]]);
    expect(await db.instances.get('a')).toMatchObject({ revision: 2, historySeq: 2, order: 1 });
    expect(await db.instances.get('b')).toMatchObject({ revision: 1, order: 2 });
    expect(await store.findInstanceByTask('ta')).toBe('a');
    expect((await store.loadHistory('a')).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('given many starts submitted together, one of them a duplicate of a stored instance, then only that one is refused and the others are written once with consecutive numbers', async () => {
    const db = fresh();
    let counterWrites = 0;
    interceptTables(db, 'count-counter-writes', (name, table) => ({ ...table, mutate: (req) => {
      // Only the instance counter (a store may keep other counters in the table).
      if (name === 'counters' && req.type === 'put' && req.values.some((v: { name?: string }) => v.name === 'instances')) counterWrites++;
      return table.mutate(req);
    } }));
    const store = new DexieStore(db);
    await store.commit({ instances: [at(instance('s0'), 1)], history: [event('s0', 1)], commands: [command('s0', 1, 'start')] });

    // A batch without the duplicate writes the counter once for all its starts.
    counterWrites = 0;
    await Promise.all(['t1', 't2', 't3'].map((id) => store.commit({ instances: [at(instance(id), 1)], history: [], commands: [command(id, 1, 'start')] })));
    expect(counterWrites).toBe(1);

    const ids = ['s1', 's2', 's0', 's3', 's4'];
    const results = await Promise.allSettled(ids.map((id) => store.commit({ instances: [at(instance(id), 1)], history: [event(id, 1)], commands: [command(id, 1, 'start')] })));

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((await db.instances.orderBy('order').toArray()).map((r) => [r.instanceId, r.order])).toEqual([['s0', 1], ['t1', 2], ['t2', 3], ['t3', 4], ['s1', 5], ['s2', 6], ['s3', 7], ['s4', 8]]);
    expect(await db.historyBatches.count()).toBe(5);
    expect((await db.counters.get('instances'))?.value).toBe(8);
  });

  it('given starts submitted together, then each table gets one write request holding all of their rows (not one per start)', async () => {
    // Given: a count of the write requests reaching IndexedDB, per table, with their row counts
    const db = fresh();
    const writes: Array<[string, string, number]> = [];
    interceptTables(db, 'count-writes', (name, table) => ({ ...table, mutate: (req) => {
      writes.push([name, req.type, 'values' in req ? req.values.length : 'keys' in req ? req.keys.length : 0]);
      return table.mutate(req);
    } }));
    const store = new DexieStore(db);
    await store.commit({ instances: [at(instance('s0'), 1)], history: [event('s0', 1)], commands: [command('s0', 1, 'start')] });
    writes.length = 0;

    // When
    const ids = ['s1', 's2', 's3', 's4', 's5'];
    await Promise.all(ids.map((id) => store.commit({ instances: [at(instance(id), 1)], history: [event(id, 1), event(id, 2)], commands: [command(id, 1, 'start')] })));

    // Then
    const of = (table: string) => writes.filter(([name]) => name === table).map(([, type, n]) => `${type} ${n}`);
    expect(of('instances')).toEqual(['add 5']);
    expect(of('historyBatches')).toEqual(['add 5']);
    expect(of('commands')).toEqual(['add 5']);
    expect(of('audit')).toEqual(['add 5']);
    expect(of('variables')).toEqual(['put 5']);
    expect((await db.instances.orderBy('order').toArray()).map((r) => r.instanceId)).toEqual(['s0', ...ids]);
    expect((await store.loadHistory('s3')).map((e) => e.seq)).toEqual([1, 2]);
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { at, command, event, instance } from '../../host/test-support/store-contract';
import { freshDbs } from '../test-support/fresh-db';
import { DexieStore } from './dexie-store';
import { batchEvents } from './history-batches';

const fresh = freshDbs();

describe('DexieStore: history in batches (schema v3)', () => {
  it('given three commits of one instance, then each wrote one batch and a read after any seq gives exactly the later events', async () => {
    // Given
    const db = fresh();
    const store = new DexieStore(db);
    await store.commit({ instances: [at(instance('i1'), 1)], history: [event('i1', 1), event('i1', 2), event('i1', 3)], commands: [command('i1', 1, 'start')] });
    await store.commit({ instances: [at(instance('i1'), 2)], history: [event('i1', 4)], commands: [command('i1', 2, 'a')] });
    await store.commit({ instances: [at(instance('i1'), 3)], history: [event('i1', 5), event('i1', 6)], commands: [command('i1', 3, 'b')] });

    // Then
    expect((await db.historyBatches.toArray()).map((b) => [b.seq, b.last, batchEvents(b).length])).toEqual([[1, 3, 3], [4, 4, 1], [5, 6, 2]]);
    for (let after = 0; after <= 7; after++) {
      expect((await store.loadHistory('i1', after)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6].filter((s) => s > after));
    }
    expect((await db.instances.get('i1'))?.historySeq).toBe(6);
  });

  it('given stored events, when a commit brings one of them again in a new batch, then it is refused whole', async () => {
    const db = fresh();
    const store = new DexieStore(db);
    await store.commit({ instances: [instance('i1', { tasks: ['t1'] })], history: [event('i1', 1), event('i1', 2)] });

    const error = await store.commit({ instances: [instance('i1', { tasks: ['t2'] })], history: [event('i1', 2), event('i1', 3)] }).catch((e: unknown) => e);

    expect((error as Error).message).toBe('history event 2 of instance i1 is already stored; nothing was written');
    expect(await store.findInstanceByTask('t1')).toBe('i1');
    expect((await store.loadHistory('i1')).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('given a batch stored as objects (before ADR 0242) and one written now, then the new one is JSON text and the history reads both, in order, as did the export', async () => {
    // Given: an instance whose first commit was written by an earlier version (events as objects)
    const db = fresh();
    const store = new DexieStore(db);
    await store.commit({ instances: [at(instance('i1'), 1)], history: [event('i1', 1), event('i1', 2)], commands: [command('i1', 1, 'start')] });
    const first = await db.historyBatches.get(['i1', 1]);
    await db.historyBatches.put({ instanceId: 'i1', seq: 1, last: 2, events: batchEvents(first!) });

    // When
    await store.commit({ instances: [at(instance('i1'), 2)], history: [event('i1', 3)], commands: [command('i1', 2, 'a')] });

    // Then
    const rows = await db.historyBatches.toArray();
    expect(rows.map((b) => [b.seq, typeof b.eventsJson, Array.isArray(b.events)])).toEqual([[1, 'undefined', true], [3, 'string', false]]);
    expect(await store.loadHistory('i1')).toEqual([event('i1', 1), event('i1', 2), event('i1', 3)]);
    expect((await store.loadHistory('i1', 2)).map((e) => e.seq)).toEqual([3]);
  });
});

import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { testFeel } from '../engine/test-support/feel';
import { CountingIds, ManualClock } from '../host/clocks';
import { EngineHost } from '../host/engine-host';
import { FlowdeckDb } from './db';
import { DexieStore } from './engine/dexie-store';
import { newId } from './ids';
import { SCHEMA_VERSIONS } from './schema';
import v1 from './schema-v1.fixture.json';
import v2 from './schema-v2.fixture.json';
import { upgradeToV3 } from './upgrade-v3';

/*
 * The v2 -> v3 upgrade (ADR 0140) from a database written by the v2 code: `schema-v2.fixture.json`
 * holds the rows that code wrote for a `rounds` instance that completed after three rounds
 * (instance-1) and one still waiting at its second round (instance-2).
 */

type Rows = typeof v2.rows;
const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A browser that last ran v2: its rows written with a plain Dexie that knows only v1 and v2. */
async function createV2Database(name: string, edit?: (rows: Rows) => Rows): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores(v1.stores);
  old.version(2).stores(v2.stores);
  await old.open();
  const rows = edit ? edit(structuredClone(v2.rows)) : v2.rows;
  for (const [table, list] of Object.entries(rows)) await old.table(table).bulkAdd(list);
  old.close();
}

const historyOf = (id: string) => v2.rows.history.filter((e) => e.instanceId === id);
const pathOf = (id: string) => v2.rows.paths.filter((p) => p.instanceId === id).flatMap((p) => p.ids);

describe('schema v3: history batches, inline paths of ended instances', () => {
  it('given a database written by v2, when the current app opens it, then every history event is in one batch per instance, ended paths are inline, and the instances go on', async () => {
    // Given
    const name = `v2-${newId()}`;
    await createV2Database(name);

    // When
    const db = new FlowdeckDb(name);
    opened.push(db);
    const store = new DexieStore(db);

    // Then: nothing left per event; each instance's history reads back as it was written.
    expect(db.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version);
    expect(await db.history.count()).toBe(0);
    expect(await db.historyBatches.count()).toBe(2);
    for (const id of ['instance-1', 'instance-2']) {
      expect(await store.loadHistory(id)).toEqual(historyOf(id));
      expect(await store.loadHistory(id, 3)).toEqual(historyOf(id).filter((e) => e.seq > 3));
      expect((await db.instances.get(id))?.historySeq).toBe(Math.max(...historyOf(id).map((e) => e.seq)));
    }
    // The completed instance: path inline, its pieces gone; the running one keeps its pieces.
    expect(await db.instances.get('instance-1')).toMatchObject({ status: 'completed', pathInline: 1, pathPieces: 0, state: { path: pathOf('instance-1') } });
    expect(await db.paths.where('[instanceId+from]').between(['instance-1', 0], ['instance-1', Infinity]).count()).toBe(0);
    expect((await store.loadInstance('instance-2'))?.path).toEqual(pathOf('instance-2'));
    expect(await db.paths.count()).toBe(v2.rows.paths.filter((p) => p.instanceId === 'instance-2').length);
    // The new [status+suspended] index holds the upgraded rows.
    expect(await db.instances.where('[status+suspended]').equals(['active', 0]).primaryKeys()).toEqual(['instance-2']);

    // And: the waiting instance completes on the new schema; its new events follow the old ones.
    const host = await EngineHost.create({ store, clock: new ManualClock(Date.UTC(2026, 0, 2)), expressions: testFeel, ids: new CountingIds() });
    const done = await host.completeUserTask({ instanceId: 'instance-2', elementId: 'Round' }, { again: false });
    expect(done.status).toBe('completed');
    const history = await host.history('instance-2');
    expect(history.slice(0, historyOf('instance-2').length)).toEqual(historyOf('instance-2'));
    expect(history.map((e) => e.seq)).toEqual(history.map((_, i) => i + 1));
    expect(done.path.slice(0, pathOf('instance-2').length)).toEqual(pathOf('instance-2'));
    expect(done.path.at(-1)).toBe('End');
    expect(await db.paths.count()).toBe(0);
  });

  it('given a database half migrated (a batch already holds some events, the rows are still there), when the upgrade runs again, then no event is stored twice and nothing else changes', async () => {
    // Given: instance-1's first two events already in a batch, as a newer tab might have left them.
    const name = `half-${newId()}`;
    await createV2Database(name);
    const half = new Dexie(name);
    half.version(1).stores(v1.stores);
    half.version(2).stores(v2.stores);
    half.version(3).stores({ historyBatches: '[instanceId+seq]' });
    await half.open();
    const firstTwo = historyOf('instance-1').slice(0, 2);
    await half.table('historyBatches').put({ instanceId: 'instance-1', seq: 1, last: 2, events: firstTwo });
    await half.table('history').bulkPut(v2.rows.history);
    half.close();

    // When: the upgrade runs on it, and once more on its result (as a later version re-running it would).
    const db = new FlowdeckDb(name, [...SCHEMA_VERSIONS, { version: 4, stores: {}, upgrade: upgradeToV3 }]);
    opened.push(db);
    const once = { instances: await db.instances.toArray(), batches: await db.historyBatches.toArray() };
    db.close();
    const again = new FlowdeckDb(name, [...SCHEMA_VERSIONS, { version: 4, stores: {}, upgrade: upgradeToV3 }, { version: 5, stores: {}, upgrade: upgradeToV3 }]);
    opened.push(again);

    // Then
    expect(await new DexieStore(again).loadHistory('instance-1')).toEqual(historyOf('instance-1'));
    expect({ instances: await again.instances.toArray(), batches: await again.historyBatches.toArray() }).toEqual(once);
    expect(once.batches.filter((b) => b.instanceId === 'instance-1').map((b) => [b.seq, b.events?.length])).toEqual([[1, 2], [3, historyOf('instance-1').length - 2]]);
  });
});

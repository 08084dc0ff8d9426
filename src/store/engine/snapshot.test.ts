import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testFeel } from '../../engine/test-support/feel';
import { CountingIds, ManualClock, UniqueIds } from '../../host/clocks';
import { EngineHost } from '../../host/engine-host';
import { MemoryStore } from '../../host/memory-store';
import { StorageQuotaError } from '../errors';
import { freshDbs } from '../test-support/fresh-db';
import { failWritesWhen } from '../test-support/intercept';
import { listAudit } from './audit';
import { DexieStore } from './dexie-store';
import { exportEngineSnapshot } from './snapshot';
import { importEngineSnapshot } from './snapshot-import';

const XML = readFileSync(join(import.meta.dirname, 'catch-up.bpmn'), 'utf8');
const T0 = Date.UTC(2026, 0, 1);
const fresh = freshDbs();

describe('engine snapshots of the DexieStore', () => {
  it('given a full disk, when the data is exported, then the export works and another store continues every instance from it', async () => {
    // Given: instances on a DexieStore, then the disk fills up.
    const db = fresh();
    let full = false;
    failWritesWhen(db, () => full);
    const store = new DexieStore(db);
    const host = await EngineHost.create({ store, clock: new ManualClock(T0), expressions: testFeel, ids: new CountingIds() });
    await host.deploy(XML, 'catch-up.bpmn');
    const waiting = await host.startInstance('followUp', { variables: { customer: 'c-1' } });
    const done = await host.startInstance('followUp');
    await host.completeUserTask({ instanceId: done.instanceId, elementId: 'Call' });
    full = true;
    await expect(host.startInstance('followUp')).rejects.toBeInstanceOf(StorageQuotaError);

    // When
    const exported = JSON.parse(JSON.stringify(await exportEngineSnapshot(db)));

    // Then: the snapshot holds what was committed (not the refused start), and a MemoryStore runs on with it.
    expect(exported.instances.map((s: { instanceId: string }) => s.instanceId)).toEqual([waiting.instanceId, done.instanceId]);
    expect(exported.instances[1].path).toEqual(['Asked', 'Call', 'Done']);
    const memory = await MemoryStore.fromSnapshot(exported);
    const cli = await EngineHost.create({ store: memory, clock: new ManualClock(T0 + 2 * 3_600_000), expressions: testFeel, ids: new UniqueIds() });
    expect(await cli.history(waiting.instanceId)).toEqual(await store.loadHistory(waiting.instanceId));
    expect(await cli.timers.runDue()).toBe(1);
    expect(Object.values((await cli.getInstance(waiting.instanceId))?.tasks ?? {}).map((t) => t.elementId)).toEqual(['Escalate']);
  });

  it('given a snapshot, when it is imported into a fresh database, then it exports back equal, without audit entries for the imported commands; a second import is refused', async () => {
    const source = new DexieStore(fresh());
    const host = await EngineHost.create({ store: source, clock: new ManualClock(T0), expressions: testFeel, ids: new CountingIds() });
    await host.deploy(XML, 'catch-up.bpmn');
    await host.startInstance('followUp');
    const snapshot = JSON.parse(JSON.stringify(await exportEngineSnapshot(source.db)));

    const target = new DexieStore(fresh());
    await importEngineSnapshot(target.db, snapshot, { actor: () => 'importer' });

    expect(JSON.parse(JSON.stringify(await exportEngineSnapshot(target.db)))).toEqual(snapshot);
    expect((await listAudit(target.db)).map((a) => a.action)).toEqual(['deploy']);
    await expect(importEngineSnapshot(target.db, snapshot)).rejects.toThrow(/not empty/);
  });
});

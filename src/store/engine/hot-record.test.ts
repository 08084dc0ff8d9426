import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testFeel } from '../../engine/test-support/feel';
import { CountingIds, ManualClock, UniqueIds } from '../../host/clocks';
import { EngineHost } from '../../host/engine-host';
import { StoreConflictError } from '../../host/store-errors';
import { freshDbs } from '../test-support/fresh-db';
import { DexieStore } from './dexie-store';
import { MAX_PATH_PIECES } from './instance-write';

const XML = readFileSync(join(import.meta.dirname, 'hot-record.bpmn'), 'utf8');
const fresh = freshDbs();

describe('DexieStore: the hot record', () => {
  it('given an instance looping through 60 rounds, then its row stays the size of its live state while the path and history grow in their own tables', async () => {
    // Given
    const db = fresh();
    const store = new DexieStore(db);
    const host = await EngineHost.create({ store, clock: new ManualClock(0), expressions: testFeel, ids: new CountingIds() });
    await host.deploy(XML);
    const pi = await host.startInstance('rounds', { variables: { again: true } });
    const rowSize = async () => JSON.stringify(await db.instances.get(pi.instanceId)).length;
    const round = async () => host.completeUserTask({ instanceId: pi.instanceId, elementId: 'Round' }, { again: true });

    // When
    for (let i = 0; i < 10; i++) await round();
    const after10 = await rowSize();
    for (let i = 0; i < 50; i++) await round();
    const after60 = await rowSize();

    // Then: counters gain a digit or two, nothing more; the path is all there when loaded.
    expect(after60 - after10).toBeLessThan(16);
    const state = await store.loadInstance(pi.instanceId);
    expect(state?.path).toHaveLength(1 + 60 * 2);
    expect(state?.path.slice(0, 5)).toEqual(['Begin', 'Round', 'Again', 'Round', 'Again']);
    // 61 commits added to the path; it is compacted to one piece whenever it reaches MAX_PATH_PIECES.
    const pieces = await db.paths.where('[instanceId+from]').between([pi.instanceId, 0], [pi.instanceId, Infinity]).count();
    // Commits 1..32 add a piece each, the 33rd rewrites the path as one, commits 34..61 add 28 more.
    expect(MAX_PATH_PIECES).toBe(32);
    expect(pieces).toBe(29);
    expect((await db.instances.get(pi.instanceId))?.pathPieces).toBe(29);
    expect((await host.history(pi.instanceId)).length).toBeGreaterThan(60 * 5);
    const ended = await host.completeUserTask({ instanceId: pi.instanceId, elementId: 'Round' }, { again: false });
    expect(ended.status).toBe('completed');
  });
});

describe('DexieStore: two engines on one database (optimistic locking)', () => {
  it('given two tabs that both loaded an instance, when both complete its task, then the later commit gets a conflict, nothing of it is written, and the task completed once', async () => {
    // Given: tab B's commit waits until tab A has committed, so both worked from the same revision.
    const db = fresh();
    const a = await EngineHost.create({ store: new DexieStore(db), clock: new ManualClock(0), expressions: testFeel, ids: new CountingIds() });
    await a.deploy(XML);
    const pi = await a.startInstance('rounds', { variables: { again: true } });
    let aCommitted!: () => void;
    const aDone = new Promise<void>((resolve) => (aCommitted = resolve));
    class LateStore extends DexieStore {
      override async commit(changes: Parameters<DexieStore['commit']>[0]): Promise<void> {
        await aDone;
        return super.commit(changes);
      }
    }
    const b = await EngineHost.create({ store: new LateStore(db), clock: new ManualClock(0), expressions: testFeel, ids: new UniqueIds() });

    // When
    const fromB = b.completeUserTask({ instanceId: pi.instanceId, elementId: 'Round' }, { again: false, by: 'B' }).catch((e: unknown) => e);
    await a.completeUserTask({ instanceId: pi.instanceId, elementId: 'Round' }, { again: true, by: 'A' });
    aCommitted();
    const error = await fromB;

    // Then
    expect(error).toBeInstanceOf(StoreConflictError);
    expect(error).toMatchObject({ code: 'conflict', instanceId: pi.instanceId, expectedRevision: 1, actualRevision: 2 });
    const state = await a.getInstance(pi.instanceId);
    expect(state).toMatchObject({ status: 'active', variables: { by: 'A', again: true } });
    expect((await a.history(pi.instanceId)).filter((e) => e.type === 'taskCompleted')).toHaveLength(1);
    expect((await a.commandLog(pi.instanceId)).map((c) => c.command.type)).toEqual(['start', 'completeUserTask']);
  });
});

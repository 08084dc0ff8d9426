import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testFeel } from '../../engine/test-support/feel';
import { CountingIds, ManualClock } from '../../host/clocks';
import { EngineHost } from '../../host/engine-host';
import { freshDbs } from '../test-support/fresh-db';
import { DexieStore } from './dexie-store';

const XML = readFileSync(join(import.meta.dirname, 'catch-up.bpmn'), 'utf8');
const fresh = freshDbs();

describe('DexieStore under one host: group commit across operations', () => {
  it('given 8 starts fired at once on one host, then they share one readwrite transaction (the first does not go alone) and each is committed whole', async () => {
    // Given
    const db = fresh();
    const store = new DexieStore(db);
    const host = await EngineHost.create({ store, clock: new ManualClock(1000), expressions: testFeel, ids: new CountingIds() });
    await host.deploy(XML, 'catch-up.bpmn');
    const base = store.transactions;

    // When
    const started = await Promise.all(Array.from({ length: 8 }, (_, i) => host.startInstance('followUp', { variables: { customer: `c-${i}` } })));

    // Then
    expect(store.transactions - base).toBe(1);
    expect(await db.instances.count()).toBe(8);
    expect(await db.userTasks.count()).toBe(8);
    for (const s of started) expect((await store.loadHistory(s.instanceId)).length).toBe(s.seq);
  });

  it('given operations fired one after the other without waiting, then each still waits for the commit it builds on (start, then complete its task)', async () => {
    const db = fresh();
    const store = new DexieStore(db);
    const host = await EngineHost.create({ store, clock: new ManualClock(1000), expressions: testFeel, ids: new CountingIds() });
    await host.deploy(XML, 'catch-up.bpmn');

    const start = host.startInstance('followUp', { variables: { customer: 'c' } });
    const complete = host.completeUserTask({ instanceId: 'instance-1', elementId: 'Call' }, { reached: true });

    expect((await start).status).toBe('active');
    expect((await complete).status).toBe('completed');
    expect((await db.instances.get('instance-1'))?.revision).toBe(2);
  });
});

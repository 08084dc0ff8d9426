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

const XML = readFileSync(join(import.meta.dirname, 'messages.bpmn'), 'utf8');
const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;
const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await new FlowdeckDb(name).delete();
});

async function openTab(name: string, now: number, first = false) {
  const db = new FlowdeckDb(name);
  const host = await EngineHost.create({ store: new DexieStore(db), clock: new ManualClock(now), expressions: testFeel, ids: first ? new CountingIds() : new UniqueIds() });
  return { db, host };
}

describe('DexieStore: messages across a reload', () => {
  it('given waiting subscriptions, a buffered message and a message start lock, when the tab is reopened, then each is found in the database and the Zeebe rules still hold', async () => {
    // Given
    const name = `messages-${newId()}`;
    names.push(name);
    const before = await openTab(name, T0, true);
    await before.host.deploy(XML, 'messages.bpmn');
    const a = await before.host.startInstance('waiter', { variables: { key: 'a' } });
    const b = await before.host.startInstance('waiter', { variables: { key: 'b' } });
    expect((await before.host.messages.publish({ name: 'wake-up', correlationKey: 'c', variables: { early: true }, timeToLiveMs: 10 * MIN })).buffered).toBe(true);
    const started = await before.host.messages.publish({ name: 'start-it', correlationKey: 'k1' });
    expect(started.correlations).toHaveLength(1);
    before.db.close();

    // When
    const after = await openTab(name, T0 + MIN);
    const woke = await after.host.messages.publish({ name: 'wake-up', correlationKey: 'a' });
    const c = await after.host.startInstance('waiter', { variables: { key: 'c' } });
    const blocked = await after.host.messages.publish({ name: 'start-it', correlationKey: 'k1' });

    // Then
    expect(woke.correlations.map((x) => x.processInstanceId)).toEqual([a.instanceId]);
    expect((await after.host.getInstance(a.instanceId))?.status).toBe('completed');
    expect((await after.host.getInstance(b.instanceId))?.status).toBe('active');
    expect(c).toMatchObject({ status: 'completed', variables: { early: true } });
    expect(blocked).toMatchObject({ correlations: [], blockedStarts: ['starter'] });
    expect(await after.host.listInstances({ processId: 'starter' })).toHaveLength(1);

    // The lock goes with its instance: after its task is done, the key starts a new one.
    const [starter] = await after.host.listInstances({ processId: 'starter' });
    await after.host.completeUserTask({ instanceId: starter.instanceId, elementId: 's_work' });
    expect((await after.host.messages.publish({ name: 'start-it', correlationKey: 'k1' })).correlations).toHaveLength(1);
    expect(await after.host.listInstances({ processId: 'starter', status: 'active' })).toHaveLength(1);
    // The buffered message ends at its time to live (the scheduler was rebuilt from the database).
    expect(await after.host.timers.advance(10 * MIN)).toBe(1);
    expect(await after.host.messages.listBuffered()).toEqual([]);
    after.db.close();
  });
});

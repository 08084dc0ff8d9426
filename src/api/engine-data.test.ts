import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { MemoryStoreSnapshot } from '../host';
import { DexieStore, exportEngineSnapshot, importEngineSnapshot, type FlowdeckDb } from '../store';
import { freshDb } from '../store/test-support/fresh-db';
import { DexieCatalog } from './dexie-catalog';
import { dexieInstanceSource } from './dexie-instances';
import { isFailure, type ApiResult } from './errors';
import { apiOn } from './test-support/api-harness';

const WAIT_BPMN = readFileSync(new URL('./timers.bpmn', import.meta.url), 'utf8');
const opened: FlowdeckDb[] = [];
afterEach(async () => { for (const db of opened.splice(0)) await db.delete(); });

function data<T>(r: ApiResult<T>): T {
  if (isFailure(r)) throw new Error(`expected success, got ${r.error}: ${r.message}`);
  return r.data;
}

/** An engine as the worker builds it: Dexie store, `writeEngineData` through `importEngineSnapshot`. */
async function engine() {
  const db = freshDb();
  opened.push(db);
  const store = new DexieStore(db, { actor: () => 'ana' });
  const { api, host } = await apiOn(store, new DexieCatalog(db, () => 'ana'), undefined, dexieInstanceSource(db), {
    writeEngineData: (s) => importEngineSnapshot(db, s, { actor: () => 'ana' }),
  });
  return { db, api, host };
}

/** Two instances waiting on their hour's timer, as exported engine data (after a JSON trip). */
async function exportedData(): Promise<MemoryStoreSnapshot> {
  const source = await engine();
  data(await source.api.call('deployments.deploy', { kind: 'bpmn', name: 'wait.bpmn', source: WAIT_BPMN }));
  data(await source.api.call('instances.start', { processId: 'wait', businessKey: 'a' }));
  data(await source.api.call('instances.start', { processId: 'wait', businessKey: 'b' }));
  return JSON.parse(JSON.stringify(await exportEngineSnapshot(source.db)));
}

async function counts(db: FlowdeckDb) {
  return { instances: await db.instances.count(), deployments: await db.deployments.count(), history: await db.historyBatches.count() };
}

describe('engineData.import', () => {
  it('given exported engine data, when imported into an empty engine, then its instances are there and run on: their timers fire when due', async () => {
    const snapshot = await exportedData();
    const target = await engine();

    const r = await target.api.call('engineData.import', { data: snapshot });

    expect(data(r)).toEqual({ instances: 2, deployments: 1 });
    expect(r.message).toBe('imported 2 instances and 1 deployment');
    const list = data(await target.api.call('instances.list', {}));
    expect(list.items.map((i) => [i.businessKey, i.state]).sort()).toEqual([['a', 'active'], ['b', 'active']]);
    expect(await target.host.timers.advance(2 * 3600_000)).toBe(2);
    const after = data(await target.api.call('instances.list', { state: 'completed' }));
    expect(after.total).toBe(2);
    // The imported deployment is the engine's own: the next deploy of the same process is version 2.
    const next = data(await target.api.call('deployments.deploy', { kind: 'bpmn', name: 'wait.bpmn', source: WAIT_BPMN.replace('PT1H', 'PT2H') }));
    expect(next.versions).toEqual({ wait: 2 });
  });

  it('given an engine that holds a deployment, when data is imported, then it is refused and nothing is written', async () => {
    const snapshot = await exportedData();
    const target = await engine();
    data(await target.api.call('deployments.deploy', { kind: 'bpmn', name: 'wait.bpmn', source: WAIT_BPMN }));
    const before = await counts(target.db);

    const r = await target.api.call('engineData.import', { data: snapshot });

    expect(r).toMatchObject({ error: 'illegalState', message: expect.stringMatching(/already holds 1 deployment: engine data is imported into an empty engine only/) });
    expect(await counts(target.db)).toEqual(before);
  });

  it('given data whose history names an instance it does not hold, or whose instance runs a version it does not deploy, then each is refused naming the entry, nothing written', async () => {
    const snapshot = await exportedData();
    const target = await engine();
    const orphan = { ...snapshot, history: [...snapshot.history, { ...snapshot.history[0], instanceId: 'ghost', seq: 1 }] };
    const unversioned = { ...snapshot, instances: [{ ...snapshot.instances[0], processVersion: 7 }, snapshot.instances[1]] };

    const r1 = await target.api.call('engineData.import', { data: orphan });
    const r2 = await target.api.call('engineData.import', { data: unversioned });
    const r3 = await target.api.call('engineData.import', { data: { ...snapshot, instances: 'x' } as never });

    expect(r1).toMatchObject({ error: 'invalid', message: `data.history.${snapshot.history.length}: belongs to instance ghost, which the data does not hold` });
    expect(r2).toMatchObject({ error: 'invalid', message: expect.stringContaining('data.instances.0: instance') });
    expect(r2.message).toContain('runs wait version 7, which no deployment of the data gives');
    expect(r3).toMatchObject({ error: 'invalidRequest', message: expect.stringContaining('data.instances') });
    expect(await counts(target.db)).toEqual({ instances: 0, deployments: 0, history: 0 });
  });

  it('given data whose deployment does not compile, then it is refused naming the deployment, nothing written', async () => {
    const snapshot = await exportedData();
    const target = await engine();
    const broken = { ...snapshot, deployments: [{ ...snapshot.deployments[0], xml: '<not-bpmn' }] };

    const r = await target.api.call('engineData.import', { data: broken });

    expect(r).toMatchObject({ error: 'deployFailed', message: expect.stringContaining(`deployment ${snapshot.deployments[0].id} (wait.bpmn): not a BPMN 2.0 file`) });
    expect(await counts(target.db)).toEqual({ instances: 0, deployments: 0, history: 0 });
  });

  it('given a write that fails half-way (a history event of an unknown instance, past the API checks), then the deployments written before it in the same transaction are gone too', async () => {
    const snapshot = await exportedData();
    const db = freshDb();
    opened.push(db);
    const orphan = { ...snapshot, history: [...snapshot.history, { ...snapshot.history[0], instanceId: 'ghost', seq: 1 }] };

    await expect(importEngineSnapshot(db, orphan)).rejects.toThrow(/history event 1 belongs to unknown instance ghost/);

    expect(await counts(db)).toEqual({ instances: 0, deployments: 0, history: 0 });
    expect(await db.definitions.count()).toBe(0);
  });
});

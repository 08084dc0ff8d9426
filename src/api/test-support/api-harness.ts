import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { DmnDecisions, EngineHost, FeelExpressions, ManualClock, MemoryStore, type Store } from '../../host';
import { DexieStore, type FlowdeckDb } from '../../store';
import { freshDb } from '../../store/test-support/fresh-db';
import { DexieCatalog } from '../dexie-catalog';
import { dexieInstanceSource } from '../dexie-instances';
import type { InstanceSource } from '../instance-source';
import { MemoryCatalog } from '../memory-catalog';
import type { ApiPorts, DeploymentCatalog } from '../ports';
import { isFailure, type ApiResult } from '../errors';
import { EngineApi } from '../service';

/** A store kind to run the API specs on: its store, its catalog, and how a restarted host sees the same data. */
export interface StoreKind {
  name: string;
  make(): { store: Store; catalog: DeploymentCatalog; instances?: InstanceSource; restart(): Promise<{ store: Store; catalog: DeploymentCatalog }>; close(): Promise<void> };
}

export const STORE_KINDS: StoreKind[] = [
  {
    name: 'MemoryStore',
    make() {
      let store = new MemoryStore();
      return {
        store,
        catalog: new MemoryCatalog(store),
        // A restart reads a JSON copy of everything, as a reload of a persisted store would.
        async restart() {
          store = await MemoryStore.fromSnapshot(JSON.parse(JSON.stringify(store.snapshot())));
          return { store, catalog: new MemoryCatalog(store) };
        },
        close: async () => undefined,
      };
    },
  },
  {
    name: 'DexieStore (fake-indexeddb)',
    make() {
      const db: FlowdeckDb = freshDb();
      const store = new DexieStore(db, { actor: () => 'ana' });
      return {
        store,
        catalog: new DexieCatalog(db, () => 'ana'),
        instances: dexieInstanceSource(db),
        restart: async () => ({ store: new DexieStore(db, { actor: () => 'ana' }), catalog: new DexieCatalog(db, () => 'ana') }),
        close: () => db.delete(),
      };
    },
  },
];

export const ORDER_BPMN = readFileSync(new URL('../api.bpmn', import.meta.url), 'utf8');
export const DISCOUNT_DMN = readFileSync(new URL('../../host/fixtures/discount.dmn', import.meta.url), 'utf8');

/** The API over a fresh host on a virtual clock (at 2026-01-10); `more`: further ports (`writeEngineData`). */
export async function apiOn(store: Store, catalog: DeploymentCatalog, clock = new ManualClock(Date.UTC(2026, 0, 10)), instances?: InstanceSource, more: Pick<ApiPorts, 'writeEngineData'> = {}): Promise<{ api: EngineApi; host: EngineHost; clock: ManualClock }> {
  const decisions = new DmnDecisions();
  const host = await EngineHost.create({ store, clock, expressions: new FeelExpressions(), decisions });
  return { api: new EngineApi({ host, store, clock, catalog, decisions, instances, ...more }), host, clock };
}

/** The data of a success; a failure fails the test with its code and message. */
export function dataOf<T>(r: ApiResult<T>): T {
  if (isFailure(r)) throw new Error(`expected success, got ${r.error}: ${r.message}`);
  return r.data;
}

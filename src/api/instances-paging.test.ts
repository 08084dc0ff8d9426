import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { InstanceState } from '../engine';
import { EngineHost, FeelExpressions, ManualClock } from '../host';
import { instance } from '../host/test-support/store-contract';
import { DexieStore, type FlowdeckDb } from '../store';
import { freshDb } from '../store/test-support/fresh-db';
import { interceptTables } from '../store/test-support/intercept';
import { DexieCatalog } from './dexie-catalog';
import { dexieInstanceSource } from './dexie-instances';
import { EngineApi } from './service';

// instances.list on the workspace database answered from its indexes: only the page's rows are
// read, and the answer is the one the API gives by filtering and sorting every row itself.
const N = 2_000;
const dbs: FlowdeckDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('instances.list paged inside IndexedDB', () => {
  it(`given ${N.toLocaleString('en-US')} instances, when pages are listed, then each reads only its rows and equals the list filtered and sorted in memory`, { timeout: 120_000 }, async () => {
    // Given: start times with ties (10 instances per millisecond), two processes, some completed.
    const db = freshDb();
    dbs.push(db);
    const seen = { rowsRead: 0 };
    interceptTables(db, 'count-rows', (name, table) => name !== 'instances' ? table : {
      ...table,
      getMany: (req) => {
        seen.rowsRead += req.keys.length;
        return table.getMany(req);
      },
    });
    const store = new DexieStore(db);
    const states: InstanceState[] = Array.from({ length: N }, (_, n) => ({
      ...instance(`i${String(n).padStart(6, '0')}`), processId: n % 4 === 0 ? 'refund' : 'order', startedAt: Math.floor(n / 10),
      status: n % 7 === 0 ? 'completed' : 'active', suspended: n % 5 === 0 && n % 7 !== 0, endedAt: n % 7 === 0 ? 5000 + n : null, variables: { region: n % 2 ? 'EU' : 'US' },
    }));
    for (let i = 0; i < N; i += 500) await store.commit({ instances: states.slice(i, i + 500), history: [] });
    const clock = new ManualClock(0);
    const host = await EngineHost.create({ store, clock, expressions: new FeelExpressions() });
    const catalog = new DexieCatalog(db, () => 'ana');
    const indexed = new EngineApi({ host, store, clock, catalog, instances: dexieInstanceSource(db) });
    const inMemory = new EngineApi({ host, store, clock, catalog, instances: { rows: dexieInstanceSource(db).rows } });

    // When / Then
    const queries = [
      { page: 3, pageSize: 50 },
      { order: 'asc' as const, page: 7, pageSize: 100 },
      { processId: 'refund', state: 'completed' as const, page: 2, pageSize: 20 },
      { variable: { name: 'region', value: 'EU' }, startedFrom: 10, startedTo: 90, page: 1, pageSize: 40 },
      { state: 'active' as const, processId: 'order', page: 4, pageSize: 30 },
      { state: 'suspended' as const, order: 'asc' as const, page: 2, pageSize: 25 },
    ];
    for (const q of queries) {
      seen.rowsRead = 0;
      const fast = await indexed.call('instances.list', q);
      const read = seen.rowsRead;
      expect(fast).toEqual(await inMemory.call('instances.list', q));
      expect((fast as { data: { items: unknown[] } }).data.items).toHaveLength(q.pageSize);
      expect(read).toBe(q.pageSize);
    }
  });
});

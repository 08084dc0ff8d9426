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
  it(`given ${N.toLocaleString('en-US')} instances, when pages are listed by any sort key and filter, then each reads only its rows and equals the list filtered and sorted in memory`, { timeout: 120_000 }, async () => {
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
      // Reads of whole rows by range (toArray); key-only reads (values: false) are not rows.
      query: async (req) => {
        const r = await table.query(req);
        if (req.values) seen.rowsRead += r.result.length;
        return r;
      },
    });
    const store = new DexieStore(db);
    // Business keys with ties and blanks (every third has none), every eleventh with an incident.
    const states: InstanceState[] = Array.from({ length: N }, (_, n) => ({
      ...instance(`i${String(n).padStart(6, '0')}`, { incident: n % 11 === 0 }), processId: n % 4 === 0 ? 'refund' : 'order', startedAt: Math.floor(n / 10),
      businessKey: n % 3 === 0 ? null : `k-${n % 97}`,
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
      // The other sort keys (empty values last either way) and hasIncident: false.
      { sortBy: 'endedAt' as const, page: 1, pageSize: 50 },
      { sortBy: 'endedAt' as const, order: 'desc' as const, page: 7, pageSize: 50 },
      { sortBy: 'endedAt' as const, order: 'asc' as const, processId: 'order', page: 5, pageSize: 30 },
      { sortBy: 'businessKey' as const, order: 'desc' as const, page: 2, pageSize: 100 },
      { sortBy: 'businessKey' as const, order: 'asc' as const, page: 12, pageSize: 100 },
      { sortBy: 'businessKey' as const, order: 'asc' as const, state: 'active' as const, page: 1, pageSize: 60 },
      { sortBy: 'processId' as const, order: 'desc' as const, page: 3, pageSize: 70 },
      { sortBy: 'instanceId' as const, order: 'desc' as const, page: 4, pageSize: 50 },
      { sortBy: 'instanceId' as const, order: 'asc' as const, hasIncident: false, page: 2, pageSize: 50 },
      { hasIncident: false, processId: 'refund', page: 3, pageSize: 40 },
      { hasIncident: true, sortBy: 'businessKey' as const, page: 1, pageSize: 20 },
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

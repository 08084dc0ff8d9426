import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { InstanceState } from '../../engine';
import { instance } from '../../host/test-support/store-contract';
import type { FlowdeckDb } from '../db';
import { freshDbs } from '../test-support/fresh-db';
import { interceptTables } from '../test-support/intercept';
import { DexieStore } from './dexie-store';
import { queryInstances } from './instance-queries';

const fresh = freshDbs();

/** Twelve instances: i0..i11 started at 0, 10, 20...; every third completed; i4 broken; regions alternate. */
async function given(before: (db: FlowdeckDb) => void = () => {}) {
  const db = fresh();
  // Dexie middlewares must be in place before the database opens (the commit below opens it).
  before(db);
  const store = new DexieStore(db);
  const states: InstanceState[] = Array.from({ length: 12 }, (_, n) => {
    const s = instance(`i${n}`, { incident: n === 4 });
    return {
      ...s, processId: n < 8 ? 'order' : 'refund', processVersion: n < 4 ? 1 : 2, startedAt: n * 10, businessKey: n === 5 ? 'BK-5' : null,
      status: n % 3 === 0 ? 'completed' : 'active', endedAt: n % 3 === 0 ? 1000 - n : null, variables: { region: n % 2 === 0 ? 'EU' : 'US', n },
    };
  });
  await store.commit({ instances: states, history: [] });
  return db;
}

describe('queryInstances: the instance list from indexes', () => {
  it('given instances, then each filter and their combinations select the right ones, newest first by default', async () => {
    const db = await given();
    const ids = async (...args: Parameters<typeof queryInstances> extends [unknown, ...infer R] ? R : never) => (await queryInstances(db, ...args)).items.map((i) => i.instanceId);
    expect(await ids({ processId: 'order', status: 'active' })).toEqual(['i7', 'i5', 'i4', 'i2', 'i1']);
    expect(await ids({ processId: 'order', processVersion: 1 })).toEqual(['i3', 'i2', 'i1', 'i0']);
    expect(await ids({ businessKey: 'BK-5' })).toEqual(['i5']);
    expect(await ids({ withIncidents: true })).toEqual(['i4']);
    expect(await ids({ startedFrom: 30, startedTo: 50 })).toEqual(['i5', 'i4', 'i3']);
    expect(await ids({ endedFrom: 990, endedTo: 997 })).toEqual(['i9', 'i6', 'i3']);
    expect(await ids({ variables: { region: 'EU' }, processId: 'refund' })).toEqual(['i10', 'i8']);
    expect(await ids({ variables: { region: 'EU', n: 2 } })).toEqual(['i2']);
    expect(await ids({ status: 'completed' }, { sortBy: 'endedAt', direction: 'asc' })).toEqual(['i9', 'i6', 'i3', 'i0']);
    // Running instances have no end: they come after the ended ones.
    expect((await ids({ processId: 'order' }, { sortBy: 'endedAt', direction: 'asc' })).slice(0, 3)).toEqual(['i6', 'i3', 'i0']);
    expect(await ids({}, { sortBy: 'endedAt' })).toHaveLength(12);
  });

  it('given 12 instances, then pages of 5 give 5, 5 and 2 with the total, as summaries with null for empty keys', async () => {
    const db = await given();
    const pages = await Promise.all([1, 2, 3].map((page) => queryInstances(db, {}, { page, pageSize: 5, direction: 'asc' })));
    expect(pages.map((p) => p.items.map((i) => i.instanceId))).toEqual([['i0', 'i1', 'i2', 'i3', 'i4'], ['i5', 'i6', 'i7', 'i8', 'i9'], ['i10', 'i11']]);
    expect(pages.map((p) => p.total)).toEqual([12, 12, 12]);
    expect(pages[1].items[0]).toEqual({
      instanceId: 'i5', processId: 'order', processVersion: 2, status: 'active', suspended: false, businessKey: 'BK-5', parentId: null, startedAt: 50, endedAt: null, incidentCount: 0,
    });
    expect(pages[0].items[1].businessKey).toBeNull();
  });

  it('given a page of 3, then the instances table is read by keys only, and only the 3 rows of the page are read', async () => {
    const seen = { valueQueries: 0, cursors: 0, rowsRead: 0 };
    const db = await given((db) => interceptTables(db, 'watch-instances', (name, table) => name !== 'instances' ? table : {
      ...table,
      query: (req) => {
        if (req.values) seen.valueQueries++;
        return table.query(req);
      },
      openCursor: (req) => {
        if (req.values) seen.cursors++;
        return table.openCursor(req);
      },
      getMany: (req) => {
        seen.rowsRead += req.keys.length;
        return table.getMany(req);
      },
    }));
    expect(seen.rowsRead).toBeGreaterThan(0); // the commit's revision check was seen: the watch works
    Object.assign(seen, { valueQueries: 0, cursors: 0, rowsRead: 0 });
    const result = await queryInstances(db, { status: 'active', variables: { region: 'US' } }, { pageSize: 3 });
    expect(result.items.map((i) => i.instanceId)).toEqual(['i11', 'i7', 'i5']);
    expect(result.total).toBe(4);
    expect(seen).toEqual({ valueQueries: 0, cursors: 0, rowsRead: 3 });
  });

  it('given bad paging, then a clear error names the field', async () => {
    const db = await given();
    await expect(queryInstances(db, {}, { page: 0 })).rejects.toThrow('page must be a whole number from 1, not 0');
    await expect(queryInstances(db, {}, { pageSize: 5000 })).rejects.toThrow('pageSize must be a whole number from 1 to 1000, not 5000');
    await expect(queryInstances(db, { processVersion: 2 })).rejects.toThrow('processVersion needs processId');
  });
});

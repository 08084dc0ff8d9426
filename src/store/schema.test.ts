import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { FlowdeckDb } from './db';
import { applySchema, SCHEMA_VERSIONS, type SchemaVersion } from './schema';
import { newId } from './ids';
import { getFile, saveFileContent } from './files';
import { createVersion, listVersions } from './versions';
import v1 from './schema-v1.fixture.json';
import v2 from './schema-v2.fixture.json';
import v3 from './schema-v3.fixture.json';
import { DexieStore } from './engine/dexie-store';
import { event, instance } from '../host/test-support/store-contract';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** Writes the fixture's rows with a plain Dexie that knows only the v1 schema: a browser from back then. */
async function createV1Database(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores(v1.stores);
  await old.open();
  await old.table('projects').bulkAdd(v1.rows.projects);
  await old.table('files').bulkAdd(v1.rows.files);
  await old.table('versions').bulkAdd(v1.rows.versions);
  old.close();
}

describe('schema versions', () => {
  it('version 1 is kept exactly as shipped (versions are never edited in place)', () => {
    expect(SCHEMA_VERSIONS[0]).toEqual({ version: 1, stores: v1.stores });
  });

  it('version 2 (the engine tables) is kept exactly as shipped', () => {
    expect(SCHEMA_VERSIONS[1]).toEqual({ version: 2, stores: v2.stores });
  });

  it('version 3 (history batches) is kept exactly as shipped', () => {
    expect(SCHEMA_VERSIONS[2]).toMatchObject({ version: 3, stores: v3.stores });
  });

  it('given a database written by v1, when the current app opens it, then it is at the latest version with v1 rows intact and the engine tables empty and usable', async () => {
    const name = `legacy-engine-${newId()}`;
    await createV1Database(name);

    const db = new FlowdeckDb(name);
    opened.push(db);
    const store = new DexieStore(db);
    await store.commit({ instances: [instance('i1', { tasks: ['t1'] })], history: [event('i1', 1)] });

    expect(db.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version);
    expect(await db.files.toArray()).toEqual(v1.rows.files);
    expect(await db.versions.toArray()).toEqual(v1.rows.versions);
    expect(await store.findInstanceByTask('t1')).toBe('i1');
    expect(db.tables.map((t) => t.name).sort()).toEqual([...new Set([...Object.keys(v1.stores), ...Object.keys(v2.stores), ...Object.keys(v3.stores)])].sort());
  });

  it('given a database already upgraded to v2, when it is opened again, then nothing changes (the upgrade is idempotent)', async () => {
    const name = `twice-${newId()}`;
    await createV1Database(name);
    const first = new FlowdeckDb(name);
    await new DexieStore(first).commit({ instances: [instance('i1')], history: [event('i1', 1)] });
    const before = { instances: await first.instances.toArray(), files: await first.files.toArray() };
    first.close();

    const again = new FlowdeckDb(name);
    opened.push(again);
    expect({ instances: await again.instances.toArray(), files: await again.files.toArray() }).toEqual(before);
  });

  it('given a tab running this version, when a newer app upgrades the database in another tab, then this tab\'s engine store goes on committing and reading', async () => {
    const name = `newer-${newId()}`;
    const current = new FlowdeckDb(name);
    opened.push(current);
    const store = new DexieStore(current);
    await store.commit({ instances: [instance('i1')], history: [event('i1', 1)] });

    const newer = new FlowdeckDb(name, [...SCHEMA_VERSIONS, { version: SCHEMA_VERSIONS.length + 1, stores: { futureTable: 'id' } }]);
    await newer.open();
    newer.close();

    // Dexie closes the old connection on versionchange and reopens it on next use (Dexie 4 opens a newer database).
    await store.commit({ instances: [instance('i2', { tasks: ['t2'] })], history: [event('i2', 1)] });
    expect(await store.findInstanceByTask('t2')).toBe('i2');
    expect((await store.loadHistory('i1')).map((e) => e.seq)).toEqual([1]);
  });

  it('versions are strictly increasing; applySchema refuses any other order', () => {
    const numbers = SCHEMA_VERSIONS.map((v) => v.version);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(() => applySchema(new Dexie(`x-${newId()}`), [{ version: 2, stores: {} }, { version: 1, stores: {} }])).toThrow(/increase/);
  });

  it('given a database written by v1, when the current app opens it, then all rows are readable and writable', async () => {
    const name = `legacy-${newId()}`;
    await createV1Database(name);

    const db = new FlowdeckDb(name);
    opened.push(db);

    expect(await db.projects.toArray()).toEqual(v1.rows.projects);
    expect(await getFile(db, 'f1')).toEqual(v1.rows.files[0]);
    expect((await listVersions(db, 'f1')).map((v) => v.note)).toEqual(['shipped']);
    await saveFileContent(db, 'f1', '<new/>', 7);
    expect((await createVersion(db, 'f1', 'after upgrade')).number).toBe(2);
  });

  it('given a future upgrade, when it runs on rows it already migrated, then it leaves them unchanged (idempotent upgrades)', async () => {
    // The pattern every later version follows: derive, never accumulate.
    const next: SchemaVersion = {
      version: SCHEMA_VERSIONS.length + 1,
      stores: { files: 'id, projectId, [projectId+name], kind, updatedAt, nameLower' },
      upgrade: async (tx) => {
        await tx.table('files').toCollection().modify((f: { name: string; nameLower?: string }) => {
          f.nameLower = f.name.toLowerCase();
        });
      },
    };
    const name = `future-${newId()}`;
    await createV1Database(name);
    // Simulate a half-migrated database: one row already carries the new field.
    const half = new Dexie(name);
    half.version(1).stores(v1.stores);
    await half.table('files').update('f1', { nameLower: 'old process' });
    half.close();

    const db = new FlowdeckDb(name, [...SCHEMA_VERSIONS, next]);
    opened.push(db);

    const files = await db.table('files').toArray();
    expect(files).toEqual([{ ...v1.rows.files[0], nameLower: 'old process' }]);
    expect(await db.table('files').where('nameLower').equals('old process').count()).toBe(1);
    expect(db.verno).toBe(SCHEMA_VERSIONS.length + 1);
  });
});

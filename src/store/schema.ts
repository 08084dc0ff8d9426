import type { Dexie, Transaction } from 'dexie';

/**
 * One schema version of the `flowdeck` database. Versions are kept here forever and only ever
 * appended: a browser that last opened version 1 months ago must still upgrade step by step.
 * `upgrade` must be idempotent (it may meet rows it already migrated, e.g. rows written by a newer
 * tab in a previous attempt) and must not depend on code that later versions change.
 */
export interface SchemaVersion {
  version: number;
  /** Dexie store specs: primary key first, then indexes. `null` deletes a table. */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * The history of the workspace schema.
 *
 * v1: projects, files (indexed by project and by project+name), versions (by file and
 * file+number, so the changelog reads in order and the next number is one index lookup).
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      projects: 'id, name, updatedAt',
      files: 'id, projectId, [projectId+name], kind, updatedAt',
      versions: 'id, fileId, [fileId+number]',
    },
  },
];

/** Declares `versions` on a Dexie instance, in order. Exported for the upgrade tests. */
export function applySchema(db: Dexie, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): void {
  let previous = 0;
  for (const v of versions) {
    if (v.version <= previous) throw new Error(`Schema versions must increase: ${v.version} after ${previous}`);
    previous = v.version;
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}

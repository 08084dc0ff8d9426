import type { DBCoreTable } from 'dexie';
import type { FlowdeckDb } from '../db';

/**
 * Puts a Dexie DBCore middleware in front of every table of `db`: `wrap` gets each table's
 * low-level interface and returns the one the store will use (to fail writes as a full disk does,
 * or to count reads).
 */
export function interceptTables(db: FlowdeckDb, name: string, wrap: (tableName: string, table: DBCoreTable) => DBCoreTable): void {
  db.use({ stack: 'dbcore', name, create: (down) => ({ ...down, table: (tableName) => wrap(tableName, down.table(tableName)) }) });
}

/** Makes every write of `db` fail with the browser's `QuotaExceededError` while `full()` says so (reads go on). */
export function failWritesWhen(db: FlowdeckDb, full: () => boolean): void {
  interceptTables(db, 'full-disk', (_name, table) => ({
    ...table, mutate: (req) => (full() ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : table.mutate(req)),
  }));
}

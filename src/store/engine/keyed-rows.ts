import type { EntityTable, Table } from 'dexie';
import type { CounterRow } from './rows';
import type { WriteBuffer } from './write-buffer';

/*
 * The diff behind every indexed projection of an instance (jobs, tasks, timers, incidents,
 * variables): rows the new state no longer holds are deleted, rows that changed are put, and rows
 * that stayed the same are not written at all (an IndexedDB write costs far more than comparing
 * two small JSON values).
 */

/** `before` and `after` by key; returns the writes (gathered in `buffer`, issued when it flushes) as promises. */
export function syncRows<Row, Key>(
  buffer: WriteBuffer,
  table: Table<Row, Key>,
  before: ReadonlyMap<string, { key: Key; row: Row }>,
  after: ReadonlyMap<string, { key: Key; row: Row }>,
): Promise<unknown>[] {
  const removed: Key[] = [];
  for (const [id, b] of before) if (!after.has(id)) removed.push(b.key);
  const changed: Row[] = [];
  for (const [id, a] of after) {
    const b = before.get(id);
    if (!b || JSON.stringify(b.row) !== JSON.stringify(a.row)) changed.push(a.row);
  }
  const ops: Promise<unknown>[] = [];
  if (removed.length > 0) ops.push(buffer.delete(table, removed));
  if (changed.length > 0) ops.push(buffer.put(table as Table<Row>, changed));
  return ops;
}

/** Reserves `count` consecutive numbers of the counter `name` (inside the caller's transaction). */
export async function reserve(counters: EntityTable<CounterRow, 'name'>, name: string, count: number): Promise<number> {
  const row = await counters.get(name);
  const first = (row?.value ?? 0) + 1;
  await counters.put({ name, value: first + count - 1 });
  return first;
}

/** A key taken twice in an append-only table (a commit applied twice, a version deployed twice): names the first such entry; the transaction aborts. */
export function alreadyStored(error: unknown, what: string, labels: string[]): never {
  const failures = (error as { failuresByPos?: Record<number, Error> }).failuresByPos;
  const first = failures ? Number(Object.keys(failures)[0]) : NaN;
  if (Number.isNaN(first)) throw error;
  throw storedTwice(what, labels[first]);
}

/** The error of an append-only row whose key is taken (`label` names it). */
export function storedTwice(what: string, label: string): Error {
  return new Error(`${what} ${label} is already stored; nothing was written`);
}

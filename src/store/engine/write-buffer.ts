import type { Table } from 'dexie';

/**
 * Why a row was refused (its own failure, e.g. a `ConstraintError`, and its index among the rows
 * its caller gave): returns or throws the error the caller should see.
 */
export type RowFailure = (failure: Error, index: number) => unknown;

type Op = 'delete' | 'put' | 'add';

interface Part {
  start: number;
  count: number;
  onFailure?: RowFailure;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Group {
  table: Table;
  op: Op;
  items: unknown[];
  parts: Part[];
}

/**
 * The writes of the commits of one group commit, gathered per table and operation and issued as
 * one bulk request each ({@link flush}), instead of one request per commit and table: each Dexie
 * call has a cost of its own (promises, its transaction zone, its liveQuery bookkeeping), paid
 * here once per table per group rather than once per instance (ADR 0241).
 * Only for writes whose order against the other commits' writes does not matter: rows of
 * different keys. A commit touching what an earlier one of the group touched waits for a flush
 * (see ./batch-apply.ts), so a key is never written twice in one flush.
 * Each caller's promise settles with its own rows: a refused row rejects its caller with the
 * error `onFailure` makes of it; the transaction aborts, so nothing of the group is written.
 *
 * @example
 * const buffer = new WriteBuffer();
 * const written = buffer.add(db.commands, records, (_f, i) => new Error(`command ${records[i].n} is already stored`));
 * buffer.flush(); // inside the transaction: one bulkAdd for every caller's command records
 * await written;
 */
export class WriteBuffer {
  private groups = new Map<string, Group>();

  add<Row>(table: Table<Row>, rows: readonly Row[], onFailure?: RowFailure): Promise<void> {
    return this.queue(table, 'add', rows, onFailure);
  }

  put<Row>(table: Table<Row>, rows: readonly Row[]): Promise<void> {
    return this.queue(table, 'put', rows);
  }

  delete<Key>(table: Table<unknown, Key>, keys: readonly Key[]): Promise<void> {
    return this.queue(table as Table, 'delete', keys);
  }

  /** Issues every gathered write (deletes, then puts, then adds of each table), in the caller's transaction. */
  flush(): void {
    const groups = [...this.groups.values()];
    this.groups = new Map();
    for (const g of groups) {
      const request = g.op === 'add' ? g.table.bulkAdd(g.items) : g.op === 'put' ? g.table.bulkPut(g.items) : g.table.bulkDelete(g.items);
      request.then(() => { for (const p of g.parts) p.resolve(); }, (error: unknown) => settleFailed(g.parts, error));
    }
  }

  private queue(table: Table, op: Op, items: readonly unknown[], onFailure?: RowFailure): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    const id = `${op} ${table.name}`;
    let group = this.groups.get(id);
    if (!group) this.groups.set(id, (group = { table, op, items: [], parts: [] }));
    const start = group.items.length;
    for (const item of items) group.items.push(item);
    const parts = group.parts;
    return new Promise<void>((resolve, reject) => { parts.push({ start, count: items.length, onFailure, resolve, reject }); });
  }
}

/** A bulk request failed: each caller with a refused row gets its own error, the others settle (the transaction aborts anyway). */
function settleFailed(parts: readonly Part[], error: unknown): void {
  const byPos = (error as { failuresByPos?: Record<number, Error> }).failuresByPos;
  if (!byPos) {
    for (const p of parts) p.reject(error);
    return;
  }
  for (const p of parts) {
    let first: number | undefined;
    for (let i = p.start; i < p.start + p.count && first === undefined; i++) if (byPos[i]) first = i;
    if (first === undefined) p.resolve();
    else if (!p.onFailure) p.reject(byPos[first]);
    else {
      // Called now, in the transaction's zone: it may still read in the transaction (a stored revision for the message).
      try {
        Promise.resolve(p.onFailure(byPos[first], first - p.start)).then(p.reject, p.reject);
      } catch (mapped) {
        p.reject(mapped);
      }
    }
  }
}

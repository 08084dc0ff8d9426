import { Dexie, type Transaction } from 'dexie';

/*
 * The upgrade from schema v2 to v3 (docs/adr/0140), frozen: it works on the row shapes as they were
 * at v3, declared here, so later changes to engine/rows.ts cannot change what it does.
 */

interface Event {
  instanceId: string;
  seq: number;
}

interface Batch {
  instanceId: string;
  seq: number;
  last: number;
  events: Event[];
}

interface Row {
  instanceId: string;
  status: string;
  pathLength: number;
  pathPieces?: number;
  pathInline?: 1;
  historySeq?: number;
  state: { path: string[] };
}

/** Instances migrated per round: bounds what the upgrade holds in memory at once. */
const CHUNK = 200;

/**
 * Moves each instance's per-event `history` rows into `historyBatches` (one batch holding the events
 * no batch holds yet), records the highest stored seq in the hot row (`historySeq`), and puts the
 * completed path of ended instances back inline in their row (their `paths` rows deleted).
 * Idempotent: it derives everything from the rows present, skips events a batch already holds, and
 * a second run finds no `history` or ended-instance `paths` rows left to move.
 */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const instances = tx.table<Row, string>('instances');
  const ids = (await instances.toCollection().primaryKeys()) as string[];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await instances.bulkGet(ids.slice(i, i + CHUNK));
    await Promise.all(rows.map((row) => (row ? migrateInstance(tx, row) : undefined)));
  }
  // Events of no instance could never be read (a commit refuses them); nothing else is left.
  await tx.table('history').clear();
}

async function migrateInstance(tx: Transaction, row: Row): Promise<void> {
  const id = row.instanceId;
  const range = <T>(name: string) => tx.table<T>(name).where(name === 'paths' ? '[instanceId+from]' : '[instanceId+seq]').between([id, Dexie.minKey], [id, Dexie.maxKey]);
  const [events, batches, pieces] = await Promise.all([
    range<Event>('history').toArray(),
    range<Batch>('historyBatches').toArray(),
    row.status !== 'active' && !row.pathInline ? range<{ ids: string[] }>('paths').toArray() : Promise.resolve(undefined),
  ]);
  const held = new Set<number>();
  for (const b of batches) for (const e of b.events) held.add(e.seq);
  const moved = events.filter((e) => !held.has(e.seq));
  const writes: Promise<unknown>[] = [];
  if (moved.length > 0) {
    writes.push(tx.table('historyBatches').put({ instanceId: id, seq: moved[0].seq, last: moved[moved.length - 1].seq, events: moved }));
  }
  if (events.length > 0) writes.push(range('history').delete());
  let historySeq = row.historySeq ?? 0;
  for (const b of batches) historySeq = Math.max(historySeq, b.last);
  if (moved.length > 0) historySeq = Math.max(historySeq, moved[moved.length - 1].seq);
  let next: Row = { ...row, historySeq };
  if (pieces !== undefined) {
    const path: string[] = [];
    for (const p of pieces) for (const e of p.ids) path.push(e);
    next = { ...next, pathInline: 1, pathPieces: 0, pathLength: path.length, state: { ...row.state, path } };
    if (pieces.length > 0) writes.push(range('paths').delete());
  }
  writes.push(tx.table('instances').put(next));
  await Promise.all(writes);
}

import type { StoreCommit } from '../../host/store';
import { expectedRevisions, StoreConflictError } from '../../host/store-errors';
import type { FlowdeckDb } from '../db';
import { auditRowsOf, type Actor } from './audit';
import { writeInstance } from './instance-write';
import { alreadyStored } from './keyed-rows';
import { checkMessageStartLocks, writeMessages, writeSubscriptions } from './message-write';

/** Every table a commit may write: a commit transaction spans them all, so none is left out by mistake. */
export const COMMIT_TABLES = [
  'instances', 'paths', 'variables', 'jobs', 'timers', 'subscriptions', 'bufferedMessages', 'messageStartLocks', 'startTimers',
  'userTasks', 'incidents', 'history', 'commands', 'audit', 'counters',
] as const;

/**
 * Applies one {@link StoreCommit} inside the caller's readwrite transaction over {@link COMMIT_TABLES}
 * (audit rows from its commands unless `actor` is null: a restore).
 * Reads and checks come first (instance revisions, the owners of history events, message start
 * locks); a failed check throws, which aborts the whole transaction, so nothing of it (nor of the
 * other commits sharing the transaction) is written.
 */
export async function applyCommit(db: FlowdeckDb, changes: StoreCommit, actor: Actor | null): Promise<void> {
  const ids = changes.instances.map((s) => s.instanceId);
  const inCommit = new Set(ids);
  const others = [...new Set(changes.history.map((e) => e.instanceId).filter((id) => !inCommit.has(id)))];
  // All reads at once: each awaited request is a turn of the event loop inside the transaction.
  const [previous, owners, counter] = await Promise.all([
    db.instances.bulkGet(ids),
    others.length > 0 ? db.instances.bulkGet(others) : [],
    ids.length > 0 ? db.counters.get('instances') : undefined,
    checkMessageStartLocks(db, changes),
  ]);

  const expected = expectedRevisions(changes.instances, changes.commands);
  changes.instances.forEach((state, i) => {
    const base = expected.get(state.instanceId);
    const actual = previous[i]?.revision ?? 0;
    if (base !== undefined && base !== actual) throw new StoreConflictError(state.instanceId, base, actual);
  });
  others.forEach((id, i) => {
    if (!owners[i]) {
      const seq = changes.history.find((e) => e.instanceId === id)?.seq;
      throw new Error(`history event ${seq} belongs to unknown instance ${id}`);
    }
  });

  const writes: Promise<unknown>[] = [];
  const fresh = previous.filter((row) => row === undefined).length;
  let order = (counter?.value ?? 0) + 1;
  if (fresh > 0) writes.push(db.counters.put({ name: 'instances', value: order + fresh - 1 }));
  changes.instances.forEach((state, i) => {
    const row = previous[i];
    writes.push(...writeInstance(db, state, row, row?.order ?? order++, expected.has(state.instanceId)));
  });
  // One after the other: each reserves subscription order numbers from the same counter.
  writes.push(changes.instances.reduce<Promise<void>>((chain, state, i) => chain.then(() => writeSubscriptions(db, state, previous[i]?.state)), Promise.resolve()));
  if (changes.history.length > 0) {
    writes.push(db.history.bulkAdd(changes.history).catch((error: unknown) => alreadyStored(error, 'history event', changes.history.map((e) => `${e.seq} of instance ${e.instanceId}`))));
  }
  if (changes.commands?.length) {
    const commands = changes.commands;
    writes.push(db.commands.bulkAdd(commands).catch((error: unknown) => alreadyStored(error, 'command log entry', commands.map((c) => `${c.n} of instance ${c.instanceId}`))));
  }
  const audit = actor ? auditRowsOf(changes.commands ?? [], actor) : [];
  if (audit.length > 0) writes.push(db.audit.bulkAdd(audit));
  writes.push(writeStartTimers(db, changes), writeMessages(db, changes));
  await Promise.all(writes);
}

async function writeStartTimers(db: FlowdeckDb, changes: StoreCommit): Promise<void> {
  for (const processId of changes.replaceStartTimersOf ?? []) await db.startTimers.where('processId').equals(processId).delete();
  // In order: a commit may move one timer start event twice.
  for (const t of changes.startTimers ?? []) {
    if (t.dueAt === null) await db.startTimers.delete(t.key);
    else await db.startTimers.put(t);
  }
}

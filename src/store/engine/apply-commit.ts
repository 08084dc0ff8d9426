import type { CommandRecord, HistoryEvent, InstanceState } from '../../engine';
import { numberCommands, orderAfterRestore } from '../../host/command-order';
import type { StoreCommit } from '../../host/store';
import { expectedRevisions, StoreConflictError } from '../../host/store-errors';
import type { FlowdeckDb } from '../db';
import { auditRowsOf, type Actor } from './audit';
import { freshCounters, type CommitCounters } from './cached-counter';
import { writeInstance } from './instance-write';
import { storedTwice } from './keyed-rows';
import { checkMessageStartLocks, writeMessages, writeSubscriptions } from './message-write';
import { historyBatchRow } from './history-batches';
import type { InstanceRow } from './rows';
import { WriteBuffer } from './write-buffer';

/** Every table a commit may write: a commit transaction spans them all, so none is left out by mistake. */
export const COMMIT_TABLES = [
  'instances', 'paths', 'variables', 'jobs', 'timers', 'subscriptions', 'bufferedMessages', 'messageStartLocks', 'startTimers',
  'userTasks', 'incidents', 'historyBatches', 'commands', 'audit', 'counters',
] as const;

/**
 * Applies one {@link StoreCommit} inside the caller's readwrite transaction over {@link COMMIT_TABLES}
 * (audit rows from its commands unless `actor` is null: a restore). `counter` carries the instance
 * order counter across the commits of one transaction (default: read it here).
 * Reads and checks come first (instance revisions, the owners of history events and that none of
 * them is stored yet, message start locks); a failed check throws, which aborts the whole transaction, so nothing of it (nor of the
 * other commits sharing the transaction) is written.
 */
export async function applyCommit(db: FlowdeckDb, changes: StoreCommit, actor: Actor | null, counters: CommitCounters = freshCounters(), batch?: BatchTurn): Promise<void> {
  const counter = counters.instances;
  const commandCounter = counters.commands;
  const commands = changes.commands ?? [];
  const ids = changes.instances.map((s) => s.instanceId);
  const inCommit = new Set(ids);
  const others = [...new Set(changes.history.map((e) => e.instanceId).filter((id) => !inCommit.has(id)))];
  const expected = expectedRevisions(changes.instances, changes.commands);
  // A new instance (expected revision 0) is not read: it is added, and `add` fails on a stored one (the conflict).
  const created = ids.map((id) => expected.get(id) === 0);
  const read = ids.filter((_, i) => !created[i]);
  // All reads at once: each awaited request is a turn of the event loop inside the transaction.
  // Nothing to read (new instances, counters known: a start in a group commit): no turn at all,
  // so the commit issues its writes in the caller's turn (each await in a Dexie transaction has a cost).
  const needs = read.length > 0 || others.length > 0 || (ids.length > 0 && !counter.known) || (commands.length > 0 && !commandCounter.known) || Boolean(changes.messageStartLocks?.length);
  const [stored0, owners, counterRow, commandRow] = !needs ? NOTHING_READ : await Promise.all([
    read.length > 0 ? db.instances.bulkGet(read) : [],
    others.length > 0 ? db.instances.bulkGet(others) : [],
    ids.length > 0 && !counter.known ? db.counters.get('instances') : undefined,
    commands.length > 0 && !commandCounter.known ? db.counters.get('commands') : undefined,
    checkMessageStartLocks(db, changes),
  ]);
  if (ids.length > 0 && !counter.known) counter.adopt(counterRow?.value ?? 0);
  if (commands.length > 0 && !commandCounter.known) commandCounter.adopt(commandRow?.value ?? 0);
  const byId = new Map(read.map((id, i) => [id, stored0[i]]));
  const previous = ids.map((id) => byId.get(id));

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
  const batches = historyBatches(changes);
  const stored = new Map<string, InstanceRow | undefined>();
  ids.forEach((id, i) => stored.set(id, previous[i]));
  others.forEach((id, i) => stored.set(id, owners[i]));
  for (const b of batches.values()) {
    const first = b.events.find((e) => e.seq <= (stored.get(b.instanceId)?.historySeq ?? 0));
    if (first) throw new Error(`history event ${first.seq} of instance ${b.instanceId} is already stored; nothing was written`);
  }

  const writes: Promise<unknown>[] = [];
  // The group's buffer: the rows of every commit of the group go out as one request per table.
  const buffer = batch?.buffer ?? new WriteBuffer();
  const fresh = previous.filter((row) => row === undefined).length;
  let order = ids.length > 0 ? counter.take(db, fresh, writes) : 0;
  changes.instances.forEach((state, i) => {
    const row = previous[i];
    const seq = Math.max(row?.historySeq ?? 0, batches.get(state.instanceId)?.last ?? 0);
    writes.push(...writeInstance(db, buffer, state, row, row?.order ?? order++, expected.has(state.instanceId), seq, created[i]));
  });
  // Events of an instance outside the commit (rare: a restore): its row learns their last seq.
  others.forEach((id, i) => {
    const b = batches.get(id);
    if (b && owners[i]) writes.push(db.instances.put({ ...(owners[i] as InstanceRow), historySeq: Math.max(owners[i]?.historySeq ?? 0, b.last) }));
  });
  // One after the other: each reserves subscription order numbers from the same counter.
  if (changes.instances.some((state, i) => hasSubscriptions(state) || hasSubscriptions(previous[i]?.state))) {
    const subscriptions = () => changes.instances.reduce<Promise<void>>((chain, state, i) => chain.then(() => writeSubscriptions(db, state, previous[i]?.state)), Promise.resolve());
    writes.push(batch ? batch.serial(subscriptions) : subscriptions());
  }
  if (batches.size > 0) {
    const rows = [...batches.values()].map((b) => historyBatchRow(b.instanceId, b.seq, b.last, b.events));
    writes.push(buffer.add(db.historyBatches, rows, (_failure, i) => storedTwice('history event', `${rows[i].seq} of instance ${rows[i].instanceId}`)));
  }
  if (commands.length > 0) {
    // The store-wide order of command records (ADR 0250), numbered from the counter in memory
    // (taken now, in commit order); a restore (no actor) keeps the records' own and moves it past them.
    let numbered: readonly CommandRecord[] = commands;
    if (actor === null) commandCounter.moveTo(orderAfterRestore(commands, commandCounter.value ?? 0), db, writes);
    else numbered = numberCommands(commands, commandCounter.take(db, commands.length, writes) - 1).records;
    writes.push(buffer.add(db.commands, numbered as CommandRecord[], (_failure, i) => storedTwice('command log entry', `${commands[i].n} of instance ${commands[i].instanceId}`)));
  }
  const audit = actor ? auditRowsOf(commands, actor) : [];
  if (audit.length > 0) writes.push(buffer.add(db.audit, audit));
  if (usesSideTables(changes)) writes.push(writeStartTimers(db, changes), writeMessages(db, changes));
  if (batch) batch.issued();
  else buffer.flush();
  const failed = (await Promise.allSettled(writes)).filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  // A new instance's id already taken is the cause; its command log entry taken too is a consequence.
  if (failed.length > 0) throw (failed.find((r) => r.reason instanceof StoreConflictError) ?? failed[0]).reason;
}

const NOTHING_READ: [InstanceRow[], InstanceRow[], undefined, undefined] = [[], [], undefined, undefined];

function hasSubscriptions(state: InstanceState | undefined): boolean {
  if (!state) return false;
  for (const _key in state.subscriptions) return true;
  return false;
}

/** The commit writes the message buffer, message start locks or timer start events (tables with reads and reservations of their own). */
export function usesSideTables(c: StoreCommit): boolean {
  return Boolean(c.startTimers?.length || c.replaceStartTimersOf?.length || c.messages?.length || c.removeMessages?.length
    || c.messageStartLocks?.length || c.releaseMessageStartLocks?.length);
}

/** How a commit shares its transaction with the others of a group commit (see ./batch-apply.ts). */
export interface BatchTurn {
  /** Called once every request of the commit that is not chained has been issued: the next commit may start. */
  issued(): void;
  /** Runs `work` after the chained work of the earlier commits (counter reservations), in commit order. */
  serial<T>(work: () => Promise<T>): Promise<T>;
  /** Where the commit's rows go; the batch flushes it (before a commit that must see them, and at its end). */
  buffer: WriteBuffer;
}

/** One instance's events of a commit, before they become a row. */
interface PendingBatch {
  instanceId: string;
  seq: number;
  last: number;
  events: HistoryEvent[];
}

/** The commit's history as one batch per instance, its events in the order the commit has them. */
function historyBatches(changes: StoreCommit): Map<string, PendingBatch> {
  const out = new Map<string, PendingBatch>();
  for (const e of changes.history) {
    const b = out.get(e.instanceId);
    if (!b) out.set(e.instanceId, { instanceId: e.instanceId, seq: e.seq, last: e.seq, events: [e] });
    else {
      b.events.push(e);
      if (e.seq < b.seq) b.seq = e.seq;
      if (e.seq > b.last) b.last = e.seq;
    }
  }
  return out;
}

async function writeStartTimers(db: FlowdeckDb, changes: StoreCommit): Promise<void> {
  for (const processId of changes.replaceStartTimersOf ?? []) await db.startTimers.where('processId').equals(processId).delete();
  // In order: a commit may move one timer start event twice.
  for (const t of changes.startTimers ?? []) {
    if (t.dueAt === null) await db.startTimers.delete(t.key);
    else await db.startTimers.put(t);
  }
}

import type { StoreCommit } from '../../host/store';
import { StoreConflictError } from '../../host/store-errors';
import type { FlowdeckDb } from '../db';
import { applyCommit, usesSideTables } from './apply-commit';
import type { Actor } from './audit';
import type { CommitCounters } from './cached-counter';
import { WriteBuffer } from './write-buffer';

/**
 * Applies the commits of a group commit inside the caller's one readwrite transaction, without
 * waiting for each one's writes before the next begins: IndexedDB runs a transaction's requests
 * in the order they were made, so a commit whose requests are all issued after the earlier
 * commits' writes sees them. What must wait still waits: the subscription counter reservations
 * (read, then write) run one after the other in commit order; a commit touching an instance an
 * earlier commit of the batch touched, or the message, lock or timer start tables (reads and
 * reservations of their own), waits until every earlier commit is written.
 * The hot rows, derived rows, history, command and audit rows of commits that do not wait go
 * out together: one bulk request per table (see {@link WriteBuffer}).
 * The instance and command counters are written once per batch (both deferred).
 * A failure rejects (the transaction aborts, nothing of the batch is written), naming a revision
 * conflict before any consequence of it.
 */
export async function applyBatch(db: FlowdeckDb, batch: ReadonlyArray<{ changes: StoreCommit; actor: Actor | null }>, counters: CommitCounters): Promise<void> {
  const done: Promise<void>[] = [];
  const touched = new Set<string>();
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
  const buffer = new WriteBuffer();
  for (const { changes, actor } of batch) {
    const ids = [...changes.instances.map((s) => s.instanceId), ...changes.history.map((e) => e.instanceId)];
    if (done.length > 0 && (usesSideTables(changes) || ids.some((id) => touched.has(id)))) {
      buffer.flush();
      await settle(done);
    }
    for (const id of ids) touched.add(id);
    let issuedNow = false;
    let resolveStarted = (): void => undefined;
    const started = new Promise<void>((resolve) => { resolveStarted = resolve; });
    const commit = applyCommit(db, changes, actor, counters, { issued: () => { issuedNow = true; resolveStarted(); }, serial, buffer });
    done.push(commit);
    // A commit with nothing to read has issued its writes already: no turn to wait for.
    // A commit refused by its checks issues nothing: the next one goes on (the batch fails anyway).
    if (!issuedNow) await Promise.race([started, commit.then(() => undefined, () => undefined)]);
  }
  // Every commit has issued its writes: one bulk request per table for all of them.
  buffer.flush();
  // Every commit has taken its numbers: one write per counter for the whole batch.
  for (const c of [counters.instances, counters.commands]) {
    const written = c.flush(db);
    if (written) done.push(written.then(() => undefined));
  }
  await settle(done);
}

/** Waits for every commit; throws the first failure (a revision conflict first: the others may be its consequence). */
async function settle(done: readonly Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(done)).filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed.length > 0) throw (failed.find((r) => r.reason instanceof StoreConflictError) ?? failed[0]).reason;
}

import type { InstanceState } from '../../engine';
import type { StoreCommit } from '../../host/store';
import type { FlowdeckDb } from '../db';
import type { SubscriptionRow } from './rows';
import { reserve } from './keyed-rows';

/*
 * The message side of a commit, as the MemoryStore's `memory-store-messages.ts` keeps it in maps:
 * open subscriptions indexed by (kind, name, correlation key) in first-commit order, the message
 * buffer in publication order, and the message start locks. Runs inside the commit's transaction.
 */

/**
 * Brings the subscription rows of `state` in step: only opened or closed ones move, so one that
 * stays open keeps its place (oldest first). Conditional subscriptions are not indexed.
 */
export async function writeSubscriptions(db: FlowdeckDb, state: InstanceState, previous: InstanceState | undefined): Promise<void> {
  const open = state.status === 'active' ? state.subscriptions : {};
  const before = previous && previous.status === 'active' ? previous.subscriptions : {};
  const gone = Object.keys(before).filter((key) => !open[key] && before[key].kind !== 'conditional');
  const added = Object.keys(open).filter((key) => !before[key] && open[key].kind !== 'conditional');
  if (gone.length > 0) await db.subscriptions.bulkDelete(gone);
  if (added.length === 0) return;
  const first = await reserve(db.counters, 'subscriptions', added.length);
  const rows: SubscriptionRow[] = added.map((key, i) => {
    const sub = open[key];
    const kind = sub.kind as 'message' | 'signal';
    return {
      key, instanceId: state.instanceId, kind, name: sub.name, correlationKey: kind === 'message' ? (sub.correlationKey ?? '') : '',
      order: first + i, subscription: { ...sub, processId: state.processId },
    };
  });
  await db.subscriptions.bulkPut(rows);
}

/**
 * Throws (before anything is written) when a commit would give one (process, key) two lock
 * holders; the same rule and message as the MemoryStore.
 */
export async function checkMessageStartLocks(db: FlowdeckDb, changes: StoreCommit): Promise<void> {
  const locks = changes.messageStartLocks ?? [];
  if (locks.length === 0) return;
  const released = new Set(changes.releaseMessageStartLocks ?? []);
  const stored = await db.messageStartLocks.bulkGet(locks.map((l) => [l.processId, l.correlationKey] as [string, string]));
  const taken = new Map<string, string>();
  locks.forEach((lock, i) => {
    const key = `${lock.processId}\u0000${lock.correlationKey}`;
    const holder = taken.get(key) ?? stored[i]?.instanceId;
    if (holder !== undefined && holder !== lock.instanceId && !released.has(holder)) {
      throw new Error(`message start lock ${lock.processId}/${lock.correlationKey} is held by instance ${holder}, not ${lock.instanceId}`);
    }
    taken.set(key, lock.instanceId);
  });
}

/** Buffered messages (new ones at the end of the buffer, changed ones in place), removals, lock releases and takes. */
export async function writeMessages(db: FlowdeckDb, changes: StoreCommit): Promise<void> {
  const messages = changes.messages ?? [];
  if (messages.length > 0) {
    const existing = await db.bufferedMessages.bulkGet(messages.map((m) => m.key));
    const fresh = existing.filter((e) => e === undefined).length;
    let next = fresh > 0 ? await reserve(db.counters, 'bufferedMessages', fresh) : 0;
    await db.bufferedMessages.bulkPut(messages.map((m, i) => ({ ...m, order: existing[i]?.order ?? next++ })));
  }
  if (changes.removeMessages?.length) await db.bufferedMessages.bulkDelete(changes.removeMessages);
  for (const instanceId of changes.releaseMessageStartLocks ?? []) {
    await db.messageStartLocks.where('instanceId').equals(instanceId).delete();
  }
  for (const lock of changes.messageStartLocks ?? []) {
    // One lock per instance (a unique index): a newer take by the same instance replaces its old one.
    await db.messageStartLocks.where('instanceId').equals(lock.instanceId).delete();
    await db.messageStartLocks.put(lock);
  }
}

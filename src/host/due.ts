import type { Command, InstanceState } from '../engine';
import type { DueItem } from './scheduler';
import type { BufferedMessage, Store, StoreCommit } from './store';

/**
 * What of an instance falls due at a time, read from its state (timers, asynchronous continuations,
 * the end of a job's lock or retry backoff), and the command that fires each. The scheduler is an
 * index over these: after every commit the host re-reads the instances it wrote, and a starting
 * host reads them all, so locks and backoffs resume after a restart.
 */
export function dueItemsOf(state: InstanceState): DueItem[] {
  if (state.status !== 'active') return [];
  const out: DueItem[] = [];
  for (const key in state.timers) out.push({ key, at: state.timers[key].dueAt, kind: 'timer', instanceId: state.instanceId });
  // Asynchronous continuations: due at once, each run in an operation (and a commit) of its own.
  const continuations = state.continuations ?? {};
  for (const key in continuations) out.push({ key, at: continuations[key].dueAt, kind: 'async', instanceId: state.instanceId });
  // Jobs of the external task pattern: a lock that runs out, a retry backoff that ends.
  for (const key in state.jobs) {
    const job = state.jobs[key];
    if (job.state === 'activated' && job.lockExpiresAt !== null) out.push({ key: `${LOCK}${key}`, at: job.lockExpiresAt, kind: 'jobLock', instanceId: state.instanceId });
    else if (job.state === 'backoff' && job.retryAt !== null) out.push({ key: `${BACKOFF}${key}`, at: job.retryAt, kind: 'jobBackoff', instanceId: state.instanceId });
  }
  return out;
}

/** The command that fires `item` in its instance. */
export function commandFor(item: DueItem): Command {
  switch (item.kind) {
    case 'timer':
      return { type: 'timerFired', timerKey: item.key, dueAt: item.at };
    case 'async':
      return { type: 'continueAsync', key: item.key };
    case 'jobLock':
      return { type: 'jobLockExpired', jobKey: item.key.slice(LOCK.length) };
    case 'jobBackoff':
      return { type: 'jobBackoffEnded', jobKey: item.key.slice(BACKOFF.length) };
    default:
      throw new Error(`no instance command fires a ${item.kind} item`);
  }
}

const LOCK = 'lock:';
const BACKOFF = 'backoff:';

/*
 * Host-level items: what falls due outside any instance (a buffered message's time to live ends).
 * They are read from the store's own records, not from instance states; the module that owns a
 * kind fires it (`TimerDriver.onDue`).
 */

/** The end of a buffered message's time to live: the scheduler drops the message then. */
export function messageTtlItem(message: BufferedMessage): DueItem {
  return { key: `ttl:${message.key}`, at: message.expiresAt, kind: 'messageTtl', instanceId: null };
}

/** The buffered message a `messageTtl` item belongs to. */
export function messageKeyOf(item: DueItem): string {
  return item.key.slice('ttl:'.length);
}

/** The host-level items a commit adds and the keys it withdraws. */
export function hostDueChanges(changes: StoreCommit): { add: DueItem[]; remove: string[] } {
  return {
    add: (changes.messages ?? []).map(messageTtlItem),
    remove: (changes.removeMessages ?? []).map((key) => `ttl:${key}`),
  };
}

/** Every host-level item the store holds (a starting host schedules them). */
export async function loadHostDueItems(store: Store): Promise<DueItem[]> {
  return (await store.listBufferedMessages()).map(messageTtlItem);
}

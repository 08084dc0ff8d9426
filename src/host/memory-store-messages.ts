import type { InstanceState } from '../engine';
import type { BufferedMessage, MessageStartLock, StoreCommit, StoredSubscription } from './store';

/*
 * The MemoryStore's message side: an index of open message and signal subscriptions by (kind,
 * name, correlation key), kept in step with each committed instance state; the message buffer in
 * publication order per (name, correlation key); the message start locks by (process, key) and by
 * instance. A Dexie store keeps the same as indexed tables.
 */

const SEP = '\u0000';
const subIndexKey = (kind: string, name: string, correlationKey: string | null | undefined) =>
  kind === 'message' ? `m${SEP}${name}${SEP}${correlationKey ?? ''}` : `s${SEP}${name}`;

export class MemoryMessageIndex {
  /** Index key -> subscription key -> subscription, in the order they were first committed. */
  private readonly subs = new Map<string, Map<string, StoredSubscription>>();
  /** Instance id -> its indexed subscription keys -> index key. */
  private readonly subsOf = new Map<string, Map<string, string>>();
  private readonly messages = new Map<string, BufferedMessage>();
  /** `${name}\0${correlationKey}` -> message keys in publication order. */
  private readonly queues = new Map<string, string[]>();
  private readonly locks = new Map<string, MessageStartLock>();
  private readonly lockOfInstance = new Map<string, string>();

  snapshot(): { bufferedMessages: BufferedMessage[]; messageStartLocks: MessageStartLock[] } {
    return { bufferedMessages: this.allBuffered(), messageStartLocks: [...this.locks.values()] };
  }

  /** Throws (before anything changes) when a commit would give one (process, key) two lock holders. */
  validate(changes: StoreCommit): void {
    if (changes.messageStartLocks === undefined || changes.messageStartLocks.length === 0) return;
    const released = new Set(changes.releaseMessageStartLocks ?? []);
    const taken = new Map<string, string>();
    for (const lock of changes.messageStartLocks ?? []) {
      const key = `${lock.processId}${SEP}${lock.correlationKey}`;
      const holder = taken.get(key) ?? this.locks.get(key)?.instanceId;
      if (holder !== undefined && holder !== lock.instanceId && !released.has(holder)) {
        throw new Error(`message start lock ${lock.processId}/${lock.correlationKey} is held by instance ${holder}, not ${lock.instanceId}`);
      }
      taken.set(key, lock.instanceId);
    }
  }

  /** Re-indexes the open subscriptions of a committed state: only what was opened or closed moves. */
  indexSubscriptions(state: InstanceState): void {
    const before = this.subsOf.get(state.instanceId);
    const open = state.status === 'active' ? state.subscriptions : {};
    if (before) {
      for (const [key, indexKey] of before) {
        if (open[key]) continue;
        this.subs.get(indexKey)?.delete(key);
        before.delete(key);
      }
    }
    let mine = before;
    for (const key in open) {
      const sub = open[key];
      if (sub.kind === 'conditional' || mine?.has(key)) continue;
      const indexKey = subIndexKey(sub.kind, sub.name, sub.correlationKey);
      let bucket = this.subs.get(indexKey);
      if (!bucket) this.subs.set(indexKey, (bucket = new Map()));
      bucket.set(key, { ...sub, processId: state.processId });
      if (!mine) this.subsOf.set(state.instanceId, (mine = new Map()));
      mine.set(key, indexKey);
    }
    if (mine && mine.size === 0) this.subsOf.delete(state.instanceId);
  }

  apply(changes: StoreCommit): void {
    for (const m of changes.messages ?? []) {
      if (!this.messages.has(m.key)) {
        const q = `${m.name}${SEP}${m.correlationKey}`;
        const list = this.queues.get(q);
        if (list) list.push(m.key);
        else this.queues.set(q, [m.key]);
      }
      this.messages.set(m.key, m);
    }
    for (const key of changes.removeMessages ?? []) {
      const m = this.messages.get(key);
      if (!m) continue;
      this.messages.delete(key);
      const q = `${m.name}${SEP}${m.correlationKey}`;
      const list = this.queues.get(q) ?? [];
      list.splice(list.indexOf(key), 1);
      if (list.length === 0) this.queues.delete(q);
    }
    for (const instanceId of changes.releaseMessageStartLocks ?? []) {
      const key = this.lockOfInstance.get(instanceId);
      if (key === undefined) continue;
      this.lockOfInstance.delete(instanceId);
      if (this.locks.get(key)?.instanceId === instanceId) this.locks.delete(key);
    }
    for (const lock of changes.messageStartLocks ?? []) {
      const key = `${lock.processId}${SEP}${lock.correlationKey}`;
      this.locks.set(key, lock);
      this.lockOfInstance.set(lock.instanceId, key);
    }
  }

  subscriptions(kind: 'message' | 'signal', name: string, correlationKey?: string): StoredSubscription[] {
    return [...(this.subs.get(subIndexKey(kind, name, correlationKey))?.values() ?? [])];
  }

  buffered(name: string, correlationKey: string): BufferedMessage[] {
    return (this.queues.get(`${name}${SEP}${correlationKey}`) ?? []).map((k) => this.messages.get(k) as BufferedMessage);
  }

  message(key: string): BufferedMessage | undefined {
    return this.messages.get(key);
  }

  allBuffered(): BufferedMessage[] {
    return [...this.queues.values()].flat().map((k) => this.messages.get(k) as BufferedMessage);
  }

  lock(processId: string, correlationKey: string): MessageStartLock | undefined {
    return this.locks.get(`${processId}${SEP}${correlationKey}`);
  }

  lockOf(instanceId: string): MessageStartLock | undefined {
    const key = this.lockOfInstance.get(instanceId);
    return key === undefined ? undefined : this.locks.get(key);
  }
}

import type { InstanceState } from '../../engine';
import type { BufferedMessage, MessageStartLock, Store, StoreCommit, StoredSubscription } from '../store';
import type { HostTransaction, TransactionModule } from '../transaction';
import type { CascadeCut } from './types';

const SEP = '\u0000';
const subKey = (kind: string, name: string, correlationKey: string | null | undefined) =>
  kind === 'message' ? `m${SEP}${name}${SEP}${correlationKey ?? ''}` : `s${SEP}${name}`;
const lockKey = (processId: string, correlationKey: string) => `${processId}${SEP}${correlationKey}`;

/**
 * The message side of one transaction: what the store holds, overlaid with this transaction's own
 * uncommitted changes (instances it stepped, messages it buffered or dropped, locks it took or
 * released), so a message published and a subscription opened in the same operation meet. At
 * commit it adds its changes to the store commit.
 */
export class MessageTxView implements TransactionModule {
  /** Subscriptions of the instances this transaction stepped (they override the store's). */
  private readonly subs = new Map<string, Map<string, StoredSubscription>>();
  private readonly subsOf = new Map<string, string[]>();
  private mark = 0;
  private readonly puts = new Map<string, BufferedMessage>();
  private readonly removed = new Set<string>();
  private readonly lockPuts = new Map<string, MessageStartLock>();
  private readonly released = new Set<string>();
  /** Cascade bookkeeping: how deep in a chain of throws each instance was last reached. */
  readonly depthOf = new Map<string, number>();
  throws = 0;
  readonly cuts: CascadeCut[] = [];

  constructor(
    private readonly tx: HostTransaction,
    private readonly store: Store,
  ) {}

  static of(tx: HostTransaction, store: Store): MessageTxView {
    return tx.module('messages', () => new MessageTxView(tx, store));
  }

  /** Open subscriptions for (kind, name[, key]) as this transaction sees them, oldest first. */
  async subscriptions(kind: 'message' | 'signal', name: string, correlationKey?: string): Promise<StoredSubscription[]> {
    this.refresh();
    const stored = await this.store.findSubscriptions(kind, name, correlationKey);
    const out = stored.filter((s) => !this.subsOf.has(s.processInstanceId));
    const mine = this.subs.get(subKey(kind, name, correlationKey));
    if (mine) out.push(...mine.values());
    // Stable: among subscriptions of the same time, the store's order, then this transaction's.
    return out.sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Buffered messages for (name, key), oldest first, expired ones included (callers check `expiresAt`). */
  async buffered(name: string, correlationKey: string): Promise<BufferedMessage[]> {
    const stored = await this.store.findBufferedMessages(name, correlationKey);
    const known = new Set<string>();
    const out: BufferedMessage[] = [];
    for (const m of stored) {
      known.add(m.key);
      if (!this.removed.has(m.key)) out.push(this.puts.get(m.key) ?? m);
    }
    for (const m of this.puts.values()) {
      if (!known.has(m.key) && m.name === name && m.correlationKey === correlationKey) out.push(m);
    }
    return out;
  }

  async message(key: string): Promise<BufferedMessage | undefined> {
    if (this.removed.has(key)) return undefined;
    return this.puts.get(key) ?? (await this.store.loadBufferedMessage(key));
  }

  putMessage(message: BufferedMessage): void {
    this.puts.set(message.key, message);
  }

  removeMessage(key: string): void {
    this.puts.delete(key);
    this.removed.add(key);
  }

  /** The lock on (process, key), if its holder is still active as this transaction sees it. */
  async lock(processId: string, correlationKey: string): Promise<MessageStartLock | undefined> {
    const lock = this.lockPuts.get(lockKey(processId, correlationKey)) ?? (await this.store.findMessageStartLock(processId, correlationKey));
    if (!lock || this.released.has(lock.instanceId)) return undefined;
    const holder = this.tx.held(lock.instanceId);
    // The holder ended earlier in this operation; its release is queued behind the current effect.
    return holder && holder.status !== 'active' ? undefined : lock;
  }

  async lockOf(instanceId: string): Promise<MessageStartLock | undefined> {
    if (this.released.has(instanceId)) return undefined;
    for (const lock of this.lockPuts.values()) if (lock.instanceId === instanceId) return lock;
    return this.store.findMessageStartLockOf(instanceId);
  }

  takeLock(lock: MessageStartLock): void {
    this.lockPuts.set(lockKey(lock.processId, lock.correlationKey), lock);
  }

  releaseLock(lock: MessageStartLock): void {
    this.released.add(lock.instanceId);
    const key = lockKey(lock.processId, lock.correlationKey);
    if (this.lockPuts.get(key)?.instanceId === lock.instanceId) this.lockPuts.delete(key);
  }

  contribute(changes: StoreCommit): boolean {
    const locks = [...this.lockPuts.values()].filter((l) => !this.released.has(l.instanceId));
    if (this.puts.size > 0) changes.messages = [...this.puts.values()];
    if (this.removed.size > 0) changes.removeMessages = [...this.removed];
    if (locks.length > 0) changes.messageStartLocks = locks;
    if (this.released.size > 0) changes.releaseMessageStartLocks = [...this.released];
    return this.puts.size > 0 || this.removed.size > 0 || locks.length > 0 || this.released.size > 0;
  }

  /** Re-reads the subscriptions of the instances stepped since the last lookup. */
  private refresh(): void {
    const stepped = new Set(this.tx.steppedSince(this.mark));
    this.mark = this.tx.stepCount;
    for (const id of stepped) this.reindex(this.tx.held(id) as InstanceState);
  }

  private reindex(state: InstanceState): void {
    for (const key of this.subsOf.get(state.instanceId) ?? []) {
      const [indexKey, sub] = key.split('\u0001');
      this.subs.get(indexKey)?.delete(sub);
    }
    const keys: string[] = [];
    if (state.status === 'active') {
      for (const key in state.subscriptions) {
        const sub = state.subscriptions[key];
        if (sub.kind === 'conditional') continue;
        const indexKey = subKey(sub.kind, sub.name, sub.correlationKey);
        let bucket = this.subs.get(indexKey);
        if (!bucket) this.subs.set(indexKey, (bucket = new Map()));
        bucket.set(key, { ...sub, processId: state.processId });
        keys.push(`${indexKey}\u0001${key}`);
      }
    }
    this.subsOf.set(state.instanceId, keys);
  }
}

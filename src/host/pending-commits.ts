import type { CommandRecord, HistoryEvent, InstanceState, Job } from '../engine';
import type {
  BufferedMessage, DeploymentRecord, InstanceQuery, MessageStartLock, StartTimerRecord, Store, StoreCommit, StoredSubscription,
} from './store';

/*
 * Group commit across host operations (docs/adr/0141). The host runs the work of its operations
 * one at a time, but does not wait for one operation's commit before the next one's work starts:
 * commits queued while one is being written share the store's next transaction (the DexieStore's
 * GroupCommitter; each commit stays whole and is refused alone). So that no operation builds on
 * what is not committed yet, every read of the store waits first: a read of an instance (its
 * state, history, command log) for the pending commits that touch it, any other read (index
 * lookups, lists) for all of them.
 */

/** The host's commits not yet settled (written, refused, or failed), with the instances each touches. */
export class PendingCommits {
  /** Each pending commit with the instances it touches: one id (the usual commit), or a set. */
  private readonly pending = new Map<Promise<void>, string | ReadonlySet<string>>();

  /** Registers `done` (settles after the commit and its listeners) for the instances `changes` touches. */
  track(changes: StoreCommit, done: Promise<unknown>): void {
    const touched = touchedBy(changes);
    // One promise per commit, which removes itself once settled (a start is a hot path).
    const settle = () => {
      this.pending.delete(settled);
    };
    const settled: Promise<void> = done.then(settle, settle);
    this.pending.set(settled, touched);
  }

  /** Settles when every commit pending now that touches `instanceId` has settled. */
  forInstance(instanceId: string): Promise<void> | undefined {
    let waits: Promise<void>[] | undefined;
    for (const [p, touched] of this.pending) {
      if (typeof touched === 'string' ? touched === instanceId : touched.has(instanceId)) (waits ??= []).push(p);
    }
    return waits && Promise.all(waits).then(() => undefined);
  }

  /** Settles when every commit pending now has settled. */
  all(): Promise<void> | undefined {
    return this.pending.size > 0 ? Promise.all(this.pending.keys()).then(() => undefined) : undefined;
  }

  get size(): number {
    return this.pending.size;
  }
}

/** The instances a commit touches: its one id when it touches one (the usual commit), else a set (maybe empty). */
function touchedBy(changes: StoreCommit): string | ReadonlySet<string> {
  const first = changes.instances[0]?.instanceId ?? changes.history[0]?.instanceId;
  let many: Set<string> | undefined;
  for (const s of changes.instances) if (s.instanceId !== first) (many ??= new Set()).add(s.instanceId);
  for (const e of changes.history) if (e.instanceId !== first) (many ??= new Set()).add(e.instanceId);
  if (first === undefined) return NONE;
  if (many === undefined) return first;
  many.add(first);
  return many;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The order of a host's operations: their work runs one at a time, in the order they were asked
 * for; a pipelined operation's commit settles while the next one's work runs.
 */
export class OperationQueue {
  readonly pending = new PendingCommits();
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `work` after the work of everything queued before it (their commits may be pending). */
  inOrder<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Runs `work` after everything queued before it and after all pending commits have settled. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    return this.inOrder(async () => {
      const wait = this.pending.all();
      if (wait) await wait;
      return work();
    });
  }

  /**
   * Runs `work` in order; it returns the commit it started (`committed`, settling after the commit
   * and its listeners) without waiting for it, so the next operation's work starts meanwhile. The
   * result comes once that commit is done (or its error if it was refused).
   */
  pipelined<T>(work: () => Promise<{ result: T; changes: StoreCommit; committed: Promise<void> }>): Promise<T> {
    const worked = this.inOrder(async () => {
      const w = await work();
      this.pending.track(w.changes, w.committed);
      return w;
    });
    return worked.then((w) => w.committed.then(() => w.result));
  }
}

/**
 * The host's view of its store: every read waits for the pending commits it could see (see
 * above); commits go straight through. Reads that find nothing pending cost no extra turn.
 */
export class BarrierStore implements Store {
  constructor(
    private readonly inner: Store,
    private readonly pending: PendingCommits,
  ) {}

  private async afterInstance<T>(instanceId: string, read: () => Promise<T>): Promise<T> {
    const wait = this.pending.forInstance(instanceId);
    if (wait) await wait;
    return read();
  }

  private async afterAll<T>(read: () => Promise<T>): Promise<T> {
    const wait = this.pending.all();
    if (wait) await wait;
    return read();
  }

  loadInstance(instanceId: string): Promise<InstanceState | undefined> {
    return this.afterInstance(instanceId, () => this.inner.loadInstance(instanceId));
  }

  loadHistory(instanceId: string, afterSeq?: number): Promise<HistoryEvent[]> {
    return this.afterInstance(instanceId, () => this.inner.loadHistory(instanceId, afterSeq));
  }

  loadCommands(instanceId: string): Promise<CommandRecord[]> {
    return this.afterInstance(instanceId, () => this.inner.loadCommands(instanceId));
  }

  commit(changes: StoreCommit): Promise<void> {
    return this.inner.commit(changes);
  }

  findInstanceByJob(jobKey: string): Promise<string | undefined> {
    return this.afterAll(() => this.inner.findInstanceByJob(jobKey));
  }

  findAvailableJobs(type: string, now: number, limit: number): Promise<Job[]> {
    return this.afterAll(() => this.inner.findAvailableJobs(type, now, limit));
  }

  findInstanceByTask(taskId: string): Promise<string | undefined> {
    return this.afterAll(() => this.inner.findInstanceByTask(taskId));
  }

  listInstances(query?: InstanceQuery): Promise<InstanceState[]> {
    return this.afterAll(() => this.inner.listInstances(query));
  }

  saveDeployment(record: DeploymentRecord): Promise<void> {
    return this.afterAll(() => this.inner.saveDeployment(record));
  }

  listDeployments(): Promise<DeploymentRecord[]> {
    return this.afterAll(() => this.inner.listDeployments());
  }

  listStartTimers(): Promise<StartTimerRecord[]> {
    return this.afterAll(() => this.inner.listStartTimers());
  }

  findSubscriptions(kind: 'message' | 'signal', name: string, correlationKey?: string): Promise<StoredSubscription[]> {
    return this.afterAll(() => this.inner.findSubscriptions(kind, name, correlationKey));
  }

  findBufferedMessages(name: string, correlationKey: string): Promise<BufferedMessage[]> {
    return this.afterAll(() => this.inner.findBufferedMessages(name, correlationKey));
  }

  loadBufferedMessage(key: string): Promise<BufferedMessage | undefined> {
    return this.afterAll(() => this.inner.loadBufferedMessage(key));
  }

  listBufferedMessages(): Promise<BufferedMessage[]> {
    return this.afterAll(() => this.inner.listBufferedMessages());
  }

  findMessageStartLock(processId: string, correlationKey: string): Promise<MessageStartLock | undefined> {
    return this.afterAll(() => this.inner.findMessageStartLock(processId, correlationKey));
  }

  findMessageStartLockOf(instanceId: string): Promise<MessageStartLock | undefined> {
    return this.afterAll(() => this.inner.findMessageStartLockOf(instanceId));
  }
}

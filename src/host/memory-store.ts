import type { CommandRecord, HistoryEvent, InstanceState, Job } from '../engine';
import type {
  BufferedMessage, DeploymentRecord, InstanceQuery, MessageStartLock, StartTimerRecord, Store, StoreCommit, StoredSubscription,
} from './store';
import { numberCommands, orderAfterRestore } from './command-order';
import { MemoryJobIndex } from './memory-store-jobs';
import { MemoryMessageIndex } from './memory-store-messages';
import { expectedRevisions, StoreConflictError } from './store-errors';

/**
 * A {@link Store} in plain maps, for the CLI, tests, benchmarks and simulation. A commit is applied
 * synchronously in one go, so it is atomic; an invalid commit is rejected before anything changes,
 * a stale one (an instance revision that moved on) with a {@link StoreConflictError}.
 *
 * @example
 * const host = new EngineHost({ store: new MemoryStore(), clock: new ManualClock(0), expressions });
 * const copy = MemoryStore.fromSnapshot(JSON.parse(JSON.stringify(store.snapshot())));  // a store "on disk"
 */
export class MemoryStore implements Store {
  private readonly instances = new Map<string, InstanceState>();
  private readonly history = new Map<string, HistoryEvent[]>();
  private readonly commandLog = new Map<string, CommandRecord[]>();
  private readonly jobIndex = new Map<string, string>();
  private readonly taskIndex = new Map<string, string>();
  private readonly deployments: DeploymentRecord[] = [];
  private readonly startTimers = new Map<string, StartTimerRecord>();
  private readonly messages = new MemoryMessageIndex();
  private readonly jobsByType = new MemoryJobIndex();
  /** The last command record's `order` (the store-wide counter, ADR 0250). */
  private lastOrder = 0;
  /** Number of commits applied; lets tests prove one operation is one commit. */
  commits = 0;

  /** Everything the store holds as plain JSON (instances, history, command logs, deployments, timers, messages). */
  snapshot(): MemoryStoreSnapshot {
    return {
      instances: [...this.instances.values()],
      history: [...this.history.values()].flat(),
      commands: [...this.commandLog.values()].flat(),
      deployments: this.deployments.slice(),
      startTimers: [...this.startTimers.values()],
      ...this.messages.snapshot(),
    };
  }

  /** A store holding what `snapshot()` returned (e.g. after a JSON round trip: a restart from disk). */
  static async fromSnapshot(snapshot: MemoryStoreSnapshot): Promise<MemoryStore> {
    const store = new MemoryStore();
    for (const d of snapshot.deployments) await store.saveDeployment(d);
    // A restore: the command records keep their order numbers (or their absence).
    store.apply({
      instances: snapshot.instances, history: snapshot.history, commands: snapshot.commands, startTimers: snapshot.startTimers,
      messages: snapshot.bufferedMessages, messageStartLocks: snapshot.messageStartLocks,
    }, true);
    store.commits = 0;
    return store;
  }

  async loadInstance(instanceId: string): Promise<InstanceState | undefined> {
    return this.instances.get(instanceId);
  }

  async commit(changes: StoreCommit): Promise<void> {
    this.apply(changes, false);
  }

  private apply(changes: StoreCommit, restore: boolean): void {
    // Validate everything before touching anything, so a bad commit leaves no trace.
    // Events come in runs of one instance: check each run's instance once.
    let checked: string | undefined;
    let runs = 0;
    for (const e of changes.history) {
      if (e.instanceId === checked) continue;
      runs++;
      if (!this.instances.has(e.instanceId) && !changes.instances.some((s) => s.instanceId === e.instanceId)) {
        throw new Error(`history event ${e.seq} belongs to unknown instance ${e.instanceId}`);
      }
      checked = e.instanceId;
    }
    const only = soleStep(changes);
    if (only !== undefined) {
      // The usual commit (one step of one instance) needs no map of revisions.
      const actual = this.instances.get(only.instanceId)?.commands ?? 0;
      if (actual !== only.n - 1) throw new StoreConflictError(only.instanceId, only.n - 1, actual);
    } else {
      for (const [id, base] of expectedRevisions(changes.instances, changes.commands)) {
        const actual = this.instances.get(id)?.commands ?? 0;
        if (actual !== base) throw new StoreConflictError(id, base, actual);
      }
    }
    this.messages.validate(changes);
    for (const state of changes.instances) {
      const previous = this.instances.get(state.instanceId);
      if (previous) this.unindex(previous);
      this.jobsByType.reindex(previous, state);
      this.instances.set(state.instanceId, state);
      for (const key in state.jobs) this.jobIndex.set(key, state.instanceId);
      for (const id in state.tasks) this.taskIndex.set(id, state.instanceId);
      this.messages.indexSubscriptions(state);
    }
    let list: HistoryEvent[] | undefined;
    let listOf: string | undefined;
    for (const e of changes.history) {
      if (e.instanceId !== listOf) {
        listOf = e.instanceId;
        list = this.history.get(listOf);
        if (!list && runs === 1) {
          // A new instance's first commit: its history in one exact-size copy, not grown push by push.
          this.history.set(listOf, changes.history.slice());
          break;
        }
        if (!list) this.history.set(listOf, (list = []));
      }
      (list as HistoryEvent[]).push(e);
    }
    for (const processId of changes.replaceStartTimersOf ?? []) {
      for (const [key, t] of this.startTimers) if (t.processId === processId) this.startTimers.delete(key);
    }
    for (const t of changes.startTimers ?? []) {
      if (t.dueAt === null) this.startTimers.delete(t.key);
      else this.startTimers.set(t.key, t);
    }
    let commands = changes.commands ?? [];
    if (restore) this.lastOrder = orderAfterRestore(commands, this.lastOrder);
    else ({ records: commands, last: this.lastOrder } = numberCommands(commands, this.lastOrder));
    for (const c of commands) {
      const log = this.commandLog.get(c.instanceId);
      if (log) log.push(c);
      else this.commandLog.set(c.instanceId, [c]);
    }
    this.messages.apply(changes);
    this.commits++;
  }

  async findInstanceByJob(jobKey: string): Promise<string | undefined> {
    return this.jobIndex.get(jobKey);
  }

  async findAvailableJobs(type: string, now: number, limit: number): Promise<Job[]> {
    return this.jobsByType.available(type, now, limit);
  }

  async findInstanceByTask(taskId: string): Promise<string | undefined> {
    return this.taskIndex.get(taskId);
  }

  async listInstances(query: InstanceQuery = {}): Promise<InstanceState[]> {
    const out: InstanceState[] = [];
    for (const s of this.instances.values()) {
      if (query.processId !== undefined && s.processId !== query.processId) continue;
      if (query.status !== undefined && s.status !== query.status) continue;
      if (query.withIncidents && Object.keys(s.incidents).length === 0) continue;
      out.push(s);
    }
    return out;
  }

  async loadHistory(instanceId: string, afterSeq = 0): Promise<HistoryEvent[]> {
    const list = this.history.get(instanceId) ?? [];
    return afterSeq > 0 ? list.filter((e) => e.seq > afterSeq) : list.slice();
  }

  async loadCommands(instanceId: string): Promise<CommandRecord[]> {
    return (this.commandLog.get(instanceId) ?? []).slice();
  }

  async saveDeployment(record: DeploymentRecord): Promise<void> {
    this.deployments.push(record);
  }

  async listStartTimers(): Promise<StartTimerRecord[]> {
    return [...this.startTimers.values()];
  }

  async listDeployments(): Promise<DeploymentRecord[]> {
    return this.deployments.slice();
  }

  async findSubscriptions(kind: 'message' | 'signal', name: string, correlationKey?: string): Promise<StoredSubscription[]> {
    return this.messages.subscriptions(kind, name, correlationKey);
  }

  async findBufferedMessages(name: string, correlationKey: string): Promise<BufferedMessage[]> {
    return this.messages.buffered(name, correlationKey);
  }

  async loadBufferedMessage(key: string): Promise<BufferedMessage | undefined> {
    return this.messages.message(key);
  }

  async listBufferedMessages(): Promise<BufferedMessage[]> {
    return this.messages.allBuffered();
  }

  async findMessageStartLock(processId: string, correlationKey: string): Promise<MessageStartLock | undefined> {
    return this.messages.lock(processId, correlationKey);
  }

  async findMessageStartLockOf(instanceId: string): Promise<MessageStartLock | undefined> {
    return this.messages.lockOf(instanceId);
  }

  private unindex(state: InstanceState): void {
    for (const key in state.jobs) this.jobIndex.delete(key);
    for (const id in state.tasks) this.taskIndex.delete(id);
  }
}

/** The one command record of a commit that steps one instance once (the usual commit), else undefined. */
function soleStep(changes: StoreCommit): CommandRecord | undefined {
  const c = changes.commands;
  return changes.instances.length === 1 && c !== undefined && c.length === 1 && c[0].instanceId === changes.instances[0].instanceId ? c[0] : undefined;
}

/** What {@link MemoryStore.snapshot} returns: plain JSON. */
export interface MemoryStoreSnapshot {
  instances: InstanceState[];
  history: HistoryEvent[];
  commands: CommandRecord[];
  deployments: DeploymentRecord[];
  startTimers: StartTimerRecord[];
  bufferedMessages: BufferedMessage[];
  messageStartLocks: MessageStartLock[];
}

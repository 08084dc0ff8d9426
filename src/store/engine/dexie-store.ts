import { Dexie } from 'dexie';
import type { CommandRecord, HistoryEvent, InstanceState, Job } from '../../engine';
import type {
  BufferedMessage, DeploymentRecord, InstanceQuery, MessageStartLock, StartTimerRecord, Store, StoreCommit, StoredSubscription,
} from '../../host/store';
import type { FlowdeckDb } from '../db';
import { rethrowStorageError, type StorageLike } from '../storage';
import { COMMIT_TABLES } from './apply-commit';
import { applyBatch } from './batch-apply';
import type { Actor } from './audit';
import { engineDeployments, writeDeployment, type DeploymentMeta } from './deployments';
import { GroupCommitter } from './group-commit';
import { CachedCounter } from './cached-counter';
import type { BufferedMessageRow, InstanceRow } from './rows';
import { availableJobs } from './queries';
import { loadHistoryBatches } from './history-batches';

export interface DexieStoreOptions {
  /** Who acts now (the studio's local user), for the audit log and deployments. Default: 'unknown'. */
  actor?: Actor;
  /** Where quota figures come from when a write hits the quota (default `navigator.storage`). */
  storage?: StorageLike;
  /** At most this many commits share one transaction (group commit). Default 128. */
  maxBatch?: number;
  /**
   * This store is the only writer of the engine's tables: the engine worker of the tab holding
   * the origin's engine Web Lock. Its instance and command counters in memory are then trusted,
   * so a commit does not read them back to check that nobody moved them (ADR 0244). Whoever
   * writes engine data beside the store (an import) calls {@link DexieStore.countersChanged}.
   * Default false: every transaction checks (a second engine, a tool writing the database).
   */
  soleWriter?: boolean;
}

/**
 * The engine's {@link Store} on the workspace's IndexedDB database (schema v3, see ../schema.ts).
 * Every commit is one readwrite transaction over all engine tables: instances (hot rows with a
 * revision), paths, variables, jobs, user tasks, timers, incidents, subscriptions, the message
 * buffer and locks, timer start events, history (one batch per instance per commit), the command
 * log and the audit log; or nothing.
 * Commits that arrive together share one transaction (group commit); one is never split.
 *
 * @example
 * const store = new DexieStore(openWorkspaceDb(), { actor: () => session.user.name });
 * const host = await EngineHost.create({ store, clock: new RealClock(), expressions: new FeelExpressions() });
 * await host.timers.start(); // catch-up: what fell due while the tab was closed fires now, once
 */
export class DexieStore implements Store {
  private readonly actor: Actor;
  private readonly group: GroupCommitter<{ changes: StoreCommit; audit: boolean }>;
  /** The `instances` counter as this store last committed it (undefined: read it in the next commit). */
  private instanceOrder: number | undefined;
  /** The command-record order counter as this store last committed it (ADR 0250); undefined: read it. */
  private commandOrder: number | undefined;

  constructor(
    readonly db: FlowdeckDb,
    private readonly options: DexieStoreOptions = {},
  ) {
    this.actor = options.actor ?? (() => 'unknown');
    this.group = new GroupCommitter((batch) => this.writeBatch(batch), options.maxBatch);
  }

  /** Readwrite transactions written by commits so far (group commits count once). */
  get transactions(): number {
    return this.group.transactions;
  }

  async commit(changes: StoreCommit): Promise<void> {
    return this.submit(changes, true);
  }

  /**
   * A commit that records no audit entries: restoring data whose commands were someone else's
   * actions (an imported snapshot). @internal
   */
  restoreCommit(changes: StoreCommit): Promise<void> {
    return this.submit(changes, false);
  }

  private async submit(changes: StoreCommit, audit: boolean): Promise<void> {
    try {
      await this.group.submit({ changes, audit });
    } catch (error) {
      const ids = changes.instances.map((s) => s.instanceId);
      await rethrowStorageError(error, ids.length ? `the commit of instance${ids.length > 1 ? 's' : ''} ${ids.slice(0, 3).join(', ')}${ids.length > 3 ? '...' : ''}` : 'a commit', this.options.storage);
    }
  }

  /**
   * Engine data was written beside this store (an import of a snapshot): the next commit reads
   * the counters again instead of trusting the ones in memory.
   */
  countersChanged(): void {
    this.instanceOrder = undefined;
    this.commandOrder = undefined;
  }

  async loadInstance(instanceId: string): Promise<InstanceState | undefined> {
    return this.db.transaction('r', [this.db.instances, this.db.paths], async () => {
      const row = await this.db.instances.get(instanceId);
      return row && this.withPath(row);
    });
  }

  async listInstances(query: InstanceQuery = {}): Promise<InstanceState[]> {
    return this.db.transaction('r', [this.db.instances, this.db.paths], async () => {
      const t = this.db.instances;
      // The most selective index the query allows; the rest is filtered on the rows it gives.
      const rows = query.status !== undefined ? t.where('status').equals(query.status)
        : query.processId !== undefined ? t.where('processId').equals(query.processId)
          : query.withIncidents ? t.where('incidentCount').above(0)
            : t.toCollection();
      // toArray, then filter and sort here: a Dexie filter walks a cursor, one request per row.
      const matching = (await rows.toArray()).filter((r) => (query.processId === undefined || r.processId === query.processId)
        && (query.status === undefined || r.status === query.status) && (!query.withIncidents || r.incidentCount > 0));
      matching.sort((a, b) => a.order - b.order);
      return this.withPaths(matching);
    });
  }

  async findInstanceByJob(jobKey: string): Promise<string | undefined> {
    return (await this.db.jobs.get(jobKey))?.instanceId;
  }

  findAvailableJobs(type: string, now: number, limit: number): Promise<Job[]> {
    return availableJobs(this.db, type, now, limit);
  }

  async findInstanceByTask(taskId: string): Promise<string | undefined> {
    return (await this.db.userTasks.get(taskId))?.instanceId;
  }

  loadHistory(instanceId: string, afterSeq = 0): Promise<HistoryEvent[]> {
    return loadHistoryBatches(this.db, instanceId, afterSeq);
  }

  loadCommands(instanceId: string): Promise<CommandRecord[]> {
    return this.db.commands.where('[instanceId+n]').between([instanceId, Dexie.minKey], [instanceId, Dexie.maxKey]).toArray();
  }

  async saveDeployment(record: DeploymentRecord & DeploymentMeta): Promise<void> {
    try {
      await writeDeployment(this.db, record, { note: record.note, deployedBy: record.deployedBy }, this.actor);
    } catch (error) {
      await rethrowStorageError(error, `the deployment ${record.name}`, this.options.storage);
    }
  }

  listDeployments(): Promise<DeploymentRecord[]> {
    return engineDeployments(this.db);
  }

  listStartTimers(): Promise<StartTimerRecord[]> {
    return this.db.startTimers.toArray();
  }

  async findSubscriptions(kind: 'message' | 'signal', name: string, correlationKey?: string): Promise<StoredSubscription[]> {
    const key = kind === 'message' ? (correlationKey ?? '') : '';
    const rows = await this.db.subscriptions.where('[kind+name+correlationKey+order]').between([kind, name, key, Dexie.minKey], [kind, name, key, Dexie.maxKey]).toArray();
    return rows.map((r) => r.subscription);
  }

  async findBufferedMessages(name: string, correlationKey: string): Promise<BufferedMessage[]> {
    const rows = await this.db.bufferedMessages.where('[name+correlationKey+order]').between([name, correlationKey, Dexie.minKey], [name, correlationKey, Dexie.maxKey]).toArray();
    return rows.map(stripOrder);
  }

  async loadBufferedMessage(key: string): Promise<BufferedMessage | undefined> {
    const row = await this.db.bufferedMessages.get(key);
    return row && stripOrder(row);
  }

  async listBufferedMessages(): Promise<BufferedMessage[]> {
    return (await this.db.bufferedMessages.orderBy('order').toArray()).map(stripOrder);
  }

  findMessageStartLock(processId: string, correlationKey: string): Promise<MessageStartLock | undefined> {
    return this.db.messageStartLocks.get([processId, correlationKey]);
  }

  findMessageStartLockOf(instanceId: string): Promise<MessageStartLock | undefined> {
    return this.db.messageStartLocks.where('instanceId').equals(instanceId).first();
  }

  /**
   * One transaction for every commit of the batch, applied in order (a later one sees the earlier
   * ones' writes; see {@link applyBatch}). The instance and command counters come from memory (see {@link CachedCounter}); when the
   * stored one moved behind this store's back, the batch is written again once, reading it.
   */
  private async writeBatch(batch: ReadonlyArray<{ changes: StoreCommit; audit: boolean }>): Promise<void> {
    const tables = COMMIT_TABLES.map((name) => this.db.table(name));
    for (let attempt = 0; ; attempt++) {
      const trusted = this.options.soleWriter === true;
      const order = new CachedCounter('instances', this.instanceOrder, true, trusted);
      const commands = new CachedCounter('commands', this.commandOrder, true, trusted);
      try {
        // Always a transaction of its own: the group committer may run this in the continuation of
        // an earlier (failed) transaction, whose zone Dexie would otherwise take as the parent.
        await Dexie.ignoreTransaction(() => this.db.transaction('rw', tables, () => applyBatch(this.db, batch.map(({ changes, audit }) => ({ changes, actor: audit ? this.actor : null })), { instances: order, commands })));
        this.instanceOrder = order.value;
        this.commandOrder = commands.value;
        return;
      } catch (error) {
        this.instanceOrder = undefined;
        this.commandOrder = undefined;
        if (!(order.moved || commands.moved) || attempt > 0) throw error;
      }
    }
  }

  /**
   * `withPath` for many rows (a list, a host starting): a few rows read their own path ranges;
   * more read the one key range from the lowest to the highest instance id and keep their own
   * pieces. One sequential read beats many small ones (and Dexie's multi-range `inAnyRange`,
   * measured ~2x slower than either here).
   */
  private async withPaths(rows: InstanceRow[]): Promise<InstanceState[]> {
    const withPath = rows.filter((r) => r.pathLength > 0 && !r.pathInline);
    if (withPath.length <= 8) return Promise.all(rows.map((r) => this.withPath(r)));
    const ids = withPath.map((r) => r.instanceId).sort();
    const wanted = new Set(ids);
    const pieces = await this.db.paths.where('[instanceId+from]').between([ids[0], Dexie.minKey], [ids[ids.length - 1], Dexie.maxKey]).toArray();
    const paths = new Map<string, string[]>();
    for (const p of pieces) {
      if (!wanted.has(p.instanceId)) continue;
      let path = paths.get(p.instanceId);
      if (!path) paths.set(p.instanceId, (path = []));
      for (const id of p.ids) path.push(id);
    }
    return rows.map((r) => (r.pathLength > 0 && !r.pathInline ? { ...r.state, path: paths.get(r.instanceId) ?? [] } : r.state));
  }

  /** The hot row's state with its completed path put back (read inside the caller's transaction). */
  private async withPath(row: InstanceRow): Promise<InstanceState> {
    if (row.pathLength === 0 || row.pathInline) return row.state;
    const pieces = await this.db.paths.where('[instanceId+from]').between([row.instanceId, Dexie.minKey], [row.instanceId, Dexie.maxKey]).toArray();
    const path: string[] = [];
    for (const p of pieces) for (const id of p.ids) path.push(id);
    return { ...row.state, path };
  }
}

function stripOrder(row: BufferedMessageRow): BufferedMessage {
  const { order: _order, ...message } = row;
  return message;
}

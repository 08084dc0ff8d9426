import { jobAvailableFrom } from '../../engine';
import type { CommandRecord, HistoryEvent, InstanceState, Job, Subscription } from '../../engine';
import type { MemoryStoreSnapshot } from '../../host/memory-store';
import type {
  BufferedMessage, DeploymentRecord, InstanceQuery, MessageStartLock, StartTimerRecord, Store, StoreCommit, StoredSubscription,
} from '../../host/store';
import { numberCommands, orderAfterRestore } from '../../host/command-order';
import { expectedRevisions, StoreConflictError } from '../../host/store-errors';
import type { SqliteDb } from './schema';
import { GroupCommit } from './group-commit';
import { statements, type Statements } from './statements';

const SEP = '\u0000';
/** The same index key as the MemoryStore's (messages by name and key, signals by name). */
const subIndexKey = (kind: string, name: string, correlationKey: string | null | undefined) =>
  kind === 'message' ? `m${SEP}${name}${SEP}${correlationKey ?? ''}` : `s${SEP}${name}`;
/** SQLite keeps no infinities in an index comparison we rely on: "available at once" sorts before any time. */
const READY = -1e300;

/**
 * The engine's {@link Store} on SQLite (better-sqlite3). Every `commit` is one SQLite transaction:
 * the revision of each instance is checked inside it (a stale writer gets a
 * {@link StoreConflictError}), then the instance row, its job, task and subscription index rows,
 * history, commands, timers, messages and locks are written; anything that throws rolls all of it
 * back. better-sqlite3 is synchronous, so no other commit interleaves.
 *
 * @example
 * const store = new SqliteStore(openDatabase('flowdeck.sqlite'));
 * const host = await EngineHost.create({ store, clock: new RealClock(), expressions: new FeelExpressions() });
 */
export class SqliteStore implements Store {
  private readonly q: Statements;
  private readonly commitTx: (changes: StoreCommit) => void;
  private readonly group: GroupCommit | null;
  /**
   * The last command record's `order` (ADR 0250), read once at open: this process is the
   * database's only writer. A rolled-back commit leaves a gap, which the order allows.
   */
  private lastOrder: number;

  /**
   * `groupCommit`: operations write into one open transaction (each in its own savepoint, so a
   * refused one leaves nothing) that commits once the event loop turns (`setImmediate`); a
   * caller that acknowledges an operation waits for {@link durable} first (the server does, for
   * every answer). Off: every commit is its own transaction, durable when `commit` resolves.
   */
  constructor(readonly db: SqliteDb, options: { groupCommit?: boolean } = {}) {
    this.q = statements(db);
    this.commitTx = db.transaction((changes: StoreCommit) => this.write(changes));
    this.group = options.groupCommit ? new GroupCommit(db) : null;
    this.lastOrder = (db.prepare("SELECT MAX(json_extract(record, '$.order')) AS m FROM commands").get() as { m: number | null }).m ?? 0;
  }

  /**
   * Resolves once everything written so far is committed (at once when nothing is pending);
   * rejects when that commit failed (then none of the group's operations was kept).
   */
  durable(): Promise<void> {
    return this.group ? this.group.durable() : Promise.resolve();
  }

  /** Commits what is pending now (shutdown, before the database closes). */
  flush(): void {
    this.group?.flush();
  }

  /** Operations the current group holds (0 when no group transaction is open). */
  get pendingOperations(): number {
    return this.group?.operations ?? 0;
  }

  async loadInstance(instanceId: string): Promise<InstanceState | undefined> {
    const row = this.q.loadInstance.get(instanceId) as { state: string } | undefined;
    return row ? JSON.parse(row.state) : undefined;
  }

  async commit(changes: StoreCommit): Promise<void> {
    this.group?.open();
    // Inside an open group transaction better-sqlite3 runs this as a savepoint: a throw rolls back this operation only.
    this.commitTx(changes);
    this.group?.added();
  }

  async findInstanceByJob(jobKey: string): Promise<string | undefined> {
    return (this.q.jobOwner.get(jobKey) as { instance_id: string } | undefined)?.instance_id;
  }

  async findAvailableJobs(type: string, now: number, limit: number): Promise<Job[]> {
    if (limit <= 0) return [];
    return (this.q.availableJobs.all(type, now, limit) as Array<{ job: string }>).map((r) => JSON.parse(r.job));
  }

  async findInstanceByTask(taskId: string): Promise<string | undefined> {
    return (this.q.taskOwner.get(taskId) as { instance_id: string } | undefined)?.instance_id;
  }

  async listInstances(query: InstanceQuery = {}): Promise<InstanceState[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (query.processId !== undefined) {
      where.push('process_id = ?');
      args.push(query.processId);
    }
    if (query.status !== undefined) {
      where.push('status = ?');
      args.push(query.status);
    }
    if (query.withIncidents) where.push('incidents > 0');
    const sql = `SELECT state FROM instances${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY started_at, id`;
    return (this.db.prepare(sql).all(...args) as Array<{ state: string }>).map((r) => JSON.parse(r.state));
  }

  async loadHistory(instanceId: string, afterSeq = 0): Promise<HistoryEvent[]> {
    const batches = (this.q.history.all(instanceId, afterSeq) as Array<{ events: string }>).map((r) => JSON.parse(r.events) as HistoryEvent[]);
    return batches.flat().filter((e) => e.seq > afterSeq);
  }

  async loadCommands(instanceId: string): Promise<CommandRecord[]> {
    return (this.q.commands.all(instanceId) as Array<{ record: string }>).map((r) => JSON.parse(r.record));
  }

  async saveDeployment(record: DeploymentRecord): Promise<void> {
    this.q.putDeployment.run(record.id, JSON.stringify(record));
  }

  async listDeployments(): Promise<DeploymentRecord[]> {
    return (this.q.deployments.all() as Array<{ record: string }>).map((r) => JSON.parse(r.record));
  }

  async listStartTimers(): Promise<StartTimerRecord[]> {
    return (this.q.startTimers.all() as Array<{ timer: string }>).map((r) => JSON.parse(r.timer));
  }

  async findSubscriptions(kind: 'message' | 'signal', name: string, correlationKey?: string): Promise<StoredSubscription[]> {
    return (this.q.subscriptions.all(subIndexKey(kind, name, correlationKey)) as Array<{ sub: string }>).map((r) => JSON.parse(r.sub));
  }

  async findBufferedMessages(name: string, correlationKey: string): Promise<BufferedMessage[]> {
    return (this.q.bufferedByName.all(name, correlationKey) as Array<{ message: string }>).map((r) => JSON.parse(r.message));
  }

  async loadBufferedMessage(key: string): Promise<BufferedMessage | undefined> {
    const row = this.q.bufferedByKey.get(key) as { message: string } | undefined;
    return row ? JSON.parse(row.message) : undefined;
  }

  async listBufferedMessages(): Promise<BufferedMessage[]> {
    return (this.q.allBuffered.all() as Array<{ message: string }>).map((r) => JSON.parse(r.message));
  }

  async findMessageStartLock(processId: string, correlationKey: string): Promise<MessageStartLock | undefined> {
    return lockOf(this.q.lock.get(processId, correlationKey));
  }

  async findMessageStartLockOf(instanceId: string): Promise<MessageStartLock | undefined> {
    return lockOf(this.q.lockOfInstance.get(instanceId));
  }

  /**
   * Removes ended instances (completed, canceled) that ended before `endedBefore`, with their
   * history, commands and index rows; at most `limit` per call, in one transaction. Returns how many.
   */
  deleteEndedBefore(endedBefore: number, limit = 1000): number {
    return this.db.transaction(() => {
      const ids = (this.q.endedBefore.all(endedBefore, limit) as Array<{ id: string }>).map((r) => r.id);
      for (const id of ids) {
        for (const s of [this.q.deleteInstance, this.q.deleteHistory, this.q.deleteCommands, this.q.deleteJobsOf, this.q.deleteJobOwnersOf,
          this.q.deleteTaskOwnersOf, this.q.deleteSubscriptionsOf]) s.run(id);
      }
      return ids.length;
    })();
  }

  /** Instances by status and suspension (for metrics): `active`, `suspended`, `completed`, `canceled`. */
  countByState(): Record<string, number> {
    const out: Record<string, number> = { active: 0, suspended: 0, completed: 0, canceled: 0 };
    for (const r of this.q.countByState.all() as Array<{ status: string; suspended: number; n: number }>) {
      const key = r.status === 'active' && r.suspended ? 'suspended' : r.status;
      out[key] = (out[key] ?? 0) + r.n;
    }
    return out;
  }

  /** Open incidents over active instances and jobs by state (for metrics), counted in SQL. */
  countOpenWork(): { incidents: number; jobsAvailable: number; jobsLocked: number } {
    const r = this.q.openWork.get({ now: Date.now() }) as { incidents: number | null; ready: number; locked: number };
    return { incidents: r.incidents ?? 0, jobsAvailable: r.ready, jobsLocked: r.locked };
  }

  // Runs inside the commit transaction: a throw anywhere rolls the whole commit back.
  private write(changes: StoreCommit): void {
    const q = this.q;
    const revisions = new Map<string, number>();
    for (const s of changes.instances) {
      const row = q.revision.get(s.instanceId) as { revision: number } | undefined;
      revisions.set(s.instanceId, row ? row.revision : -1);
    }
    for (const [id, base] of expectedRevisions(changes.instances, changes.commands)) {
      const actual = Math.max(0, revisions.get(id) ?? 0);
      if (actual !== base) throw new StoreConflictError(id, base, actual);
    }
    let commands = changes.commands;
    if (commands?.length) ({ records: commands, last: this.lastOrder } = numberCommands(commands, this.lastOrder));
    this.apply({ ...changes, commands }, revisions);
  }

  /**
   * Writes an engine snapshot (`MemoryStoreSnapshot`: the studio's "engine data" of an archive,
   * `MemoryStore.snapshot()`) into this store, which must hold no instance and no deployment: one
   * transaction, all or nothing. The instances keep their revisions (no revision check: they are
   * restored, not stepped).
   */
  restore(snapshot: MemoryStoreSnapshot): { instances: number; deployments: number } {
    this.flush();
    return this.db.transaction(() => {
      const held = this.db.prepare('SELECT (SELECT COUNT(*) FROM instances) + (SELECT COUNT(*) FROM deployments) AS n').get() as { n: number };
      if (held.n > 0) throw new Error('the database already holds engine data (instances or deployments): engine data is imported into an empty database only');
      for (const d of snapshot.deployments) this.q.putDeployment.run(d.id, JSON.stringify(d));
      this.apply({ instances: snapshot.instances, history: snapshot.history, commands: snapshot.commands, startTimers: snapshot.startTimers,
        messages: snapshot.bufferedMessages, messageStartLocks: snapshot.messageStartLocks }, new Map());
      // Restored records keep their order numbers (or their absence).
      this.lastOrder = orderAfterRestore(snapshot.commands, this.lastOrder);
      return { instances: snapshot.instances.length, deployments: snapshot.deployments.length };
    })();
  }

  private apply(changes: StoreCommit, revisions: Map<string, number>): void {
    const q = this.q;
    for (const state of changes.instances) this.writeInstance(state, (revisions.get(state.instanceId) ?? -1) >= 0);
    this.writeHistory(changes.history, new Set(changes.instances.map((s) => s.instanceId)));
    for (const c of changes.commands ?? []) q.putCommand.run(c.instanceId, c.n, JSON.stringify(c));
    for (const processId of changes.replaceStartTimersOf ?? []) q.deleteStartTimersOf.run(processId);
    for (const t of changes.startTimers ?? []) {
      if (t.dueAt === null) q.deleteStartTimer.run(t.key);
      else q.putStartTimer.run(t.key, t.processId, JSON.stringify(t));
    }
    for (const m of changes.messages ?? []) q.putMessage.run(m.key, m.name, m.correlationKey, JSON.stringify(m));
    for (const key of changes.removeMessages ?? []) q.deleteMessage.run(key);
    this.writeLocks(changes);
  }

  /** One row per instance per commit: its new events as one JSON array (one insert instead of one per event). */
  private writeHistory(history: readonly HistoryEvent[], owners: Set<string>): void {
    const byInstance = new Map<string, HistoryEvent[]>();
    for (const e of history) {
      if (!owners.has(e.instanceId)) {
        if (!this.q.revision.get(e.instanceId)) throw new Error(`history event ${e.seq} belongs to unknown instance ${e.instanceId}`);
        owners.add(e.instanceId);
      }
      const list = byInstance.get(e.instanceId);
      if (list) list.push(e);
      else byInstance.set(e.instanceId, [e]);
    }
    for (const [id, events] of byInstance) {
      let first = events[0].seq;
      let last = first;
      for (const e of events) {
        if (e.seq < first) first = e.seq;
        if (e.seq > last) last = e.seq;
      }
      this.q.putHistory.run(id, first, last, JSON.stringify(events));
    }
  }

  private writeInstance(s: InstanceState, stored: boolean): void {
    const q = this.q;
    q.putInstance.run(s.instanceId, s.processId, s.processVersion, s.businessKey, s.status, s.suspended ? 1 : 0, Object.keys(s.incidents).length,
      s.startedAt, s.endedAt, s.commands, JSON.stringify(s));
    if (stored) {
      q.deleteJobsOf.run(s.instanceId);
      q.deleteJobOwnersOf.run(s.instanceId);
      q.deleteTaskOwnersOf.run(s.instanceId);
    }
    const live = s.status === 'active' && !s.suspended;
    for (const key in s.jobs) {
      const job = s.jobs[key];
      q.putJobOwner.run(key, s.instanceId);
      const from = live ? jobAvailableFrom(job) : null;
      if (from !== null) q.putJob.run(key, s.instanceId, job.type, from === Number.NEGATIVE_INFINITY ? READY : from, job.priority, job.createdAt, JSON.stringify(job));
    }
    for (const id in s.tasks) q.putTaskOwner.run(id, s.instanceId);
    this.writeSubscriptions(s, stored);
  }

  /** Only what opened or closed moves: a subscription that stays open keeps its place (first-commit order). */
  private writeSubscriptions(s: InstanceState, stored: boolean): void {
    const open: Record<string, Subscription> = s.status === 'active' ? s.subscriptions : {};
    const before = stored ? new Set((this.q.subscriptionKeysOf.all(s.instanceId) as Array<{ key: string }>).map((r) => r.key)) : new Set<string>();
    for (const key of before) if (!open[key] || open[key].kind === 'conditional') this.q.deleteSubscription.run(s.instanceId, key);
    for (const key in open) {
      const sub = open[key];
      if (sub.kind === 'conditional' || before.has(key)) continue;
      this.q.putSubscription.run(s.instanceId, key, subIndexKey(sub.kind, sub.name, sub.correlationKey), JSON.stringify({ ...sub, processId: s.processId }));
    }
  }

  private writeLocks(changes: StoreCommit): void {
    const released = new Set(changes.releaseMessageStartLocks ?? []);
    for (const lock of changes.messageStartLocks ?? []) {
      const holder = lockOf(this.q.lock.get(lock.processId, lock.correlationKey))?.instanceId;
      if (holder !== undefined && holder !== lock.instanceId && !released.has(holder)) {
        throw new Error(`message start lock ${lock.processId}/${lock.correlationKey} is held by instance ${holder}, not ${lock.instanceId}`);
      }
    }
    for (const instanceId of released) this.q.deleteLocksOf.run(instanceId);
    for (const lock of changes.messageStartLocks ?? []) this.q.putLock.run(lock.processId, lock.correlationKey, lock.instanceId);
  }
}

function lockOf(row: unknown): MessageStartLock | undefined {
  const r = row as { process_id: string; correlation_key: string; instance_id: string } | undefined;
  return r ? { processId: r.process_id, correlationKey: r.correlation_key, instanceId: r.instance_id } : undefined;
}

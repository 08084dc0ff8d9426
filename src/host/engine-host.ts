import { Deployments } from '../engine';
import type {
  Clock, CommandRecord, DecisionEvaluator, Effect, EngineContext, EngineLimits, ExpressionLanguage, HistoryEvent, IdGenerator, Incident,
  InstanceState, Job, Logger, Random, ScriptLimits, ScriptRunner, UserTask, Variables,
} from '../engine';
import { SeededRandom, UniqueIds } from './clocks';
import { compileDmnDeployment } from './dmn-decisions';
import { compileBpmn, DeployError } from './compile-bpmn';
import { resolveJob, resolveTask, type JobRef, type TaskRef } from './host-refs';
import { checkVariables } from './limits';
import { evaluateConditions, type ConditionalStartResult } from './conditional-starts';
import { forkInstance, type ForkRequest } from './fork';
import { HostJobs } from './jobs/host-jobs';
import { HostMessages } from './messages/host-messages';
import type { MessageLimits } from './messages/types';
import { startTimerDefs } from './time/start-timers';
import { TimerDriver } from './time/timer-driver';
import type { DeploymentRecord, InstanceQuery, Store, StoreCommit } from './store';
import { HostError, HostTransaction, type EffectHandler, type JobWorker, type TransactionPorts } from './transaction';
import { BarrierStore, OperationQueue } from './pending-commits';

export { DeployError } from './compile-bpmn';
export type { JobRef, TaskRef } from './host-refs';

/** A DecisionEvaluator that can also take DMN deployments (see `DmnDecisions`). */
export interface DeployableDecisions extends DecisionEvaluator {
  /** Deploys DMN XML; `versions` restores the versions of a stored deployment. */
  deploy(xml: string, versions?: Record<string, number>): Promise<{ versions: Record<string, number>; warnings: string[] }>;
  /** The decision versions deployed together with a process version (`bindingType="deployment"`). */
  bindDeployment?(processId: string, processVersion: number, decisions: Readonly<Record<string, number>>): void;
}

export interface EngineHostOptions {
  store: Store;
  clock: Clock;
  expressions: ExpressionLanguage;
  /** Default: unique ids ({@link UniqueIds}). */
  ids?: IdGenerator;
  /** Seeds of new instances. Default: {@link SeededRandom} seeded from the clock. */
  random?: Random;
  scripts?: ScriptRunner;
  decisions?: DecisionEvaluator | DeployableDecisions;
  logger?: Logger;
  scriptLimits?: ScriptLimits;
  /** Bounds on the work of one step (see `EngineLimits`). */
  limits?: EngineLimits;
  /** Job workers by job type, run inline when a job is created (tests, benchmarks, simulation). */
  workers?: Record<string, JobWorker>;
  /** Called after every successful commit, e.g. to notify a UI. */
  onCommit?: (changes: StoreCommit) => void;
  /** Bounds on message and signal cascades in one operation (see `MessageLimits`). */
  messageLimits?: MessageLimits;
}

/** What {@link EngineHost.deploy} did. */
export interface DeployResult {
  deploymentId: string;
  processes: Array<{ id: string; name: string | null; version: number }>;
  /** XML reader warnings (unknown attributes...): the deployment went through. */
  warnings: string[];
  /** The DMN files deployed together with the processes (`meta.decisions`), in the order given. */
  decisions: Array<{ name: string; deploymentId: string; versions: Record<string, number> }>;
}


/**
 * The engine with its ports and a store: deploys models, starts instances, runs effects (jobs,
 * user tasks, call activities, incidents) and applies commands. Each operation runs to the next
 * wait state of every instance it touches and commits once. Operations are serialised, so callers
 * may fire them concurrently; an operation's work may start while the previous one's commit is
 * being written, so concurrent operations share the store's transactions (group commit, ADR
 * 0141), while every read of the store waits for the pending commits it could see. Shared by the
 * worker, the CLI and tests.
 *
 * @example
 * const host = await EngineHost.create({ store: new MemoryStore(), clock: new RealClock(), expressions: new FeelExpressions() });
 * await host.deploy(xml, 'order.bpmn');
 * const pi = await host.startInstance('order', { variables: { amount: 150 } });
 * await host.completeJob({ instanceId: pi.instanceId, elementId: 'Charge' }, { paid: true });
 * (await host.getInstance(pi.instanceId))?.status; // 'completed'
 */
export class EngineHost {
  readonly deployments = new Deployments();
  /**
   * What falls due in time: instance timers and timer start events. On a virtual clock
   * (`ManualClock`) move time with `advance`, `runUntil`, `runUntilIdle`; on a real clock call
   * `start()` once (it also fires what came due while the host was down).
   */
  readonly timers: TimerDriver;
  /** Messages and signals: publish, correlate, broadcast (Zeebe rules; see `messages/host-messages.ts`). */
  readonly messages: HostMessages;
  /** The job executor: fetchAndLock, complete, fail, throwError, extendLock (external task pattern; see `jobs/host-jobs.ts`). */
  readonly jobs: HostJobs;
  private readonly ctx: EngineContext;
  private readonly store: Store;
  private readonly ids: IdGenerator;
  private readonly ports: TransactionPorts;
  private readonly listeners: CommitListener[] = [];
  private readonly queue = new OperationQueue();
  /** While restoring: bundle id -> the decision versions deployed in it (BPMN and DMN deployed together). */
  private readonly bundles = new Map<string, Record<string, number>>();

  constructor(private readonly options: EngineHostOptions) {
    this.store = new BarrierStore(options.store, this.queue.pending);
    this.ids = options.ids ?? new UniqueIds();
    this.ctx = {
      clock: options.clock,
      scripts: options.scripts,
      decisions: options.decisions,
      logger: options.logger,
      scriptLimits: options.scriptLimits,
      limits: options.limits,
    };
    this.ports = {
      store: this.store, deployments: this.deployments, ctx: this.ctx, ids: this.ids,
      random: options.random ?? new SeededRandom(options.clock.now()), workers: options.workers ?? {}, logger: options.logger,
      handlers: {},
    };
    this.timers = new TimerDriver(this, this.store, options.clock, options.logger);
    this.jobs = new HostJobs(this, this.store);
    this.messages = new HostMessages({ host: this, store: this.store, ids: this.ids, timers: this.timers, logger: options.logger, limits: options.messageLimits });
  }

  /**
   * Creates a host and redeploys what the store holds (same versions), so stored instances resume.
   * A stored deployment that no longer compiles is skipped with a warning rather than keeping the
   * whole workspace from starting; its instances then fail with "not deployed".
   */
  static async create(options: EngineHostOptions): Promise<EngineHost> {
    const host = new EngineHost(options);
    for (const record of await options.store.listDeployments()) {
      try {
        await host.restore(record);
      } catch (error) {
        options.logger?.warn(`stored deployment ${record.id} (${record.name}) could not be restored: ${(error as Error).message}`);
      }
    }
    await host.timers.load();
    return host;
  }

  /**
   * Takes in engine data (an archive's `data/instances.json`, a backup) on a host whose store holds
   * none, between operations: checks that every deployment of `snapshot` compiles (else nothing is
   * written), lets `write` store it all in one transaction (the store refuses when it is not
   * empty), then deploys those versions and schedules the timers, as `create` does at start.
   * @throws DeployError / DmnDeployError naming the deployment that does not compile; whatever `write` throws.
   * @example
   * await host.importData(snapshot, (s) => importEngineSnapshot(db, s)); // then run host.timers as usual
   */
  importData<R>(snapshot: { deployments: readonly DeploymentRecord[] }, write: () => Promise<R>): Promise<R> {
    return this.serial(async () => {
      for (const record of snapshot.deployments) {
        try {
          // A DMN record needs a deployable evaluator too: known before anything is written.
          if (record.kind === 'dmn') {
            compileDmnDeployment(record.xml);
            this.deployableDecisions();
          } else await compileBpmn(record.xml, this.options.expressions);
        } catch (error) {
          (error as Error).message = `deployment ${record.id} (${record.name}): ${(error as Error).message}`;
          throw error;
        }
      }
      const written = await write();
      for (const record of snapshot.deployments) await this.restore(record);
      await this.timers.load();
      return written;
    });
  }

  /**
   * Parses, compiles and deploys every process of a BPMN file; each becomes the next version of its id.
   * @throws DeployError when the XML does not parse, holds no executable process, or any element fails to compile.
   */
  deploy(xml: string, name = 'model.bpmn', meta: DeploymentNote & { decisions?: ReadonlyArray<{ xml: string; name: string }> } = {}): Promise<DeployResult> {
    return this.serial(async () => {
      const { processes, warnings } = await compileBpmn(xml, this.options.expressions);
      const together = meta.decisions ?? [];
      const decisions = together.length > 0 ? this.deployableDecisions() : undefined;
      if (decisions && !decisions.bindDeployment) throw new DeployError('this host\'s decision evaluator cannot bind decisions to a process deployment (bindDeployment)');
      // Every DMN file compiles before anything is deployed: all or nothing.
      for (const d of together) {
        try {
          compileDmnDeployment(d.xml);
        } catch (error) {
          throw new DeployError(`${d.name}: ${(error as Error).message}`);
        }
      }
      for (const process of processes.values()) {
        try {
          startTimerDefs(process, this.options.clock.now());
        } catch (error) {
          throw new DeployError((error as Error).message);
        }
      }
      const bundle = decisions ? this.ids.next('deployment') : undefined;
      const bound: Record<string, number> = {};
      const dmn: DeployResult['decisions'] = [];
      for (const d of together) {
        const { versions } = await decisions!.deploy(d.xml);
        Object.assign(bound, versions);
        const id = this.ids.next('deployment');
        await this.store.saveDeployment({ id, kind: 'dmn', name: d.name, xml: d.xml, deployedAt: this.ctx.clock.now(), versions, bundle, ...withNote(meta) });
        dmn.push({ name: d.name, deploymentId: id, versions });
      }
      const deployed = this.deployments.deploy(processes.values());
      if (bundle) for (const p of deployed) decisions!.bindDeployment!(p.id, p.version, bound);
      await this.operateNow(async (tx) => this.timers.deployed(tx, deployed));
      const record: DeploymentRecord = {
        id: this.ids.next('deployment'),
        ...(bundle ? { bundle } : {}),
        kind: 'bpmn',
        name,
        xml,
        deployedAt: this.ctx.clock.now(),
        versions: Object.fromEntries(deployed.map((p) => [p.id, p.version])),
        ...withNote(meta),
      };
      await this.store.saveDeployment(record);
      return { deploymentId: record.id, processes: deployed.map((p) => ({ id: p.id, name: p.name, version: p.version })), warnings, decisions: dmn };
    });
  }

  /** Deploys DMN decisions to the host's decision evaluator (which must be deployable, e.g. `DmnDecisions`). */
  deployDmn(xml: string, name = 'decisions.dmn', meta: DeploymentNote = {}): Promise<{ deploymentId: string; decisions: Record<string, number>; warnings: string[] }> {
    return this.serial(async () => {
      const decisions = this.deployableDecisions();
      const { versions, warnings } = await decisions.deploy(xml);
      const record: DeploymentRecord = { id: this.ids.next('deployment'), kind: 'dmn', name, xml, deployedAt: this.ctx.clock.now(), versions, ...withNote(meta) };
      await this.store.saveDeployment(record);
      return { deploymentId: record.id, decisions: versions, warnings };
    });
  }

  /** Starts an instance of the latest (or the given) version and runs it to its first wait state. */
  startInstance(processId: string, options: { variables?: Variables; businessKey?: string | null; version?: number } = {}): Promise<InstanceState> {
    // Not `async`, nor is the work: an async function that returns a promise costs two more
    // microtask turns and promises, on the hottest path of the host. A refusal still rejects.
    try {
      checkVariables(options.variables, 'the variables of startInstance');
    } catch (error) {
      return Promise.reject(error);
    }
    return this.operate((tx) => {
      const process = this.deployments.get(processId, options.version);
      if (!process) {
        const known = this.deployments.processIds();
        throw new HostError('notFound', `process ${processId}${options.version ? ` version ${options.version}` : ''} is not deployed` +
          (known.length ? ` (deployed: ${known.join(', ')})` : ''));
      }
      return tx.start(process, { variables: options.variables, businessKey: options.businessKey });
    });
  }

  /**
   * Starts an instance at each process-level conditional start event whose condition holds for
   * `variables` (latest versions; only `processId`'s when given). See `conditional-starts.ts`.
   * @example
   * const { instances, skipped } = await host.evaluateConditions({ temperature: 42 });
   */
  async evaluateConditions(variables: Variables, options: { processId?: string } = {}): Promise<ConditionalStartResult> {
    checkVariables(variables, 'the variables of evaluateConditions');
    return evaluateConditions(this, variables, options);
  }

  /**
   * Activates enabled elements of a waiting ad-hoc subprocess (`elementInstanceId`), each with
   * optional local variables (BPMN's performer choice; Zeebe's "activate ad-hoc activities").
   * @example
   * await host.activateAdHocElements(pi.instanceId, adHocId, [{ elementId: 'CallCustomer' }]);
   */
  async activateAdHocElements(instanceId: string, elementInstanceId: string, elements: Array<{ elementId: string; variables?: Variables }>): Promise<InstanceState> {
    for (const e of elements) checkVariables(e.variables, `the variables of ${e.elementId}`);
    return this.operate((tx) => tx.dispatch(instanceId, { type: 'activateAdHocElements', elementInstanceId, elements }));
  }

  async completeJob(ref: JobRef, variables?: Variables): Promise<InstanceState> {
    checkVariables(variables, 'the variables of completeJob');
    return this.operate(async (tx) => {
      const { instanceId, job } = await resolveJob(this.store, tx, ref);
      return tx.dispatch(instanceId, { type: 'completeJob', jobKey: job.key, variables });
    });
  }

  /**
   * Fails a job; `retries` are the retries left (default: one less than now). At 0 an incident
   * opens; with retries left and `retryBackoffMs`, the job is handed out again only after it.
   */
  failJob(ref: JobRef, options: { errorMessage?: string; retries?: number; retryBackoffMs?: number } = {}): Promise<InstanceState> {
    return this.operate(async (tx) => {
      const { instanceId, job } = await resolveJob(this.store, tx, ref);
      return tx.dispatch(instanceId, {
        type: 'failJob', jobKey: job.key, retries: options.retries ?? job.retries - 1, errorMessage: options.errorMessage, retryBackoffMs: options.retryBackoffMs,
      });
    });
  }

  async throwError(ref: JobRef, errorCode: string, options: { errorMessage?: string; variables?: Variables } = {}): Promise<InstanceState> {
    checkVariables(options.variables, 'the variables of throwError');
    return this.operate(async (tx) => {
      const { instanceId, job } = await resolveJob(this.store, tx, ref);
      return tx.dispatch(instanceId, { type: 'throwError', jobKey: job.key, errorCode, ...options });
    });
  }

  async completeUserTask(ref: TaskRef, variables?: Variables): Promise<InstanceState> {
    checkVariables(variables, 'the variables of completeUserTask');
    return this.operate(async (tx) => {
      const { instanceId, task } = await resolveTask(this.store, tx, ref);
      return tx.dispatch(instanceId, { type: 'completeUserTask', taskId: task.id, variables });
    });
  }

  assignUserTask(ref: TaskRef, assignee: string | null): Promise<InstanceState> {
    return this.operate(async (tx) => {
      const { instanceId, task } = await resolveTask(this.store, tx, ref);
      return tx.dispatch(instanceId, { type: 'assignUserTask', taskId: task.id, assignee });
    });
  }

  cancel(instanceId: string): Promise<InstanceState> {
    return this.operate((tx) => tx.dispatch(instanceId, { type: 'cancel' }));
  }

  /**
   * Fires a waiting timer now, before its due time ("fire now"); the command log records it as
   * `early`, so replay repeats it. Rejected (`notFound`) when the instance does not wait for it.
   * @example await host.fireTimerNow(pi, Object.keys(state.timers)[0]);
   */
  fireTimerNow(instanceId: string, timerKey: string): Promise<InstanceState> {
    return this.operate((tx) => tx.dispatch(instanceId, { type: 'timerFired', timerKey, early: true }));
  }

  suspend(instanceId: string): Promise<InstanceState> {
    return this.operate((tx) => tx.dispatch(instanceId, { type: 'suspend' }));
  }

  resume(instanceId: string): Promise<InstanceState> {
    return this.operate((tx) => tx.dispatch(instanceId, { type: 'resume' }));
  }

  /** Sets variables at process scope, or in the element instance `scopeId` (`local`: without propagation). */
  async setVariables(instanceId: string, variables: Variables, options: { scopeId?: string; local?: boolean } = {}): Promise<InstanceState> {
    checkVariables(variables, 'the variables of setVariables');
    return this.operate((tx) => tx.dispatch(instanceId, { type: 'setVariables', variables, ...options }));
  }

  /** Resolves an incident (retrying what failed); `retries` applies to job incidents. */
  resolveIncident(instanceId: string, incidentId: string, retries?: number): Promise<InstanceState> {
    return this.operate((tx) => tx.dispatch(instanceId, { type: 'resolveIncident', incidentId, retries }));
  }

  getInstance(instanceId: string): Promise<InstanceState | undefined> {
    return this.queue.inOrder(() => this.store.loadInstance(instanceId));
  }

  listInstances(query?: InstanceQuery): Promise<InstanceState[]> {
    return this.serial(() => this.store.listInstances(query));
  }

  /**
   * Jobs, optionally of one instance or job type, in the given states (default `activatable`: free
   * for a worker; locked jobs are `activated`, failed ones waiting out a backoff `backoff`).
   */
  async listJobs(filter: { instanceId?: string; type?: string; states?: ReadonlyArray<Job['state']> } = {}): Promise<Job[]> {
    const states = await this.statesFor(filter.instanceId);
    const wanted = filter.states ?? ['activatable'];
    return states.flatMap((s) => Object.values(s.jobs)).filter((j) => wanted.includes(j.state) && (filter.type === undefined || j.type === filter.type));
  }

  async listUserTasks(filter: { instanceId?: string; assignee?: string } = {}): Promise<UserTask[]> {
    const states = await this.statesFor(filter.instanceId);
    return states.flatMap((s) => Object.values(s.tasks)).filter((t) => filter.assignee === undefined || t.assignee === filter.assignee);
  }

  async listIncidents(filter: { instanceId?: string } = {}): Promise<Array<Incident & { processInstanceId: string }>> {
    const states = await this.statesFor(filter.instanceId);
    return states.flatMap((s) => Object.values(s.incidents).map((i) => ({ ...i, processInstanceId: s.instanceId })));
  }

  history(instanceId: string, afterSeq?: number): Promise<HistoryEvent[]> {
    return this.queue.inOrder(() => this.store.loadHistory(instanceId, afterSeq));
  }

  /** The command log of an instance: replaying it (`replayLog`) reproduces its history. */
  commandLog(instanceId: string): Promise<CommandRecord[]> {
    return this.queue.inOrder(() => this.store.loadCommands(instanceId));
  }

  /**
   * Rewind and fork: restores the instance as it was at history event `atSeq` by re-executing its
   * command log, and goes on from there in a new instance with `variables` set (see `fork.ts`).
   * @example
   * const fork = await host.fork(pi.instanceId, { atSeq: 12, variables: { amount: 900 } });
   */
  fork(instanceId: string, request: ForkRequest): Promise<InstanceState> {
    checkVariables(request.variables, 'the variables of fork');
    return this.operate((tx) => forkInstance(tx, { ctx: this.ctx, deployments: this.deployments, ids: this.ids, store: this.store }, instanceId, request));
  }

  private async statesFor(instanceId: string | undefined): Promise<InstanceState[]> {
    if (instanceId === undefined) return this.listInstances({ status: 'active' });
    const s = await this.getInstance(instanceId);
    return s ? [s] : [];
  }

  private async restore(record: DeploymentRecord): Promise<void> {
    if (record.kind === 'dmn') {
      await this.deployableDecisions().deploy(record.xml, record.versions);
      if (record.bundle) this.bundles.set(record.bundle, { ...this.bundles.get(record.bundle), ...record.versions });
      return;
    }
    const { processes } = await compileBpmn(record.xml, this.options.expressions);
    const bound = record.bundle ? this.bundles.get(record.bundle) : undefined;
    for (const process of processes.values()) {
      const version = record.versions[process.id];
      if (version === undefined) continue;
      this.deployments.deploy([process], version);
      if (bound) this.deployableDecisions().bindDeployment?.(process.id, version, bound);
    }
  }

  private deployableDecisions(): DeployableDecisions {
    const d = this.options.decisions;
    if (!d || typeof (d as Partial<DeployableDecisions>).deploy !== 'function') {
      throw new HostError('invalid', 'this host has no deployable decision evaluator (pass decisions: new DmnDecisions())');
    }
    return d as DeployableDecisions;
  }

  /**
   * Runs `work` in a fresh transaction at `now` (default: the clock's), commits it, tells the
   * commit listeners, and returns what `work` returned. For the host's own modules (timers,
   * messages, jobs); callers use the named operations.
   * @internal
   */
  operate<T>(work: (tx: HostTransaction) => Promise<T>, now?: number): Promise<T> {
    return this.queue.pipelined(async () => {
      const tx = new HostTransaction(this.ports, now ?? this.options.clock.now());
      const result = await work(tx);
      const { changes, write } = tx.collect();
      const committed = (write ? this.store.commit(changes) : Promise.resolve()).then(() => this.committed(changes, tx));
      return { result, changes, committed };
    });
  }

  /** `operate` for work already running inside `serial` (a module firing several items in order). @internal */
  async operateNow<T>(work: (tx: HostTransaction) => Promise<T>, now?: number): Promise<T> {
    const tx = new HostTransaction(this.ports, now ?? this.options.clock.now());
    const result = await work(tx);
    this.committed(await tx.commitTo(this.store), tx);
    return result;
  }

  private committed(changes: StoreCommit, tx: HostTransaction): void {
    for (const listener of this.listeners) listener(changes, tx.effects);
    this.options.onCommit?.(changes);
  }

  /**
   * Runs `work` after every operation queued before it and after their commits have settled (and
   * their commit listeners ran), so module work that reads the host's in-memory indexes (the timer
   * schedule) sees every operation before it. @internal
   */
  serial<T>(work: () => Promise<T>): Promise<T> {
    return this.queue.serial(work);
  }

  /** Called after each successful commit with what it wrote and the effects it produced. @internal */
  onCommitted(listener: CommitListener): void {
    this.listeners.push(listener);
  }

  /** Lets a host module act on an effect inside the transaction that produced it. @internal */
  handleEffect<T extends Effect['type']>(type: T, handler: EffectHandler<T>): void {
    (this.ports.handlers as Record<string, EffectHandler<T>>)[type] = handler;
  }
}

/** What a deployment may say about itself: kept with its record (a store may keep it, e.g. the Dexie store's `note`, `deployedBy`). */
export interface DeploymentNote {
  note?: string;
  deployedBy?: string;
}

/** Only the fields given, so records without a note stay as they were. */
function withNote(meta: DeploymentNote): DeploymentNote {
  return { ...(meta.note !== undefined ? { note: meta.note } : {}), ...(meta.deployedBy !== undefined ? { deployedBy: meta.deployedBy } : {}) };
}

/** What a commit listener is told. */
export type CommitListener = (changes: StoreCommit, effects: ReadonlyArray<{ instanceId: string; effect: Effect }>) => void;

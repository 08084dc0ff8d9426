import { dispatch, start } from '../engine';
import type {
  Command, CommandRecord, Deployments, Effect, EngineContext, ExecutableProcess, HistoryEvent, IdGenerator, InstanceState, Job, Logger,
  Random, StartOptions, StepResult, Variables,
} from '../engine';
import type { StartTimerRecord, Store, StoreCommit } from './store';

/** Completes (returns variables) or throws a BPMN error for a job, inline, as soon as it is created. */
export type JobWorker = (job: Job, variables: Readonly<Variables>) => Variables | void | { errorCode: string; errorMessage?: string };

/** The ports a transaction works with, shared by every transaction of one host. */
export interface TransactionPorts {
  store: Store;
  deployments: Deployments;
  ctx: EngineContext;
  /** New instance ids. */
  ids: IdGenerator;
  /** New instances' random seeds. */
  random: Random;
  workers: Readonly<Record<string, JobWorker>>;
  logger: Logger | undefined;
  /** Effect handlers of the host's modules (messages, signals...), run inside the transaction. */
  handlers: { [T in Effect['type']]?: EffectHandler<T> };
}

/**
 * A host module's working data for one transaction (what it buffered, locked...), created on first
 * use with {@link HostTransaction.module}; at commit it adds its changes to the store commit and
 * says whether it has any.
 */
export interface TransactionModule {
  contribute(changes: StoreCommit): boolean;
}

/**
 * Acts on one effect inside the transaction that produced it (it may step other instances).
 * Returns nothing when it finished at once (no read of the store): the transaction then goes on
 * to the next effect without a microtask turn.
 */
export type EffectHandler<T extends Effect['type'] = Effect['type']> = (tx: HostTransaction, instanceId: string, effect: Extract<Effect, { type: T }>) => Promise<void> | void;

/**
 * One host operation from a command to the next wait state of every instance it touches. Steps
 * and their effects (child instances, parent notifications, inline job workers) run in order on
 * working copies at one time (`now`); nothing reaches the store until {@link commitTo}, which
 * writes it all at once: states, history and the command log.
 */
export class HostTransaction {
  private readonly states = new Map<string, InstanceState>();
  /** Instances whose current state object this transaction created: later steps may work on it in place. */
  private readonly touched = new Set<string>();
  /** The first step's history array itself (nothing else holds it), then appended to. */
  private history: HistoryEvent[] | undefined;
  private readonly commands: CommandRecord[] = [];
  // What most operations never use is made on first use: a transaction per start is a hot path.
  private startTimers: StartTimerRecord[] | undefined;
  private replaceStartTimersOf: string[] | undefined;
  /** Effects not yet handled, in order (a queue read by index: shifting would make large fan-outs quadratic). */
  private readonly pending: Array<{ instanceId: string; effect: Effect }> = [];
  private next = 0;
  private modules: Map<string, TransactionModule> | undefined;
  /** Children whose cancellation the parent asked for: their end must not be reported back. */
  private cancelledByParent: Set<string> | undefined;
  private readonly store: Store;
  private readonly deployments: Deployments;
  private readonly ctx: EngineContext;
  private readonly workers: Readonly<Record<string, JobWorker>>;
  private readonly logger: Logger | undefined;

  constructor(
    private readonly ports: TransactionPorts,
    /** The operation's time: every step of it runs at this instant. */
    readonly now: number,
  ) {
    this.store = ports.store;
    this.deployments = ports.deployments;
    this.ctx = ports.ctx;
    this.workers = ports.workers;
    this.logger = ports.logger;
  }

  /** Every effect the operation's steps produced, in order. */
  get effects(): ReadonlyArray<{ instanceId: string; effect: Effect }> {
    return this.pending;
  }

  /** The instance as this transaction sees it (its own uncommitted changes included). */
  async state(instanceId: string): Promise<InstanceState> {
    const known = this.states.get(instanceId);
    if (known) return known;
    const loaded = await this.store.loadInstance(instanceId);
    if (!loaded) throw new HostError('notFound', `no process instance ${instanceId}`);
    this.states.set(instanceId, loaded);
    return loaded;
  }

  async start(process: ExecutableProcess, options: StartOptions): Promise<InstanceState> {
    const result = this.startStep(process, options);
    this.record(result);
    const draining = this.drain();
    if (draining) await draining;
    return this.states.get(result.state.instanceId) ?? result.state;
  }

  async dispatch(instanceId: string, command: Command): Promise<InstanceState> {
    this.step(await this.state(instanceId), command);
    const draining = this.drain();
    if (draining) await draining;
    return this.states.get(instanceId) as InstanceState;
  }

  /**
   * Applies a command without running the effects it produces yet: they run in order after the
   * effect being handled (for effect handlers, which must not nest effect runs).
   */
  async apply(instanceId: string, command: Command): Promise<InstanceState> {
    this.step(await this.state(instanceId), command);
    return this.states.get(instanceId) as InstanceState;
  }

  /** Starts an instance like {@link start}, without running its effects yet (see {@link apply}). */
  startQueued(process: ExecutableProcess, options: StartOptions): InstanceState {
    const result = this.startStep(process, options);
    this.record(result);
    return result.state;
  }

  /**
   * Takes in new instances made outside a step (a fork and its children: `fork.ts`), with the
   * history that made each and their command records in the order the store is to number them;
   * all is committed with the rest of the operation.
   */
  adopt(made: ReadonlyArray<{ state: InstanceState; history: readonly HistoryEvent[] }>, commands: readonly CommandRecord[]): void {
    this.history ??= [];
    for (const { state, history } of made) {
      this.states.set(state.instanceId, state);
      this.touched.add(state.instanceId);
      for (const e of history) this.history.push(e);
    }
    for (const c of commands) this.commands.push(c);
  }

  /** Runs every effect not handled yet (after {@link apply} / {@link startQueued} outside an effect handler). */
  async settle(): Promise<void> {
    await this.drain();
  }

  /** The instance's state if this transaction loaded or changed it, without loading it. */
  held(instanceId: string): InstanceState | undefined {
    return this.states.get(instanceId);
  }

  /** Number of steps applied so far; with {@link steppedSince}, what changed since a point. */
  get stepCount(): number {
    return this.commands.length;
  }

  /** The instances stepped since step number `mark` (in order, with repeats). */
  steppedSince(mark: number): string[] {
    const out: string[] = [];
    for (let i = mark; i < this.commands.length; i++) out.push(this.commands[i].instanceId);
    return out;
  }

  /** The working data of a host module for this transaction (see {@link TransactionModule}). */
  module<T extends TransactionModule>(key: string, create: () => T): T {
    this.modules ??= new Map();
    let m = this.modules.get(key);
    if (!m) this.modules.set(key, (m = create()));
    return m as T;
  }

  /** What the transaction does with an effect by itself; for a module handler that adds to it. */
  async defaultEffect(instanceId: string, effect: Effect): Promise<void> {
    if (HANDLED.has(effect.type)) await this.handle(instanceId, effect);
  }

  /**
   * Applies a command. A state loaded from the store is copied by the engine (the store owns it and
   * an aborted transaction must leave it untouched); a state this transaction produced is not
   * committed anywhere yet, so the engine may work on it in place.
   */
  private step(state: InstanceState, command: Command): void {
    this.record(dispatch(this.processOf(state), state, command, this.ctx, { inPlace: this.touched.has(state.instanceId), now: this.now }));
  }

  /** Records a timer start event's new due time in this transaction's commit. */
  putStartTimer(record: StartTimerRecord): void {
    (this.startTimers ??= []).push(record);
  }

  /** Drops every stored timer start event of `processId` in this commit (a new version replaces them). */
  replaceStartTimers(processId: string): void {
    (this.replaceStartTimersOf ??= []).push(processId);
  }

  /** Starts an instance at the operation's time, with a fresh id (unless given) and seed. */
  private startStep(process: ExecutableProcess, options: StartOptions): StepResult {
    // Every field written out, in one order: a spread with overrides makes a dictionary-mode
    // object whose every read in `start` is a slow lookup (13% of a start's host time, measured).
    return start(process, {
      variables: options.variables,
      businessKey: options.businessKey,
      parent: options.parent,
      callDepth: options.callDepth,
      instanceId: options.instanceId ?? this.ports.ids.next('instance'),
      seed: options.seed ?? Math.floor(this.ports.random.next() * 0x100000000),
      now: this.now,
      startEventId: options.startEventId,
      history: options.history,
    }, this.ctx);
  }

  /** Writes every touched instance, all new history and the command log in one atomic store commit. */
  async commitTo(store: Store): Promise<StoreCommit> {
    const { changes, write } = this.collect();
    if (write) await store.commit(changes);
    return changes;
  }

  /**
   * What {@link commitTo} writes: every touched instance, the new history, the command log and the
   * modules' changes; `write` is false when there is nothing to store.
   */
  collect(): { changes: StoreCommit; write: boolean } {
    const instances: InstanceState[] = [];
    for (const id of this.touched) instances.push(this.states.get(id) as InstanceState);
    const changes: StoreCommit = { instances, history: this.history ?? [], commands: this.commands };
    if (this.startTimers !== undefined || this.replaceStartTimersOf !== undefined) {
      changes.startTimers = this.startTimers ?? [];
      changes.replaceStartTimersOf = this.replaceStartTimersOf ?? [];
    }
    let moduleChanges = false;
    if (this.modules !== undefined) for (const m of this.modules.values()) moduleChanges = m.contribute(changes) || moduleChanges;
    return { changes, write: changes.instances.length > 0 || changes.history.length > 0 || changes.startTimers !== undefined || moduleChanges };
  }

  private processOf(state: InstanceState): ExecutableProcess {
    const process = this.deployments.get(state.processId, state.processVersion);
    if (!process) throw new HostError('notFound', `process ${state.processId} version ${state.processVersion} is not deployed`);
    return process;
  }

  private record(result: StepResult): void {
    const id = result.state.instanceId;
    this.states.set(id, result.state);
    this.touched.add(id);
    if (this.history === undefined) this.history = result.history;
    else for (const e of result.history) this.history.push(e);
    this.commands.push(result.record);
    for (const effect of result.effects) this.pending.push({ instanceId: id, effect });
  }

  /**
   * Effects run one at a time after the step that produced them, in order, like a job queue.
   * Synchronously while each handler finishes at once (a start's `instanceCompleted`, usually);
   * from the first handler that waits on, asynchronously. Undefined when all ran at once.
   */
  private drain(): Promise<void> | undefined {
    while (this.next < this.pending.length) {
      const waiting = this.runNext();
      if (waiting) return waiting.then(() => this.drainAll());
    }
    return undefined;
  }

  private async drainAll(): Promise<void> {
    while (this.next < this.pending.length) {
      const waiting = this.runNext();
      if (waiting) await waiting;
    }
  }

  private runNext(): Promise<void> | void {
    const { instanceId, effect } = this.pending[this.next++];
    const handler = this.ports.handlers[effect.type] as EffectHandler | undefined;
    if (handler) return handler(this, instanceId, effect);
    if (HANDLED.has(effect.type)) return this.handle(instanceId, effect);
  }

  private async handle(instanceId: string, effect: Effect): Promise<void> {
    switch (effect.type) {
      case 'startChildInstance': {
        const process = this.deployments.get(effect.processId);
        if (!process) {
          this.logger?.warn(`call activity in ${instanceId}: process ${effect.processId} is not deployed`);
          this.step(await this.state(instanceId), {
            type: 'childCanceled', elementInstanceId: effect.parentElementInstanceId, reason: `process ${effect.processId} is not deployed`,
          });
          return;
        }
        this.record(this.startStep(process, {
          instanceId: effect.childInstanceId,
          variables: effect.variables,
          businessKey: effect.businessKey,
          callDepth: effect.callDepth,
          parent: { instanceId: effect.parentInstanceId, elementInstanceId: effect.parentElementInstanceId },
        }));
        return;
      }
      case 'notifyParent': {
        const parent = await this.state(effect.parentInstanceId);
        // The call activity may be gone already (an interrupting catcher of the child's escalation ended it).
        if (parent.status !== 'active' || !parent.elements[effect.parentElementInstanceId]) return;
        this.step(parent, { type: 'childCompleted', elementInstanceId: effect.parentElementInstanceId, variables: effect.variables });
        return;
      }
      case 'errorToParent': {
        // The child keeps its incident; if the parent (or an ancestor) catches the error, the call
        // activity is terminated and cancels the child.
        const parent = await this.state(effect.parentInstanceId);
        if (parent.status !== 'active') return;
        this.step(parent, {
          type: 'childError', elementInstanceId: effect.parentElementInstanceId, errorCode: effect.errorCode,
          errorMessage: effect.errorMessage, variables: effect.variables,
        });
        return;
      }
      case 'escalationToParent': {
        // Non-critical: the child goes on; an interrupting catcher in the parent ends the call activity and so the child.
        const parent = await this.state(effect.parentInstanceId);
        if (parent.status !== 'active' || !parent.elements[effect.parentElementInstanceId]) return;
        this.step(parent, { type: 'childEscalation', elementInstanceId: effect.parentElementInstanceId, escalationCode: effect.escalationCode });
        return;
      }
      case 'cancelChildInstance': {
        if (effect.childInstanceId === null) return;
        const child = await this.state(effect.childInstanceId).catch(() => undefined);
        if (!child || child.status !== 'active') return;
        (this.cancelledByParent ??= new Set()).add(child.instanceId);
        this.step(child, { type: 'cancel' });
        return;
      }
      case 'instanceCanceled': {
        const state = await this.state(effect.instanceId);
        if (!state.parent || this.cancelledByParent?.has(state.instanceId)) return;
        const parent = await this.state(state.parent.instanceId);
        // The call activity may be gone already (the parent was told otherwise, e.g. of an error).
        if (parent.status !== 'active' || !parent.elements[state.parent.elementInstanceId]) return;
        this.step(parent, { type: 'childCanceled', elementInstanceId: state.parent.elementInstanceId });
        return;
      }
      case 'jobCreated': {
        const worker = this.workers[effect.job.type];
        if (!worker) return;
        const state = await this.state(instanceId);
        if (state.status !== 'active' || state.suspended || !state.jobs[effect.job.key]) return;
        const out = worker(effect.job, state.variables);
        const command: Command = out && typeof (out as { errorCode?: unknown }).errorCode === 'string'
          ? { type: 'throwError', jobKey: effect.job.key, errorCode: (out as { errorCode: string }).errorCode, errorMessage: (out as { errorMessage?: string }).errorMessage }
          : { type: 'completeJob', jobKey: effect.job.key, variables: (out ?? {}) as Variables };
        this.step(state, command);
        return;
      }
      default:
        return;
    }
  }
}

/** Effect types the transaction acts on; the others are for observers (`onCommit`). */
const HANDLED = new Set<Effect['type']>(['startChildInstance', 'notifyParent', 'errorToParent', 'escalationToParent', 'cancelChildInstance', 'instanceCanceled', 'jobCreated']);

/**
 * A host-level refusal: unknown instance, job, task or process; ambiguous element reference; a
 * message id already buffered; `lockLost`: a job worker acted on a job it holds no live lock on
 * (the lock ran out, another worker has it, it failed and waits for a retry, or an incident is open).
 */
export class HostError extends Error {
  constructor(
    readonly reason: 'notFound' | 'ambiguous' | 'invalid' | 'duplicate' | 'lockLost',
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

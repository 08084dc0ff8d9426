import { dispatch, start } from '../engine';
import type {
  Command, Deployments, Effect, EngineContext, ExecutableProcess, HistoryEvent, InstanceState, Job, Logger, StartOptions,
  StepResult, Variables,
} from '../engine';
import type { Store, StoreCommit } from './store';

/** Completes (returns variables) or throws a BPMN error for a job, inline, as soon as it is created. */
export type JobWorker = (job: Job, variables: Readonly<Variables>) => Variables | void | { errorCode: string; errorMessage?: string };

/**
 * One host operation from a command to the next wait state of every instance it touches. Steps
 * and their effects (child instances, parent notifications, inline job workers) run in order on
 * working copies; nothing reaches the store until {@link commitTo}, which writes it all at once.
 */
export class HostTransaction {
  private readonly states = new Map<string, InstanceState>();
  /** Instances whose current state object this transaction created: later steps may work on it in place. */
  private readonly touched = new Set<string>();
  private readonly history: HistoryEvent[] = [];
  private readonly pending: Array<{ instanceId: string; effect: Effect }> = [];
  /** Children whose cancellation the parent asked for: their end must not be reported back. */
  private readonly cancelledByParent = new Set<string>();
  readonly effects: Array<{ instanceId: string; effect: Effect }> = [];

  constructor(
    private readonly store: Store,
    private readonly deployments: Deployments,
    private readonly ctx: EngineContext,
    private readonly workers: Readonly<Record<string, JobWorker>>,
    private readonly logger: Logger | undefined,
  ) {}

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
    const result = start(process, options, this.ctx);
    this.record(result);
    await this.drain();
    return this.states.get(result.state.instanceId) ?? result.state;
  }

  async dispatch(instanceId: string, command: Command): Promise<InstanceState> {
    this.step(await this.state(instanceId), command);
    await this.drain();
    return this.states.get(instanceId) as InstanceState;
  }

  /**
   * Applies a command. A state loaded from the store is copied by the engine (the store owns it and
   * an aborted transaction must leave it untouched); a state this transaction produced is not
   * committed anywhere yet, so the engine may work on it in place.
   */
  private step(state: InstanceState, command: Command): void {
    this.record(dispatch(this.processOf(state), state, command, this.ctx, { inPlace: this.touched.has(state.instanceId) }));
  }

  /** Writes every touched instance and all new history in one atomic store commit. */
  async commitTo(store: Store): Promise<StoreCommit> {
    const changes: StoreCommit = {
      instances: [...this.touched].map((id) => this.states.get(id) as InstanceState),
      history: this.history,
    };
    if (changes.instances.length > 0 || changes.history.length > 0) await store.commit(changes);
    return changes;
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
    for (const e of result.history) this.history.push(e);
    for (const effect of result.effects) {
      this.pending.push({ instanceId: id, effect });
      this.effects.push({ instanceId: id, effect });
    }
  }

  // Effects run one at a time after the step that produced them, in order, like a job queue.
  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const { instanceId, effect } = this.pending.shift() as { instanceId: string; effect: Effect };
      await this.handle(instanceId, effect);
    }
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
        this.record(start(process, {
          instanceId: effect.childInstanceId,
          variables: effect.variables,
          businessKey: effect.businessKey,
          parent: { instanceId: effect.parentInstanceId, elementInstanceId: effect.parentElementInstanceId },
        }, this.ctx));
        return;
      }
      case 'notifyParent': {
        const parent = await this.state(effect.parentInstanceId);
        if (parent.status !== 'active') return;
        this.step(parent, { type: 'childCompleted', elementInstanceId: effect.parentElementInstanceId, variables: effect.variables });
        return;
      }
      case 'errorToParent': {
        // The child is canceled right after (its `instanceCanceled` finds the call activity gone).
        const parent = await this.state(effect.parentInstanceId);
        if (parent.status !== 'active') return;
        this.step(parent, {
          type: 'childError', elementInstanceId: effect.parentElementInstanceId, errorCode: effect.errorCode,
          errorMessage: effect.errorMessage, variables: effect.variables,
        });
        return;
      }
      case 'cancelChildInstance': {
        if (effect.childInstanceId === null) return;
        const child = await this.state(effect.childInstanceId).catch(() => undefined);
        if (!child || child.status !== 'active') return;
        this.cancelledByParent.add(child.instanceId);
        this.step(child, { type: 'cancel' });
        return;
      }
      case 'instanceCanceled': {
        const state = await this.state(effect.instanceId);
        if (!state.parent || this.cancelledByParent.has(state.instanceId)) return;
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

/** A host-level refusal: unknown instance, job, task or process; ambiguous element reference. */
export class HostError extends Error {
  constructor(
    readonly reason: 'notFound' | 'ambiguous' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

import type { Deployments } from '../deployments';
import type { HistoryEvent } from '../history/events';
import type { EngineContext } from '../ports';
import type { Command } from './commands';
import type { Effect } from './effects';
import { dispatch as dispatchStep, start as startStep } from './engine';
import type { InstanceState, Job, Variables } from './state';
import type { StartOptions, StepResult } from './step-result';

/** A job worker for {@link MemoryEngine}: return variables to complete, or `{ error }` to throw a BPMN error. */
export type JobWorker = (job: Job, variables: Readonly<Variables>) => Variables | void | { errorCode: string };

/**
 * A tiny in-memory host for tests and examples: keeps states and history, starts call-activity
 * children, reports completion to parents, and optionally runs job workers inline.
 *
 * @example
 * const engine = new MemoryEngine(deployments, ctx, { charge: () => ({ paid: true }) });
 * const id = engine.start('order', { variables: { amount: 10 } });
 * engine.state(id).status; // 'completed'
 */
export class MemoryEngine {
  readonly states = new Map<string, InstanceState>();
  readonly histories = new Map<string, HistoryEvent[]>();
  private readonly pending: Array<() => void> = [];
  private draining = false;

  constructor(
    readonly deployments: Deployments,
    readonly ctx: EngineContext,
    readonly workers: Record<string, JobWorker> = {},
  ) {}

  start(processId: string, options: StartOptions = {}, version?: number): string {
    const process = this.deployments.get(processId, version);
    if (!process) throw new Error(`process ${processId} is not deployed`);
    const result = startStep(process, options, this.ctx);
    this.record(result);
    this.drain();
    return result.state.instanceId;
  }

  dispatch(instanceId: string, command: Command): InstanceState {
    const state = this.state(instanceId);
    const process = this.deployments.get(state.processId, state.processVersion);
    if (!process) throw new Error(`process ${state.processId} v${state.processVersion} is not deployed`);
    this.record(dispatchStep(process, state, command, this.ctx));
    this.drain();
    return this.state(instanceId);
  }

  state(instanceId: string): InstanceState {
    const s = this.states.get(instanceId);
    if (!s) throw new Error(`no instance ${instanceId}`);
    return s;
  }

  history(instanceId: string): HistoryEvent[] {
    return this.histories.get(instanceId) ?? [];
  }

  private record(result: StepResult): void {
    const id = result.state.instanceId;
    this.states.set(id, result.state);
    const h = this.histories.get(id);
    if (h) h.push(...result.history);
    else this.histories.set(id, [...result.history]);
    for (const effect of result.effects) this.pending.push(() => this.handle(id, effect));
  }

  // Effects run after the step that produced them, one at a time, as a real host would.
  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.pending.length > 0) (this.pending.shift() as () => void)();
    } finally {
      this.draining = false;
    }
  }

  private handle(instanceId: string, effect: Effect): void {
    switch (effect.type) {
      case 'startChildInstance':
        if (!this.deployments.get(effect.processId)) {
          this.dispatch(effect.parentInstanceId, {
            type: 'childCanceled', elementInstanceId: effect.parentElementInstanceId, reason: `process ${effect.processId} is not deployed`,
          });
          return;
        }
        this.start(effect.processId, {
          instanceId: effect.childInstanceId,
          variables: effect.variables,
          businessKey: effect.businessKey,
          parent: { instanceId: effect.parentInstanceId, elementInstanceId: effect.parentElementInstanceId },
        });
        return;
      case 'notifyParent':
        this.dispatch(effect.parentInstanceId, { type: 'childCompleted', elementInstanceId: effect.parentElementInstanceId, variables: effect.variables });
        return;
      case 'errorToParent':
        this.dispatch(effect.parentInstanceId, {
          type: 'childError', elementInstanceId: effect.parentElementInstanceId, errorCode: effect.errorCode, errorMessage: effect.errorMessage, variables: effect.variables,
        });
        return;
      case 'instanceCanceled': {
        const parent = this.states.get(instanceId)?.parent;
        const waiting = parent && this.states.get(parent.instanceId)?.elements[parent.elementInstanceId];
        if (parent && waiting && this.state(parent.instanceId).status === 'active') {
          this.dispatch(parent.instanceId, { type: 'childCanceled', elementInstanceId: parent.elementInstanceId });
        }
        return;
      }
      case 'cancelChildInstance':
        if (effect.childInstanceId && this.states.get(effect.childInstanceId)?.status === 'active') this.dispatch(effect.childInstanceId, { type: 'cancel' });
        return;
      case 'jobCreated': {
        const worker = this.workers[effect.job.type];
        const state = this.states.get(instanceId);
        if (!worker || !state?.jobs[effect.job.key] || state.suspended) return;
        const out = worker(effect.job, state.variables);
        if (out && typeof (out as { errorCode?: unknown }).errorCode === 'string') {
          this.dispatch(instanceId, { type: 'throwError', jobKey: effect.job.key, errorCode: (out as { errorCode: string }).errorCode });
        } else this.dispatch(instanceId, { type: 'completeJob', jobKey: effect.job.key, variables: (out ?? {}) as Variables });
        return;
      }
      default:
        return;
    }
  }
}

/**
 * Starts `process` and returns at its first wait state (or its end): the same as `start`, named
 * for what tests mean by it.
 */
export function runToWait(...args: Parameters<typeof startStep>): StepResult {
  return startStep(...args);
}

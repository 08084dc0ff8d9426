import type { ExecutableProcess } from '../model/types';
import type { EngineContext } from '../ports';
import { cloneJson } from './clone';
import { CommandRejectedError } from './commands';
import { applyCommand } from './dispatch';
import { seedFrom } from './random';
import { STATE_SCHEMA_VERSION } from './state';
import type { InstanceState } from './state';
import { Step } from './step';
import type { CommandRecord, HistoryMode, StartOptions, StepResult } from './step-result';
import { setAll } from './variables';

/**
 * Starts an instance of `process` and runs it to its first wait state (or to its end).
 *
 * @example
 * const { state, effects, history } = start(process, { variables: { amount: 150 }, businessKey: 'A-1' }, ctx);
 * effects.filter((e) => e.type === 'jobCreated'); // the jobs to hand out
 */
export function start(process: ExecutableProcess, options: StartOptions, ctx: EngineContext): StepResult {
  const instanceId = options.instanceId ?? ctx.ids?.next('instance');
  if (!instanceId) throw new CommandRejectedError('invalid', 'start needs an instanceId (or an IdGenerator in the context)');
  const startNodeId = options.startEventId ?? process.startNodeId;
  const startNode = process.nodes.get(startNodeId);
  if (!startNode || startNode.kind !== 'startEvent' || startNode.containerId !== null) {
    throw new CommandRejectedError('invalid', startNodeId ? `${startNodeId} is not a start event of process ${process.id}` : `process ${process.id} has no none start event`);
  }
  const now = options.now ?? ctx.clock.now();
  const seed = options.seed ?? seedFrom(instanceId);
  const state: InstanceState = {
    schemaVersion: STATE_SCHEMA_VERSION,
    instanceId,
    processId: process.id,
    processVersion: process.version,
    businessKey: options.businessKey ?? null,
    status: 'active',
    suspended: false,
    parent: options.parent ?? null,
    callDepth: options.callDepth ?? 0,
    startedAt: now,
    endedAt: null,
    seq: 0,
    variables: {},
    elements: {},
    elementCounter: 0,
    liveElements: 0,
    counters: {},
    rng: seed | 0,
    commands: 1,
    joins: {},
    jobs: {},
    tasks: {},
    timers: {},
    subscriptions: {},
    incidents: {},
    path: [],
  };
  const variables = options.variables ? cloneJson(options.variables) : undefined;
  const record: CommandRecord = {
    instanceId, n: 1, time: now,
    command: {
      type: 'start', processId: process.id, processVersion: process.version, variables: variables ? cloneJson(variables) : {},
      businessKey: state.businessKey, parent: state.parent ? { ...state.parent } : null, callDepth: state.callDepth, seed: state.rng,
    },
  };
  if (options.startEventId) record.command.startEventId = options.startEventId;
  const step = new Step(process, state, ctx, now, options.history === 'elements');
  if (!step.skipsUnkept()) step.emit({ type: 'instanceStarted', processId: process.id, processVersion: process.version, businessKey: state.businessKey });
  if (variables) setAll(step, null, variables, true);
  step.openEventSubprocessWaits(null, process.eventSubprocesses);
  step.enter(startNode, null);
  step.run();
  return { state, effects: step.effects, history: step.history, record };
}

export interface DispatchOptions {
  /**
   * The caller hands `state` over and will not read it again (a host that stores the result
   * anyway): the step then works on it directly instead of on a deep copy, which matters for
   * large instances (1,000 multi-instance children). The result is the same either way.
   */
  inPlace?: boolean;
  /** The step's time; default `ctx.clock.now()`. */
  now?: number;
  /** See {@link HistoryMode}; default `full`. */
  history?: HistoryMode;
}

/**
 * Applies one command to an instance and runs it to the next wait state. Pure: `state` is not
 * modified (unless `options.inPlace`); the result holds a new state.
 *
 * @example
 * const r = dispatch(process, state, { type: 'completeJob', jobKey: 'job-1', variables: { paid: true } }, ctx);
 * @throws CommandRejectedError when the command does not apply (unknown job, suspended instance...).
 */
export function dispatch(process: ExecutableProcess, state: InstanceState, command: { type: string }, ctx: EngineContext, options: DispatchOptions = {}): StepResult {
  if (state.schemaVersion !== STATE_SCHEMA_VERSION) {
    throw new CommandRejectedError('invalid', `state schema version ${state.schemaVersion} is not ${STATE_SCHEMA_VERSION}; migrate it first`);
  }
  if (state.processId !== process.id || state.processVersion !== process.version) {
    throw new CommandRejectedError('invalid', `instance ${state.instanceId} runs ${state.processId} v${state.processVersion}, not ${process.id} v${process.version}`);
  }
  if (state.status !== 'active') throw new CommandRejectedError('notActive', `instance ${state.instanceId} is ${state.status}`);
  if (state.suspended && command.type !== 'resume' && command.type !== 'cancel' && command.type !== 'setVariables') {
    throw new CommandRejectedError('suspended', `instance ${state.instanceId} is suspended`);
  }
  const now = options.now ?? ctx.clock.now();
  // The state must not share objects with the caller's command, which it may reuse or mutate.
  const applied = cloneJson(command) as StepResult['record']['command'];
  const step = new Step(process, options.inPlace ? state : cloneJson(state), ctx, now, options.history === 'elements');
  applyCommand(step, applied);
  step.state.commands++;
  step.run();
  const record: CommandRecord = { instanceId: state.instanceId, n: step.state.commands, time: now, command: cloneJson(applied) };
  return { state: step.state, effects: step.effects, history: step.history, record };
}

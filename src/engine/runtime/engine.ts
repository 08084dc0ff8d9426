import type { ExecutableProcess } from '../model/types';
import type { EngineContext } from '../ports';
import { cloneJson } from './clone';
import type { Command } from './commands';
import { CommandRejectedError } from './commands';
import { applyCommand } from './dispatch';
import { STATE_SCHEMA_VERSION } from './state';
import type { InstanceState } from './state';
import { Step } from './step';
import type { StartOptions, StepResult } from './step-result';
import { setAll } from './variables';

/**
 * Starts an instance of `process` and runs it to its first wait state (or to its end).
 *
 * @example
 * const { state, effects, history } = start(process, { variables: { amount: 150 }, businessKey: 'A-1' }, ctx);
 * effects.filter((e) => e.type === 'jobCreated'); // the jobs to hand out
 */
export function start(process: ExecutableProcess, options: StartOptions, ctx: EngineContext): StepResult {
  const state: InstanceState = {
    schemaVersion: STATE_SCHEMA_VERSION,
    instanceId: options.instanceId ?? ctx.ids.next('instance'),
    processId: process.id,
    processVersion: process.version,
    businessKey: options.businessKey ?? null,
    status: 'active',
    suspended: false,
    parent: options.parent ?? null,
    startedAt: 0,
    endedAt: null,
    seq: 0,
    variables: {},
    elements: {},
    elementCounter: 0,
    joins: {},
    jobs: {},
    tasks: {},
    incidents: {},
    path: [],
  };
  const step = new Step(process, state, ctx);
  state.startedAt = step.now;
  step.emit({ type: 'instanceStarted', processId: process.id, processVersion: process.version, businessKey: state.businessKey });
  if (options.variables) setAll(step, null, cloneJson(options.variables), true);
  step.enter(step.node(process.startNodeId), null);
  step.run();
  return { state, effects: step.effects, history: step.history };
}

export interface DispatchOptions {
  /**
   * The caller hands `state` over and will not read it again (a host that stores the result
   * anyway): the step then works on it directly instead of on a deep copy, which matters for
   * large instances (1,000 multi-instance children). The result is the same either way.
   */
  inPlace?: boolean;
}

/**
 * Applies one command to an instance and runs it to the next wait state. Pure: `state` is not
 * modified (unless `options.inPlace`); the result holds a new state.
 *
 * @example
 * const r = dispatch(process, state, { type: 'completeJob', jobKey: 'job-1', variables: { paid: true } }, ctx);
 * @throws CommandRejectedError when the command does not apply (unknown job, suspended instance...).
 */
export function dispatch(process: ExecutableProcess, state: InstanceState, command: Command, ctx: EngineContext, options: DispatchOptions = {}): StepResult {
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
  const step = new Step(process, options.inPlace ? state : cloneJson(state), ctx);
  applyCommand(step, command);
  step.run();
  return { state: step.state, effects: step.effects, history: step.history };
}


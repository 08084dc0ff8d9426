/**
 * Public API of the Flowdeck BPMN engine. See README.md for an example and
 * docs/engine-semantics.md for the semantics.
 */
import type { ExecutableProcess } from './model/types';
import type { EngineContext } from './ports';
import type { Command } from './behaviours/commands';
import { dispatch as dispatchAny } from './runtime/engine';
import type { DispatchOptions } from './runtime/engine';
import type { InstanceState } from './runtime/state';
import type { StepResult } from './runtime/step-result';

export * from './ports';
export type * from './model/types';
export { parseBpmn } from './model/parse';
export type { ParsedDefinitions, ModdleElement } from './model/parse';
export type * from './runtime/state';
export { STATE_SCHEMA_VERSION } from './runtime/state';
export type { Command } from './behaviours/commands';
export type { KernelCommand } from './runtime/commands';
export type { JobCommand } from './behaviours/job';
export { jobAvailableFrom } from './behaviours/job';
export type { UserTaskCommand } from './behaviours/user-task';
export type { CallCommand } from './behaviours/call-activity';
export { CommandRejectedError } from './runtime/commands';
export type * from './runtime/effects';
export type * from './runtime/step-result';
export type * from './runtime/element-type';
export type * from './history/events';
export { compileDeployment } from './compile-deployment';
export { compileProcesses } from './model/compile';
export type { CompileOptions, CompiledDeployment } from './model/compile';
export { defaultRegistry } from './behaviours/registry';
export { Deployments } from './deployments';
export { start } from './runtime/engine';
export type { DispatchOptions } from './runtime/engine';
export { replayLog } from './runtime/replay';
export { DEFAULT_STEP_BUDGET } from './runtime/step';
export { createSequentialIds } from './runtime/ids';
export { Sfc32 } from './runtime/random';
export { activeElementIds, completedPath, openJobs, openTasks, openIncidents, variablesAt } from './runtime/queries';
export { migrateState } from './snapshot/migrate';

/**
 * Applies one command to an instance and runs it to the next wait state (see `runtime/engine.ts`).
 *
 * @example
 * const r = dispatch(process, state, { type: 'completeJob', jobKey, variables: { paid: true } }, ctx, { now });
 */
export const dispatch: (process: ExecutableProcess, state: InstanceState, command: Command, ctx: EngineContext, options?: DispatchOptions) => StepResult = dispatchAny;

/**
 * Public API of the Flowdeck BPMN engine. See README.md for an example and
 * docs/engine-semantics.md for the semantics.
 */
export * from './ports';
export type * from './model/types';
export { parseBpmn } from './model/parse';
export type { ParsedDefinitions, ModdleElement } from './model/parse';
export type * from './runtime/state';
export { STATE_SCHEMA_VERSION } from './runtime/state';
export type { Command } from './runtime/commands';
export { CommandRejectedError } from './runtime/commands';
export type * from './runtime/effects';
export type * from './runtime/step-result';
export type * from './history/events';
export { compileDeployment } from './model/compile';
export type { CompileOptions, CompiledDeployment } from './model/compile';
export { Deployments } from './deployments';
export { start, dispatch } from './runtime/engine';
export type { DispatchOptions } from './runtime/engine';
export { createSequentialIds } from './runtime/ids';
export { activeElementIds, completedPath, openJobs, openTasks, openIncidents, variablesAt } from './runtime/queries';
export { MemoryEngine, runToWait } from './runtime/memory-engine';
export type { JobWorker } from './runtime/memory-engine';
export { migrateState } from './snapshot/migrate';

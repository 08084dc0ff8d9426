/**
 * Public API of the host layer: the EngineHost and the port implementations it is wired with.
 * See README.md.
 *
 * @example
 * import { EngineHost, MemoryStore, RealClock, FeelExpressions, DmnDecisions, createQuickJsScriptRunner } from '../host';
 * const host = await EngineHost.create({ store: new MemoryStore(), clock: new RealClock(), expressions: new FeelExpressions(),
 *   decisions: new DmnDecisions(), scripts: await createQuickJsScriptRunner() });
 */
export { EngineHost, DeployError } from './engine-host';
export type { DeployableDecisions, DeploymentNote, DeployResult, EngineHostOptions, JobRef, TaskRef } from './engine-host';
export { HostError } from './transaction';
export { WorkerLoop } from './jobs/worker-loop';
export type { JobHandlerResult, WorkerLoopOptions } from './jobs/worker-loop';
export type { FailJobOptions, FetchAndLockRequest, LockedJob, ThrowJobErrorOptions } from './jobs/types';
export type { ConditionalStartResult } from './conditional-starts';
export type { JobWorker } from './transaction';
export type { DeploymentRecord, InstanceQuery, Store, StoreCommit } from './store';
export { MemoryStore, type MemoryStoreSnapshot } from './memory-store';
export { StoreConflictError } from './store-errors';
export { CountingIds, ManualClock, RealClock, SeededRandom, UniqueIds } from './clocks';
export { FeelExpressions } from './feel-expressions';
export { DmnDecisions, DmnDeployError } from './dmn-decisions';
export { createQuickJsScriptRunner } from './scripts/quickjs-runner';
export type { QuickJsRunnerOptions, QuickJsScriptRunner } from './scripts/quickjs-runner';
export { SCRIPT_API_DTS } from './scripts/script-api.d.ts';

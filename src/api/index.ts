// The engine API (see README.md): one service over one EngineHost, plain data in and out.
export { EngineApi, API_METHODS, ROUTES, type ApiData, type ApiMethod, type ApiRequest } from './service';
export { API_ERROR_CODES, ApiError, isFailure, toFailure, type ApiErrorCode, type ApiFailure, type ApiResult, type ApiSuccess, type Page } from './errors';
export type { ApiPorts, DefinitionVersion, DeploymentCatalog, DeploymentSummary } from './ports';
export { MemoryCatalog } from './memory-catalog';
export { DexieCatalog } from './dexie-catalog';
export type { InstanceSummary } from './resources/instances';
export type { ElementStats, InstanceCounts } from './resources/stats';
export type { Timeline, TimelineBucket } from './resources/stats-timeline';
export { CHANGES_CHANNEL, ENGINE_LOCK, RPC_CHANNEL, type EngineChange } from './channels';
export { dexieInstanceSource } from './dexie-instances';
export { hostInstanceSource, type InstanceFilter, type InstanceRowView, type InstanceSource } from './instance-source';

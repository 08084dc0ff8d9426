// The public API of the workspace store; import from 'src/store', not from its files.
export { FlowdeckDb, DB_NAME, openWorkspaceDb } from './db';
export { SCHEMA_VERSIONS, applySchema, type SchemaVersion } from './schema';
export { ConflictError, RecordNotFoundError, ValidationError } from './errors';
export { createProject, listProjects, renameProject, duplicateProject, deleteProject, restoreDeleted, searchWorkspace, type SearchResult } from './projects';
export { createFile, listFiles, getFile, renameFile, duplicateFile, deleteFile, saveFileContent, type CreateFileOptions, type ExpectedRevision } from './files';
export { getDecisionTests, updateDecisionTests } from './decision-tests';
export { createVersion, listVersions, getVersion, restoreVersion, type RestoreResult } from './versions';
export { templateFor, bpmnTemplate, dmnTemplate, formTemplate } from './templates';
export { cleanName, uniqueName, matchesQuery } from './names';
export { newId } from './ids';
export { FILE_KINDS, type FileKind, type FileRecord, type ProjectRecord, type VersionRecord, type DeletedSnapshot } from './types';
export { StorageQuotaError } from './errors';
export { requestPersistentStorage, estimateStorage, isQuotaError, type PersistResult, type StorageEstimate, type StorageLike } from './storage';
// The engine's Store on this database (schemas v2 and v3)
export { DexieStore, type DexieStoreOptions } from './engine/dexie-store';
export { deployForm, listVersionsOf, sha256 } from './engine/deployments';
export { recordAudit, listAudit, type Actor } from './engine/audit';
export type { AuditRow, DefinitionRow, DeploymentRow } from './engine/rows';
export { queryUserTasks, queryJobs, dueTimers, type TaskQuery } from './engine/queries';
export { exportEngineSnapshot } from './engine/snapshot';
export { importEngineSnapshot } from './engine/snapshot-import';
export { queryInstances, type InstanceFilter, type InstancePage, type InstanceSummary } from './engine/instance-queries';

// The public API of the archive format; import from 'src/archive', not from its files.
export { packArchive, type ArchiveFileInput, type PackInput } from './pack';
export { readArchive } from './read';
export { validateArchiveModels, assertArchiveModels, type ModelProblem } from './validate-models';
export type { ArchiveContents, ArchiveFile } from './contents';
export { ArchiveError, type ArchiveErrorCode } from './errors';
export { DEFAULT_LIMITS, archiveLimits, type ArchiveLimits } from './limits';
export { FORMAT_VERSION, FORMAT_NAME, MANIFEST_PATH, DATA_PATHS, RESOURCE_KINDS, kindOfPath, type ArchiveManifest, type ManifestEntry, type ResourceKind } from './format';
export { sha256Hex } from './sha256';
export { pathProblem } from './path-rules';

import { ArchiveError, assertArchiveModels, DATA_PATHS, readArchive } from '../archive';
import type { MemoryStoreSnapshot } from '../host/memory-store';
import type { DeployFile } from './deploy';
import { HttpError } from './http/errors';

/**
 * The deployable files of a `.flowdeck` archive (BPMN, DMN, forms; scenarios, simulations and
 * tests stay out), read and validated by `src/archive` (hashes, limits, hostile entries, every
 * model compiling, references resolving). A refused archive is a 400 naming the entry.
 */
export async function readArchiveFiles(archive: Uint8Array): Promise<DeployFile[]> {
  return (await readArchiveContents(archive)).files;
}

const SNAPSHOT_LISTS = ['instances', 'history', 'commands', 'deployments', 'startTimers', 'bufferedMessages', 'messageStartLocks'] as const;

/**
 * The deployable files and, when the archive carries it (`data/instances.json`, written by the
 * studio's "Include the engine's instances and history"), the engine data: a snapshot whose
 * every list is checked to be a list (the archive reader already refused bad JSON and
 * prototype keys); the store's restore checks the rest in its transaction.
 */
export async function readArchiveContents(archive: Uint8Array): Promise<{ files: DeployFile[]; engineData?: MemoryStoreSnapshot }> {
  try {
    const contents = readArchive(archive);
    await assertArchiveModels(contents);
    const files: DeployFile[] = [];
    for (const f of contents.files) if (f.kind === 'bpmn' || f.kind === 'dmn' || f.kind === 'form') files.push({ name: f.path, source: f.text, kind: f.kind });
    if (files.length === 0) throw new HttpError('VALIDATION_ERROR', 'the archive holds no BPMN, DMN or form file to deploy');
    const data = contents.data.instances as Record<string, unknown> | undefined;
    if (data === undefined) return { files };
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new HttpError('VALIDATION_ERROR', `archive refused: ${DATA_PATHS.instances} is not an engine snapshot object`, { entry: DATA_PATHS.instances });
    const engineData: Record<string, unknown[]> = {};
    for (const key of SNAPSHOT_LISTS) {
      const list = data[key] ?? [];
      if (!Array.isArray(list)) throw new HttpError('VALIDATION_ERROR', `archive refused: ${DATA_PATHS.instances}: "${key}" must be a list`, { entry: DATA_PATHS.instances, field: key });
      engineData[key] = list;
    }
    return { files, engineData: engineData as unknown as MemoryStoreSnapshot };
  } catch (error) {
    if (error instanceof ArchiveError) throw new HttpError('VALIDATION_ERROR', `archive refused: ${error.message}`, { code: error.code, entry: error.entry, reason: error.reason });
    throw error;
  }
}

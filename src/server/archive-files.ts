import { ArchiveError, assertArchiveModels, readArchive } from '../archive';
import type { DeployFile } from './deploy';
import { HttpError } from './http/errors';

/**
 * The deployable files of a `.flowdeck` archive (BPMN, DMN, forms; scenarios, simulations and
 * tests stay out), read and validated by `src/archive` (hashes, limits, hostile entries, every
 * model compiling, references resolving). A refused archive is a 400 naming the entry.
 */
export async function readArchiveFiles(archive: Uint8Array): Promise<DeployFile[]> {
  try {
    const contents = readArchive(archive);
    await assertArchiveModels(contents);
    const files: DeployFile[] = [];
    for (const f of contents.files) if (f.kind === 'bpmn' || f.kind === 'dmn' || f.kind === 'form') files.push({ name: f.path, source: f.text, kind: f.kind });
    if (files.length === 0) throw new HttpError('VALIDATION_ERROR', 'the archive holds no BPMN, DMN or form file to deploy');
    return files;
  } catch (error) {
    if (error instanceof ArchiveError) throw new HttpError('VALIDATION_ERROR', `archive refused: ${error.message}`, { code: error.code, entry: error.entry, reason: error.reason });
    throw error;
  }
}

import type { FlowdeckDb } from './db';
import { ConflictError, RecordNotFoundError, ValidationError } from './errors';
import { newId } from './ids';
import { cleanName, uniqueName } from './names';
import { templateFor } from './templates';
import { FILE_KINDS, type DeletedSnapshot, type FileKind, type FileRecord } from './types';

/** Options of {@link createFile}. */
export interface CreateFileOptions {
  /** Starting content; a minimal valid template of the kind when omitted. */
  content?: string;
}

/**
 * Creates a file in a project. Without `content` it starts from a minimal valid template. A name
 * already used in the project by a file of the same kind gets a " (2)" suffix.
 *
 * @example
 * const file = await createFile(db, project.id, 'bpmn', 'Order handling');
 */
export async function createFile(
  db: FlowdeckDb,
  projectId: string,
  kind: FileKind,
  rawName: string,
  options: CreateFileOptions = {},
): Promise<FileRecord> {
  if (!FILE_KINDS.includes(kind)) throw new ValidationError(`Unknown file kind: ${String(kind)}`);
  const base = cleanName(rawName, 'file');
  return db.transaction('rw', db.projects, db.files, async () => {
    const project = await db.projects.get(projectId);
    if (!project) throw new RecordNotFoundError('project', projectId);
    const name = uniqueName(base, await namesOfKind(db, projectId, kind));
    const now = Date.now();
    const file: FileRecord = {
      id: newId(),
      projectId,
      kind,
      name,
      content: options.content ?? templateFor(kind, name),
      revision: 1,
      updatedAt: now,
    };
    await db.files.add(file);
    await db.projects.update(projectId, { updatedAt: now });
    return file;
  });
}

/** The files of a project, sorted by name then kind. */
export async function listFiles(db: FlowdeckDb, projectId: string): Promise<FileRecord[]> {
  const files = await db.files.where('projectId').equals(projectId).toArray();
  return files.sort((a, b) => a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind));
}

/** One file, or `undefined` when it does not exist (deleted, stale link). */
export async function getFile(db: FlowdeckDb, fileId: string): Promise<FileRecord | undefined> {
  return db.files.get(fileId);
}

/**
 * Renames a file. Refused with a ValidationError when another file of the same kind in the project
 * already has that name. The revision is not changed: a rename must not turn an editor's pending
 * content save in another tab into a conflict.
 */
export async function renameFile(db: FlowdeckDb, fileId: string, rawName: string): Promise<FileRecord> {
  const name = cleanName(rawName, 'file');
  return db.transaction('rw', db.projects, db.files, async () => {
    const file = await db.files.get(fileId);
    if (!file) throw new RecordNotFoundError('file', fileId);
    const others = (await namesOfKind(db, file.projectId, file.kind, fileId)).map((n) => n.toLowerCase());
    if (others.includes(name.toLowerCase())) {
      throw new ValidationError(`A ${file.kind.toUpperCase()} file named "${name}" already exists in this project`);
    }
    const now = Date.now();
    const renamed = { ...file, name, updatedAt: now };
    await db.files.put(renamed);
    await db.projects.update(file.projectId, { updatedAt: now });
    return renamed;
  });
}

/** Copies a file (current content, revision 1, no versions) as "<name> copy" in the same project. */
export async function duplicateFile(db: FlowdeckDb, fileId: string): Promise<FileRecord> {
  return db.transaction('rw', db.projects, db.files, async () => {
    const file = await db.files.get(fileId);
    if (!file) throw new RecordNotFoundError('file', fileId);
    const name = uniqueName(`${file.name} copy`, await namesOfKind(db, file.projectId, file.kind));
    const now = Date.now();
    const copy: FileRecord = { ...file, id: newId(), name, revision: 1, updatedAt: now };
    await db.files.add(copy);
    await db.projects.update(file.projectId, { updatedAt: now });
    return copy;
  });
}

/** Deletes a file and its versions; returns them for "Undo" (see `restoreDeleted`). */
export async function deleteFile(db: FlowdeckDb, fileId: string): Promise<DeletedSnapshot> {
  return db.transaction('rw', db.projects, db.files, db.versions, async () => {
    const file = await db.files.get(fileId);
    if (!file) throw new RecordNotFoundError('file', fileId);
    const versions = await db.versions.where('fileId').equals(fileId).toArray();
    await db.versions.bulkDelete(versions.map((v) => v.id));
    await db.files.delete(fileId);
    await db.projects.update(file.projectId, { updatedAt: Date.now() });
    return { projects: [], files: [file], versions };
  });
}

/**
 * `expectedRevision` of {@link saveFileContent}: the revision the edit started from, or
 * `'overwrite'` when the user explicitly chose to replace whatever is stored.
 */
export type ExpectedRevision = number | 'overwrite';

/**
 * Saves new content with optimistic concurrency: the write happens only if the stored revision is
 * still `expectedRevision`, and then the revision grows by one. Otherwise a {@link ConflictError}
 * is thrown and nothing is written. Saving unchanged content is a no-op (no new revision).
 *
 * @example
 * let file = await getFile(db, id);
 * file = await saveFileContent(db, id, newXml, file.revision); // file.revision is now +1
 */
export async function saveFileContent(
  db: FlowdeckDb,
  fileId: string,
  content: string,
  expectedRevision: ExpectedRevision,
): Promise<FileRecord> {
  return db.transaction('rw', db.projects, db.files, async () => {
    const file = await db.files.get(fileId);
    if (!file) throw new RecordNotFoundError('file', fileId);
    if (expectedRevision !== 'overwrite' && file.revision !== expectedRevision) {
      throw new ConflictError(fileId, expectedRevision, file.revision);
    }
    if (file.content === content) return file;
    const now = Date.now();
    const saved: FileRecord = { ...file, content, revision: file.revision + 1, updatedAt: now };
    await db.files.put(saved);
    await db.projects.update(file.projectId, { updatedAt: now });
    return saved;
  });
}

async function namesOfKind(db: FlowdeckDb, projectId: string, kind: FileKind, exceptId?: string): Promise<string[]> {
  const files = await db.files.where('projectId').equals(projectId).toArray();
  return files.filter((f) => f.kind === kind && f.id !== exceptId).map((f) => f.name);
}

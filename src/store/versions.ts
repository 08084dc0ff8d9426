import { Dexie } from 'dexie';
import type { FlowdeckDb } from './db';
import { ConflictError, RecordNotFoundError } from './errors';
import type { ExpectedRevision } from './files';
import { newId } from './ids';
import type { FileRecord, VersionRecord } from './types';

const MAX_NOTE_LENGTH = 500;

/**
 * Records the file's current stored content as the next named version (numbers count from 1 per
 * file), with a DMN file's decision tests. Flush pending edits before calling, or pass `content`
 * explicitly.
 *
 * @example
 * const v = await createVersion(db, file.id, 'Approved by finance'); // v.number === 1
 */
export async function createVersion(db: FlowdeckDb, fileId: string, note: string, content?: string): Promise<VersionRecord> {
  return db.transaction('rw', db.files, db.versions, async () => {
    const file = await db.files.get(fileId);
    if (!file) throw new RecordNotFoundError('file', fileId);
    return addVersion(db, fileId, note, content ?? file.content, file.tests);
  });
}

/** The file's changelog: all its versions, oldest first (number 1, 2, 3...). */
export async function listVersions(db: FlowdeckDb, fileId: string): Promise<VersionRecord[]> {
  return db.versions.where('[fileId+number]').between([fileId, Dexie.minKey], [fileId, Dexie.maxKey]).toArray();
}

/** One version, or `undefined`. */
export async function getVersion(db: FlowdeckDb, versionId: string): Promise<VersionRecord | undefined> {
  return db.versions.get(versionId);
}

/** What {@link restoreVersion} did. */
export interface RestoreResult {
  file: FileRecord;
  /**
   * The version created from the content that was replaced, when that content was not already the
   * latest version; restoring it undoes the restore. Versions are never deleted.
   */
  backup?: VersionRecord;
}

/**
 * Makes an old version the file's content (and a DMN file's decision tests) again, as a new
 * revision. What it replaces is first kept as a version ("Before restoring version N") unless it
 * equals the latest version, so
 * a restore can always be undone by restoring again. `expectedRevision` works as in
 * `saveFileContent` (a stale revision is refused with a ConflictError).
 *
 * @example
 * const { file } = await restoreVersion(db, versions[0].id, openFile.revision);
 */
export async function restoreVersion(
  db: FlowdeckDb,
  versionId: string,
  expectedRevision: ExpectedRevision = 'overwrite',
): Promise<RestoreResult> {
  return db.transaction('rw', db.projects, db.files, db.versions, async () => {
    const version = await db.versions.get(versionId);
    if (!version) throw new RecordNotFoundError('version', versionId);
    const file = await db.files.get(version.fileId);
    if (!file) throw new RecordNotFoundError('file', version.fileId);
    if (expectedRevision !== 'overwrite' && file.revision !== expectedRevision) {
      throw new ConflictError(file.id, expectedRevision, file.revision);
    }
    if (file.content === version.content && file.tests === version.tests) return { file };
    const latest = await latestVersion(db, file.id);
    const backup = latest !== undefined && sameAs(latest, file)
      ? undefined
      : await addVersion(db, file.id, `Before restoring version ${version.number}`, file.content, file.tests);
    const now = Date.now();
    const { tests: _replaced, ...rest } = file;
    // Tests alone do not count as a revision (ADR 0200): only a content change bumps it.
    const revision = file.content === version.content ? file.revision : file.revision + 1;
    const restored: FileRecord = { ...rest, content: version.content, ...(version.tests !== undefined ? { tests: version.tests } : {}), revision, updatedAt: now };
    await db.files.put(restored);
    await db.projects.update(file.projectId, { updatedAt: now });
    return backup ? { file: restored, backup } : { file: restored };
  });
}

async function latestVersion(db: FlowdeckDb, fileId: string): Promise<VersionRecord | undefined> {
  return db.versions.where('[fileId+number]').between([fileId, Dexie.minKey], [fileId, Dexie.maxKey]).last();
}

function sameAs(version: VersionRecord, file: FileRecord): boolean {
  return version.content === file.content && version.tests === file.tests;
}

async function addVersion(db: FlowdeckDb, fileId: string, rawNote: string, content: string, tests: string | undefined): Promise<VersionRecord> {
  const latest = await latestVersion(db, fileId);
  const version: VersionRecord = {
    id: newId(),
    fileId,
    number: (latest?.number ?? 0) + 1,
    note: rawNote.trim().slice(0, MAX_NOTE_LENGTH),
    content,
    ...(tests !== undefined ? { tests } : {}),
    createdAt: Date.now(),
  };
  await db.versions.add(version);
  return version;
}

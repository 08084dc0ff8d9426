/**
 * A save was based on a revision that is no longer the stored one: someone else (another tab, the
 * CLI, a restore) wrote in between. The caller decides explicitly: reload theirs or overwrite.
 *
 * @example
 * try { await saveFileContent(db, id, xml, base) }
 * catch (e) { if (e instanceof ConflictError) showConflict(e.currentRevision) }
 */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  constructor(
    readonly fileId: string,
    readonly expectedRevision: number,
    readonly currentRevision: number,
  ) {
    super(`File ${fileId} was changed elsewhere (revision ${currentRevision}, this edit was based on ${expectedRevision})`);
  }
}

/**
 * The record asked for does not exist (deleted meanwhile, or a stale link). Not called
 * `NotFoundError`: Dexie rewrites errors of that name (an IndexedDB DOMException name) into its own.
 */
export class RecordNotFoundError extends Error {
  override readonly name = 'RecordNotFoundError';
  constructor(
    readonly entity: 'project' | 'file' | 'version',
    readonly id: string,
  ) {
    super(`No ${entity} with id ${id}`);
  }
}

/** A name or argument that the workspace refuses (empty name, unknown kind...). */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
}

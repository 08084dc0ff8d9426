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

/**
 * The browser refused to store more (IndexedDB's `QuotaExceededError`): the write was rolled back
 * whole, everything stored before is still readable and exportable. Plain fields (`code`,
 * `details`), so it crosses the worker boundary as `{code, message, details}`.
 *
 * @example
 * try { await host.startInstance('order') }
 * catch (e) { if (e instanceof StorageQuotaError) showStorageFull(e.details) }
 */
export class StorageQuotaError extends Error {
  override readonly name = 'StorageQuotaError';
  readonly code = 'quotaExceeded' as const;
  constructor(
    /** What was being written, e.g. "the commit of instance order-1". */
    readonly what: string,
    readonly details: { usage?: number; quota?: number } = {},
  ) {
    super(`The browser's storage for Flowdeck is full: ${what} was not saved (nothing of it was written). ` +
      'Everything saved before is still there and can be exported; free space by deleting old instances or projects, or allow more storage for this site.');
  }
}

/** The three kinds of file a project holds; the file extension on disk is `.${kind}`. */
export type FileKind = 'bpmn' | 'dmn' | 'form';

export const FILE_KINDS: readonly FileKind[] = ['bpmn', 'dmn', 'form'];

/** A project: a named folder of files. Times are epoch milliseconds. */
export interface ProjectRecord {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
}

/**
 * A file of a project. `revision` starts at 1 and grows by one on every content or name change;
 * writers pass the revision they started from, so a stale writer is refused instead of
 * overwriting someone else's work (see `saveFileContent`).
 */
export interface FileRecord {
  id: string;
  projectId: string;
  kind: FileKind;
  name: string;
  /** XML for bpmn/dmn, JSON text for form. */
  content: string;
  revision: number;
  updatedAt: number;
  /**
   * DMN files only: the file's decision tests as a DMN TCK test-case XML document
   * (`<name>-test-01.xml` in archives). Kept on the DMN record so that rename, duplicate, delete
   * and undo carry them with the model in the same transaction (docs/adr/0200). Not counted in
   * `revision`: writing tests never turns an editor's pending save into a conflict.
   */
  tests?: string;
}

/** A named, immutable snapshot of a file's content; `number` counts from 1 per file. */
export interface VersionRecord {
  id: string;
  fileId: string;
  number: number;
  note: string;
  content: string;
  /** DMN files only: the decision tests (TCK XML) as they were, restored with the content (absent: none). */
  tests?: string;
  createdAt: number;
}

/** Everything a delete removed, so that an "Undo" can put it back unchanged. */
export interface DeletedSnapshot {
  projects: ProjectRecord[];
  files: FileRecord[];
  versions: VersionRecord[];
}

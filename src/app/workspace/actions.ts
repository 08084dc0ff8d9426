import {
  createFile,
  createProject,
  createVersion,
  deleteFile,
  deleteProject,
  duplicateFile,
  duplicateProject,
  getFile,
  renameFile,
  renameProject,
  restoreDeleted,
  restoreVersion,
  ConflictError,
  type DeletedSnapshot,
  type FileKind,
} from '../../store';
import { navigate } from '../routing/useRoute';
import { parseHash, routeFileId, routeProjectId } from '../routing/routes';
import { useStudio } from '../state/store';
import { db } from './db';
import { downloadContent } from './download';
import type { IncomingFile } from './import/import-files';

/**
 * The workspace commands the UI triggers: each does the store operation, then navigates and
 * tells the user. They throw nothing: failures become a banner (or are returned, for dialogs that
 * show them inline).
 */

const UNDO_MS = 8000;
const KIND_LABEL: Record<FileKind, string> = { bpmn: 'BPMN process', dmn: 'DMN decision', form: 'form' };

function studio() {
  return useStudio.getState();
}

function currentRoute() {
  return parseHash(window.location.hash);
}

function reportError(what: string, e: unknown): void {
  studio().banner('error', `${what}: ${(e as Error).message}`);
}

/** Creates a project and opens it. Returns an error message for the dialog, or undefined. */
export async function createProjectAction(name: string): Promise<string | undefined> {
  try {
    const project = await createProject(db, name);
    navigate({ name: 'project', projectId: project.id });
    studio().toast(`Project "${project.name}" created`);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Creates a file from its template and opens it. */
export async function createFileAction(projectId: string, kind: FileKind, name: string): Promise<string | undefined> {
  try {
    const file = await createFile(db, projectId, kind, name);
    studio().toggleVersions(false);
    navigate({ name: 'file', projectId, fileId: file.id });
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

export async function renameProjectAction(projectId: string, name: string): Promise<string | undefined> {
  try {
    await renameProject(db, projectId, name);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

export async function renameFileAction(fileId: string, name: string): Promise<string | undefined> {
  try {
    await renameFile(db, fileId, name);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

export async function duplicateProjectAction(projectId: string): Promise<void> {
  try {
    const copy = await duplicateProject(db, projectId);
    studio().toast(`Duplicated as "${copy.name}"`);
  } catch (e) {
    reportError('Could not duplicate the project', e);
  }
}

export async function duplicateFileAction(fileId: string): Promise<void> {
  try {
    await studio().session?.flush();
    const copy = await duplicateFile(db, fileId);
    studio().toast(`Duplicated as "${copy.name}"`);
    navigate({ name: 'file', projectId: copy.projectId, fileId: copy.id });
  } catch (e) {
    reportError('Could not duplicate the file', e);
  }
}

function offerUndo(message: string, snapshot: DeletedSnapshot, backTo: string): void {
  const toastId = studio().toast(message, {
    timeoutMs: UNDO_MS,
    action: {
      label: 'Undo',
      run: async () => {
        studio().dismissToast(toastId);
        await restoreDeleted(db, snapshot);
        window.location.hash = backTo;
      },
    },
  });
}

/** Deletes a project with everything in it, offering Undo for a few seconds. */
export async function deleteProjectAction(projectId: string): Promise<void> {
  try {
    const backTo = window.location.hash;
    const route = currentRoute();
    const snapshot = await deleteProject(db, projectId);
    const openFile = routeFileId(route);
    if (routeProjectId(route) === projectId || (openFile && snapshot.files.some((f) => f.id === openFile))) navigate({ name: 'home' });
    offerUndo(`Project "${snapshot.projects[0].name}" deleted`, snapshot, backTo);
  } catch (e) {
    reportError('Could not delete the project', e);
  }
}

/** Deletes a file and its versions, offering Undo for a few seconds. */
export async function deleteFileAction(fileId: string): Promise<void> {
  try {
    const backTo = window.location.hash;
    const route = currentRoute();
    if (routeFileId(route) === fileId) await studio().session?.flush();
    const snapshot = await deleteFile(db, fileId);
    const file = snapshot.files[0];
    if (routeFileId(route) === fileId) navigate({ name: 'project', projectId: file.projectId });
    offerUndo(`${capitalize(KIND_LABEL[file.kind])} "${file.name}" deleted`, snapshot, backTo);
  } catch (e) {
    reportError('Could not delete the file', e);
  }
}

/** Downloads a file; the open file is downloaded with its latest (maybe unsaved) content. */
export async function downloadFileAction(fileId: string): Promise<void> {
  const file = await getFile(db, fileId);
  if (!file) return reportError('Could not download', new Error('the file no longer exists'));
  const session = studio().session;
  const content = session?.getSnapshot().fileId === fileId ? session.getSnapshot().content : file.content;
  downloadContent(file, content);
}

/**
 * Opens files from disk into the current project (or a new one). Nothing is written unless every
 * file is valid; otherwise the error dialog names each refused file and its problem. Files that
 * were repaired or cannot be kept whole are shown in the import report first; nothing is written
 * if the user cancels there.
 */
export async function openFilesAction(files: readonly IncomingFile[]): Promise<void> {
  if (files.length === 0) return;
  const projectId = routeProjectId(currentRoute()) ?? (await projectOfOpenFile());
  try {
    // Loaded on first use: the moddle parsers are only needed when files arrive.
    const { importFiles } = await import('./import/import-files');
    const outcome = await importFiles(db, files, projectId, {
      review: (reviews) => new Promise<boolean>((resolve) => studio().openDialog({ type: 'importReport', reviews, resolve })),
    });
    if (!outcome.ok) {
      if (outcome.cancelled) studio().toast('Nothing was opened');
      else studio().openDialog({ type: 'importError', refused: outcome.refused });
      return;
    }
    const first = outcome.files[0];
    navigate({ name: 'file', projectId: first.projectId, fileId: first.id });
    const names = outcome.files.map((f) => `"${f.name}"`).join(', ');
    studio().toast(`Opened ${names}`);
    // Longer than the default: a note is a sentence to read, not a confirmation.
    for (const note of outcome.notes.slice(0, 3)) studio().toast(`${note.fileName}: ${note.problem.replace(/^(line \d+, )?[^:]+: /, '')}`, { timeoutMs: 12_000 });
    for (const w of outcome.warnings) studio().banner('warning', `${w.fileName} opened with a warning: ${w.problem}`, { fileId: w.fileId });
  } catch (e) {
    reportError('Could not open the files', e);
  }
}

async function projectOfOpenFile(): Promise<string | undefined> {
  const fileId = routeFileId(currentRoute());
  return fileId ? (await getFile(db, fileId))?.projectId : undefined;
}

/** Saves pending edits now and records a named version. Returns an error for the dialog. */
export async function saveVersionAction(fileId: string, note: string): Promise<string | undefined> {
  const session = studio().session;
  if (session && session.getSnapshot().fileId === fileId) {
    await session.flush();
    const state = session.getSnapshot().saveState;
    if (state === 'conflict') return 'This file was changed in another tab. Resolve the conflict first.';
    if (state === 'error') return session.getSnapshot().error ?? 'The file could not be saved';
  }
  try {
    const version = await createVersion(db, fileId, note);
    studio().toast(`Version ${version.number} saved${version.note ? `: ${version.note}` : ''}`);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Makes an old version current (undoable: the replaced content is kept as a version). */
export async function restoreVersionAction(versionId: string): Promise<void> {
  const session = studio().session;
  try {
    await session?.flush();
    const base = session?.getSnapshot();
    if (base?.saveState === 'conflict') {
      studio().banner('warning', 'Resolve the conflict with the other tab before restoring a version.');
      return;
    }
    const { file, backup } = await restoreVersion(db, versionId, base?.baseRevision ?? 'overwrite');
    if (session?.getSnapshot().fileId === file.id) session.adopt(file);
    navigate({ name: 'file', projectId: file.projectId, fileId: file.id });
    studio().toast(backup ? `Restored. The previous content is kept as version ${backup.number}.` : 'Restored');
  } catch (e) {
    if (e instanceof ConflictError) studio().banner('warning', 'The file changed in another tab meanwhile; look at it before restoring.');
    else reportError('Could not restore the version', e);
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

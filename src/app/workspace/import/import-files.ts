import { createFile, createProject, type FileRecord, type FlowdeckDb } from '../../../store';
import { baseName, kindOf } from './kind';
import { formatProblem } from './problem';
import { validateContent } from './validate';

/** What the import needs of a file; a DOM `File` is one, and so are the launch-queue handles' files. */
export interface IncomingFile {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
}

/** A file that was refused, and why (shown to the user as "<fileName>: <problem>"). */
export interface RefusedFile {
  fileName: string;
  problem: string;
}

export type ImportOutcome =
  | { ok: true; files: FileRecord[]; warnings: RefusedFile[] }
  | { ok: false; refused: RefusedFile[] };

const MAX_BYTES = 20 * 1024 * 1024;

/** Name of the project created when files are opened while no project is selected. */
export const IMPORT_PROJECT_NAME = 'Opened files';

/**
 * Opens files from disk into the workspace. Every file is read and validated first; if any is
 * refused, nothing at all is written (the workspace is unchanged) and the outcome lists each
 * refused file with its problem. Otherwise all files are added in one transaction, into
 * `projectId` or, when none is given, into the "Opened files" project (created when missing).
 *
 * @example
 * const outcome = await importFiles(db, [...input.files], route.projectId);
 * if (!outcome.ok) showImportError(outcome.refused);
 */
export async function importFiles(db: FlowdeckDb, incoming: readonly IncomingFile[], projectId?: string): Promise<ImportOutcome> {
  const refused: RefusedFile[] = [];
  const accepted: Array<{ fileName: string; name: string; kind: 'bpmn' | 'dmn' | 'form'; content: string; warnings: string[] }> = [];
  for (const file of incoming) {
    if (file.size > MAX_BYTES) {
      refused.push({ fileName: file.name, problem: `The file is larger than ${MAX_BYTES / 1024 / 1024} MB` });
      continue;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      refused.push({ fileName: file.name, problem: `The file could not be read (${(e as Error).message})` });
      continue;
    }
    const kind = kindOf(file.name, text);
    if (!kind) {
      refused.push({ fileName: file.name, problem: 'Not a .bpmn, .dmn or .form file' });
      continue;
    }
    const v = await validateContent(kind, text);
    if (!v.ok) refused.push({ fileName: file.name, problem: formatProblem(v) });
    else accepted.push({ fileName: file.name, name: baseName(file.name), kind, content: text, warnings: v.warnings });
  }
  if (refused.length > 0) return { ok: false, refused };
  if (accepted.length === 0) return { ok: false, refused: [{ fileName: '(none)', problem: 'No file was given' }] };

  const files = await db.transaction('rw', db.projects, db.files, async () => {
    const target =
      projectId && (await db.projects.get(projectId))
        ? projectId
        : ((await db.projects.filter((p) => p.name === IMPORT_PROJECT_NAME).first())?.id ?? (await createProject(db, IMPORT_PROJECT_NAME)).id);
    const created: FileRecord[] = [];
    for (const a of accepted) created.push(await createFile(db, target, a.kind, a.name, { content: a.content }));
    return created;
  });
  const warnings = accepted.flatMap((a) => a.warnings.map((w) => ({ fileName: a.fileName, problem: w })));
  return { ok: true, files, warnings };
}

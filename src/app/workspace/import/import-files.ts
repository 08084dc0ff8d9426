import { createFile, createProject, type FileRecord, type FlowdeckDb } from '../../../store';
import { decodeXml } from '../../../bpmn-io/decode';
import { formatItem, needsReview, type ImportReport } from '../../../bpmn-io/report';
import { baseName, kindOf } from './kind';
import { formatProblem } from './problem';
import { validateContent } from './validate';

/** What the import needs of a file; a DOM `File` is one, and so are the launch-queue handles' files. */
export interface IncomingFile {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
  /** The bytes, so that XML is decoded by its declaration (a DOM `File` has it). */
  arrayBuffer?(): Promise<ArrayBuffer>;
}

/** A file that was refused, and why (shown to the user as "<fileName>: <problem>"). */
export interface RefusedFile {
  fileName: string;
  problem: string;
  /** For warnings and notes about a file that was imported: its new id. */
  fileId?: string;
}

/** A file whose import report the user reviews before anything is written. */
export interface ImportReview {
  fileName: string;
  report: ImportReport;
}

export type ImportOutcome =
  /** `notes`: diagram-only repairs (a layout, a plane pointed at its process), to mention. */
  | { ok: true; files: FileRecord[]; warnings: RefusedFile[]; notes: RefusedFile[] }
  | { ok: false; refused: RefusedFile[]; cancelled?: boolean };

export interface ImportOptions {
  /**
   * Shown the reports of files that were repaired or lose content, before anything is written;
   * resolves true to import anyway, false to cancel (nothing is written). Without it the files
   * are imported and the lost items come back as warnings.
   */
  review?(reviews: ImportReview[]): Promise<boolean>;
}

const MAX_BYTES = 20 * 1024 * 1024;

/** Name of the project created when files are opened while no project is selected. */
export const IMPORT_PROJECT_NAME = 'Opened files';

/**
 * Opens files from disk into the workspace. Every file is read (XML decoded by its declaration)
 * and validated first; if any is refused, nothing at all is written and the outcome lists each
 * refused file with its problem. BPMN files are repaired on the way (`prepareBpmn`); when any file
 * cannot be kept whole or had its model (not only its diagram) changed, `options.review` is asked
 * first, and nothing is written if the user cancels. Otherwise all files are added in one transaction, into `projectId` or, when
 * none is given, into the "Opened files" project (created when missing).
 *
 * @example
 * const outcome = await importFiles(db, [...input.files], route.projectId, { review: askUser });
 * if (!outcome.ok && !outcome.cancelled) showImportError(outcome.refused);
 */
export async function importFiles(db: FlowdeckDb, incoming: readonly IncomingFile[], projectId?: string, options: ImportOptions = {}): Promise<ImportOutcome> {
  const refused: RefusedFile[] = [];
  const accepted: Array<{ fileName: string; name: string; kind: 'bpmn' | 'dmn' | 'form'; content: string; warnings: string[]; report?: ImportReport }> = [];
  for (const file of incoming) {
    if (file.size > MAX_BYTES) {
      refused.push({ fileName: file.name, problem: `The file is larger than ${MAX_BYTES / 1024 / 1024} MB` });
      continue;
    }
    let text: string;
    try {
      text = await readText(file);
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
    else accepted.push({ fileName: file.name, name: baseName(file.name), kind, content: v.content, warnings: v.warnings, report: v.report });
  }
  if (refused.length > 0) return { ok: false, refused };
  if (accepted.length === 0) return { ok: false, refused: [{ fileName: '(none)', problem: 'No file was given' }] };

  const reviews = accepted.filter((a) => a.report && needsReview(a.report)).map((a) => ({ fileName: a.fileName, report: a.report! }));
  if (reviews.length > 0 && options.review && !(await options.review(reviews))) return { ok: false, refused: [], cancelled: true };

  const files = await db.transaction('rw', db.projects, db.files, async () => {
    const target =
      projectId && (await db.projects.get(projectId))
        ? projectId
        : ((await db.projects.filter((p) => p.name === IMPORT_PROJECT_NAME).first())?.id ?? (await createProject(db, IMPORT_PROJECT_NAME)).id);
    const created: FileRecord[] = [];
    for (const a of accepted) created.push(await createFile(db, target, a.kind, a.name, { content: a.content }));
    return created;
  });
  // The user saw the reviewed files' reports; warnings are for the others.
  const reviewed = options.review ? new Set(reviews.map((r) => r.fileName)) : new Set<string>();
  // `files[i]` was created from `accepted[i]`.
  const idOf = new Map(accepted.map((a, i) => [a, files[i]!.id]));
  const warnings = accepted.filter((a) => !reviewed.has(a.fileName)).flatMap((a) => a.warnings.map((w) => ({ fileName: a.fileName, problem: w, fileId: idOf.get(a)! })));
  const notes = accepted
    .filter((a) => !reviewed.has(a.fileName))
    .flatMap((a) => (a.report?.items ?? []).filter((i) => i.severity === 'changed' && i.diagramOnly).map((i) => ({ fileName: a.fileName, problem: formatItem(i) })));
  return { ok: true, files, warnings, notes };
}

/** XML is decoded by its declaration (ISO-8859-1, windows-1252, UTF-16), everything else as UTF-8. */
async function readText(file: IncomingFile): Promise<string> {
  if (!file.arrayBuffer || /\.(form|json)$/i.test(file.name)) return file.text();
  return decodeXml(new Uint8Array(await file.arrayBuffer())).text;
}

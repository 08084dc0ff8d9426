import { packArchive, sha256Hex, type ArchiveContents } from '../../archive';
import { cleanName, exportEngineSnapshot, isQuotaError, listFiles, newId, StorageQuotaError, uniqueName, type FileKind, type FileRecord, type FlowdeckDb, type ProjectRecord } from '../../store';

const STUDIO_KINDS: readonly string[] = ['bpmn', 'dmn', 'form'];

/**
 * A project's files (or the chosen ones) as a `.flowdeck` archive: each at `<name>.<kind>`, with
 * the engine version its exact content was deployed as (matched by SHA-256), and optionally the
 * engine's instances and history (`includeEngineData`: the whole engine of this browser, which is
 * shared by every project).
 *
 * @example
 * const bytes = await exportProjectArchive(db, project.id, { createdBy: 'ada' });
 */
export async function exportProjectArchive(db: FlowdeckDb, projectId: string, options: { fileIds?: readonly string[]; createdBy?: string; includeEngineData?: boolean } = {}): Promise<{ project: ProjectRecord; bytes: Uint8Array; count: number }> {
  const project = await db.projects.get(projectId);
  if (!project) throw new Error(`The project ${projectId} no longer exists`);
  const chosen = new Set(options.fileIds ?? []);
  const files = (await listFiles(db, projectId)).filter((f) => options.fileIds === undefined || chosen.has(f.id));
  const inputs = await Promise.all(files.map(async (f) => {
    const deployedVersion = await deployedVersionOf(db, f.content);
    return { path: `${f.name}.${f.kind}`, content: f.content, kind: f.kind, ...(deployedVersion ? { deployedVersion } : {}) };
  }));
  const data = options.includeEngineData ? { instances: await exportEngineSnapshot(db) } : undefined;
  const bytes = packArchive({ project: project.name, createdBy: options.createdBy, files: inputs, data });
  return { project, bytes, count: files.length };
}

// The highest version the engine gave a deployment of exactly this content.
async function deployedVersionOf(db: FlowdeckDb, content: string): Promise<number | undefined> {
  const rows = await db.deployments.where('sha256').equals(sha256Hex(new TextEncoder().encode(content))).toArray();
  const versions = rows.flatMap((r) => Object.values(r.versions));
  return versions.length > 0 ? Math.max(...versions) : undefined;
}

/** What importing one archive entry would do. */
export interface ImportPreviewItem {
  path: string;
  /** The studio file name it becomes (the path's last part without its extension). */
  name: string;
  kind: string;
  /** `skipped`: a kind the studio does not hold (scenarios, tests, engine data stay in the archive). */
  change: 'added' | 'changed' | 'unchanged' | 'skipped';
  /** The existing file it replaces (`changed`) or equals (`unchanged`). */
  fileId?: string;
}

/** Where an import goes: a new project, or into an existing one. */
export type ImportTarget = { kind: 'new' } | { kind: 'into'; projectId: string };

/**
 * Compares an archive with the target, file by file (matched by name and kind, ignoring case),
 * without writing anything.
 */
export async function previewImport(db: FlowdeckDb, contents: ArchiveContents, target: ImportTarget): Promise<ImportPreviewItem[]> {
  const existing = target.kind === 'into' ? await listFiles(db, target.projectId) : [];
  const taken = new Map<string, FileRecord>(existing.map((f) => [key(f.name, f.kind), f]));
  const usedNew = new Map<string, string[]>();
  return contents.files.map((file) => {
    const name = nameOf(file.path);
    if (!STUDIO_KINDS.includes(file.kind)) return { path: file.path, name, kind: file.kind, change: 'skipped' };
    const match = taken.get(key(name, file.kind));
    if (match) {
      taken.delete(key(name, file.kind));
      return { path: file.path, name: match.name, kind: file.kind, change: match.content === file.text ? 'unchanged' : 'changed', fileId: match.id };
    }
    const names = usedNew.get(file.kind) ?? existing.filter((f) => f.kind === file.kind).map((f) => f.name);
    const unique = uniqueName(name, names);
    usedNew.set(file.kind, [...names, unique]);
    return { path: file.path, name: unique, kind: file.kind, change: 'added' };
  });
}

/**
 * Writes the preview in one Dexie transaction: the new project (if any), every added file and
 * every changed file (its revision + 1). Either all of it is stored or none: a full disk leaves the
 * workspace as it was and throws `StorageQuotaError`.
 *
 * @returns the project written into.
 */
export async function applyImport(db: FlowdeckDb, contents: ArchiveContents, target: ImportTarget, preview: readonly ImportPreviewItem[]): Promise<ProjectRecord> {
  const texts = new Map(contents.files.map((f) => [f.path, f.text]));
  try {
    return await db.transaction('rw', db.projects, db.files, async () => {
      const now = Date.now();
      let project: ProjectRecord;
      if (target.kind === 'new') {
        const taken = (await db.projects.toArray()).map((p) => p.name);
        project = { id: newId(), name: uniqueName(cleanName(contents.manifest.project, 'project'), taken), createdAt: now, updatedAt: now };
        await db.projects.add(project);
      } else {
        const found = await db.projects.get(target.projectId);
        if (!found) throw new Error('The project to import into no longer exists');
        project = { ...found, updatedAt: now };
        await db.projects.put(project);
      }
      for (const item of preview) {
        const content = texts.get(item.path)!;
        if (item.change === 'added') {
          await db.files.add({ id: newId(), projectId: project.id, kind: item.kind as FileKind, name: item.name, content, revision: 1, updatedAt: now });
        } else if (item.change === 'changed') {
          const file = await db.files.get(item.fileId!);
          if (!file) throw new Error(`${item.name} was deleted while the import was being reviewed`);
          await db.files.put({ ...file, content, revision: file.revision + 1, updatedAt: now });
        }
      }
      return project;
    });
  } catch (error) {
    if (isQuotaError(error)) throw new StorageQuotaError(`the import of "${contents.manifest.project}"`);
    throw error;
  }
}

function nameOf(path: string): string {
  const last = path.split('/').pop()!;
  return last.replace(/\.(bpmn|dmn|form|scenario\.json|simulation\.json|cpt\.json|json)$/i, '');
}

function key(name: string, kind: string): string {
  return `${kind}:${name.toLowerCase()}`;
}

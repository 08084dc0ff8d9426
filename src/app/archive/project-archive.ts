import { packArchive, sha256Hex, type ArchiveContents, type ArchiveFileInput } from '../../archive';
import { cleanName, exportEngineSnapshot, isQuotaError, listFiles, newId, StorageQuotaError, uniqueName, type FileKind, type FileRecord, type FlowdeckDb, type ProjectRecord } from '../../store';
import { archivedTests, testsEntryOf } from './archive-tests';

const STUDIO_KINDS: readonly string[] = ['bpmn', 'dmn', 'form'];

/**
 * A project's files (or the chosen ones) as a `.flowdeck` archive: each at `<name>.<kind>`, with
 * the engine version its exact content was deployed as (matched by SHA-256), a DMN file's
 * decision tests as `<name>-test-01.xml` right after it (their `modelName` set to `<name>.dmn`,
 * so `flowdeck test` finds the model after a rename), and optionally the
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
  const inputs = (await Promise.all(files.map(async (f): Promise<ArchiveFileInput[]> => {
    const deployedVersion = await deployedVersionOf(db, f.content);
    const path = `${f.name}.${f.kind}`;
    const model: ArchiveFileInput = { path, content: f.content, kind: f.kind, ...(deployedVersion ? { deployedVersion } : {}) };
    return f.kind === 'dmn' && f.tests !== undefined ? [model, testsEntryOf(path, f.tests)] : [model];
  }))).flat();
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
  /**
   * `skipped`: a kind the studio does not hold (scenarios, engine data stay in the archive), or
   * decision tests with no DMN file beside them. For decision tests (`kind: 'dmnTest'`) the change
   * is that of the DMN file's tests.
   */
  change: 'added' | 'changed' | 'unchanged' | 'skipped';
  /** The existing file it replaces (`changed`) or equals (`unchanged`). */
  fileId?: string;
  /** Decision tests: the archive path of the DMN file they go onto. */
  dmnPath?: string;
}

/** Where an import goes: a new project, or into an existing one. */
export type ImportTarget = { kind: 'new' } | { kind: 'into'; projectId: string };

/**
 * Compares an archive with the target, file by file (matched by name and kind, ignoring case),
 * without writing anything. Decision tests (`<name>-test-NN.xml`) go onto the DMN file beside
 * them; a DMN file the archive carries without tests keeps the tests it has.
 *
 * @throws Error naming the entry when a decision test file is not a TCK test-case file.
 */
export async function previewImport(db: FlowdeckDb, contents: ArchiveContents, target: ImportTarget): Promise<ImportPreviewItem[]> {
  const existing = target.kind === 'into' ? await listFiles(db, target.projectId) : [];
  const taken = new Map<string, FileRecord>(existing.map((f) => [key(f.name, f.kind), f]));
  const usedNew = new Map<string, string[]>();
  const tests = archivedTests(contents.files);
  const models = contents.files.map((file): ImportPreviewItem => {
    const name = nameOf(file.path);
    if (file.kind === 'dmnTest') return { path: file.path, name, kind: file.kind, change: 'skipped' };
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
  const byId = new Map(existing.map((f) => [f.id, f]));
  return models.map((item) => {
    if (item.kind !== 'dmnTest') return item;
    const group = [...tests.values()].find((g) => g.paths.includes(item.path))!;
    const dmn = models.find((m) => m.kind === 'dmn' && m.path.toLowerCase() === group.dmnPath.toLowerCase());
    if (!dmn) return item;
    const stored = dmn.fileId ? byId.get(dmn.fileId)?.tests : undefined;
    const change = dmn.change === 'added' || stored === undefined ? 'added' : stored === group.xml ? 'unchanged' : 'changed';
    return { ...item, name: dmn.name, change, dmnPath: dmn.path, ...(dmn.fileId ? { fileId: dmn.fileId } : {}) };
  });
}

/**
 * Writes the preview in one Dexie transaction: the new project (if any), every added file and
 * every changed file (its revision + 1), and decision tests onto their DMN files (the revision
 * unchanged, ADR 0200). Either all of it is stored or none: a full disk leaves the
 * workspace as it was and throws `StorageQuotaError`.
 *
 * @returns the project written into.
 */
export async function applyImport(db: FlowdeckDb, contents: ArchiveContents, target: ImportTarget, preview: readonly ImportPreviewItem[]): Promise<ProjectRecord> {
  const texts = new Map(contents.files.map((f) => [f.path, f.text]));
  const tests = archivedTests(contents.files);
  const testsOf = (dmnPath: string) => tests.get(dmnPath.toLowerCase())?.xml;
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
      const idOfPath = new Map<string, string>();
      for (const item of preview) {
        if (item.kind === 'dmnTest') continue;
        const content = texts.get(item.path)!;
        if (item.change === 'added') {
          const id = newId();
          await db.files.add({ id, projectId: project.id, kind: item.kind as FileKind, name: item.name, content, revision: 1, updatedAt: now });
          idOfPath.set(item.path, id);
        } else if (item.change === 'changed') {
          const file = await db.files.get(item.fileId!);
          if (!file) throw new Error(`${item.name} was deleted while the import was being reviewed`);
          await db.files.put({ ...file, content, revision: file.revision + 1, updatedAt: now });
        }
        if (item.fileId) idOfPath.set(item.path, item.fileId);
      }
      for (const item of preview) {
        if (item.kind !== 'dmnTest' || !item.dmnPath || (item.change !== 'added' && item.change !== 'changed')) continue;
        const file = await db.files.get(idOfPath.get(item.dmnPath) ?? '');
        if (!file) throw new Error(`${item.name} was deleted while the import was being reviewed`);
        await db.files.put({ ...file, tests: testsOf(item.dmnPath)!, updatedAt: now });
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
  return last.replace(/\.(bpmn|dmn|form|scenario\.json|simulation\.json|cpt\.json|json|xml)$/i, '');
}

function key(name: string, kind: string): string {
  return `${kind}:${name.toLowerCase()}`;
}

import type { FlowdeckDb } from './db';
import { RecordNotFoundError } from './errors';
import { newId } from './ids';
import { cleanName, matchesQuery, uniqueName } from './names';
import type { DeletedSnapshot, FileRecord, ProjectRecord, VersionRecord } from './types';

/**
 * Creates an empty project. The name is trimmed; a name already used by another project gets a
 * " (2)" suffix so that the sidebar never shows two identical entries.
 *
 * @example
 * const project = await createProject(db, 'Orders');
 */
export async function createProject(db: FlowdeckDb, rawName: string): Promise<ProjectRecord> {
  const base = cleanName(rawName, 'project');
  return db.transaction('rw', db.projects, async () => {
    const taken = (await db.projects.toArray()).map((p) => p.name);
    const now = Date.now();
    const project: ProjectRecord = { id: newId(), name: uniqueName(base, taken), createdAt: now, updatedAt: now };
    await db.projects.add(project);
    return project;
  });
}

/** All projects, most recently changed first. */
export async function listProjects(db: FlowdeckDb): Promise<ProjectRecord[]> {
  return (await db.projects.toArray()).sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
}

/** Renames a project (names are not required to be unique, but are cleaned). */
export async function renameProject(db: FlowdeckDb, projectId: string, rawName: string): Promise<ProjectRecord> {
  const name = cleanName(rawName, 'project');
  return db.transaction('rw', db.projects, async () => {
    const project = await db.projects.get(projectId);
    if (!project) throw new RecordNotFoundError('project', projectId);
    const renamed = { ...project, name, updatedAt: Date.now() };
    await db.projects.put(renamed);
    return renamed;
  });
}

/**
 * Copies a project with all its files (at their current content, revision reset to 1) and their
 * named versions, under the name "<name> copy".
 */
export async function duplicateProject(db: FlowdeckDb, projectId: string): Promise<ProjectRecord> {
  return db.transaction('rw', db.projects, db.files, db.versions, async () => {
    const source = await db.projects.get(projectId);
    if (!source) throw new RecordNotFoundError('project', projectId);
    const taken = (await db.projects.toArray()).map((p) => p.name);
    const now = Date.now();
    const copy: ProjectRecord = { id: newId(), name: uniqueName(`${source.name} copy`, taken), createdAt: now, updatedAt: now };
    await db.projects.add(copy);
    const files = await db.files.where('projectId').equals(projectId).toArray();
    for (const file of files) {
      const fileCopy: FileRecord = { ...file, id: newId(), projectId: copy.id, revision: 1, updatedAt: now };
      await db.files.add(fileCopy);
      const versions = await db.versions.where('fileId').equals(file.id).toArray();
      await db.versions.bulkAdd(versions.map((v): VersionRecord => ({ ...v, id: newId(), fileId: fileCopy.id })));
    }
    return copy;
  });
}

/**
 * Deletes a project, its files and their versions in one transaction and returns what was removed,
 * so that the UI can offer "Undo" with {@link restoreDeleted}.
 */
export async function deleteProject(db: FlowdeckDb, projectId: string): Promise<DeletedSnapshot> {
  return db.transaction('rw', db.projects, db.files, db.versions, async () => {
    const project = await db.projects.get(projectId);
    if (!project) throw new RecordNotFoundError('project', projectId);
    const files = await db.files.where('projectId').equals(projectId).toArray();
    const fileIds = files.map((f) => f.id);
    const versions = fileIds.length ? await db.versions.where('fileId').anyOf(fileIds).toArray() : [];
    await db.versions.bulkDelete(versions.map((v) => v.id));
    await db.files.bulkDelete(fileIds);
    await db.projects.delete(projectId);
    return { projects: [project], files, versions };
  });
}

/**
 * Puts back what a delete removed, exactly as it was (same ids, so links and open tabs work again).
 * Restoring twice is harmless.
 */
export async function restoreDeleted(db: FlowdeckDb, snapshot: DeletedSnapshot): Promise<void> {
  await db.transaction('rw', db.projects, db.files, db.versions, async () => {
    await db.projects.bulkPut(snapshot.projects);
    await db.files.bulkPut(snapshot.files);
    await db.versions.bulkPut(snapshot.versions);
  });
}

/** What the workspace search found: matching projects, and matching files (with their project). */
export interface SearchResult {
  projects: ProjectRecord[];
  files: FileRecord[];
}

/**
 * Case-insensitive "name contains" search over projects and files. An empty query returns every
 * project and no files (the sidebar then shows the normal tree).
 *
 * @example
 * const { projects, files } = await searchWorkspace(db, 'order');
 */
export async function searchWorkspace(db: FlowdeckDb, query: string): Promise<SearchResult> {
  const projects = await listProjects(db);
  if (!query.trim()) return { projects, files: [] };
  const files = await db.files.filter((f) => matchesQuery(f.name, query)).toArray();
  files.sort((a, b) => a.name.localeCompare(b.name));
  return { projects: projects.filter((p) => matchesQuery(p.name, query)), files };
}

import { afterEach, describe, expect, it } from 'vitest';
import { freshDb } from './test-support/fresh-db';
import { createProject, deleteProject, duplicateProject, listProjects, renameProject, restoreDeleted, searchWorkspace } from './projects';
import { createFile, getFile, saveFileContent } from './files';
import { createVersion, listVersions } from './versions';
import { RecordNotFoundError, ValidationError } from './errors';
import type { FlowdeckDb } from './db';

let db: FlowdeckDb;
afterEach(async () => {
  await db?.delete();
});

describe('projects', () => {
  it('given an empty workspace, when a project is created, then it is listed with trimmed name', async () => {
    db = freshDb();
    const p = await createProject(db, '  Orders  ');
    expect(await listProjects(db)).toEqual([p]);
    expect(p.name).toBe('Orders');
    expect(p.createdAt).toBe(p.updatedAt);
  });

  it('given a project named Orders, when another Orders is created, then it is named "Orders (2)"', async () => {
    db = freshDb();
    await createProject(db, 'Orders');
    const second = await createProject(db, 'orders');
    expect(second.name).toBe('orders (2)');
  });

  it('when a project is created with a blank name, then it is refused', async () => {
    db = freshDb();
    await expect(createProject(db, '   ')).rejects.toBeInstanceOf(ValidationError);
    expect(await listProjects(db)).toEqual([]);
  });

  it('given a project, when renamed, then the new name is stored', async () => {
    db = freshDb();
    const p = await createProject(db, 'Old');
    await renameProject(db, p.id, 'New');
    expect((await listProjects(db))[0].name).toBe('New');
    await expect(renameProject(db, 'nope', 'x')).rejects.toBeInstanceOf(RecordNotFoundError);
  });

  it('given a project with a file and a version, when duplicated, then the copy has its own file and versions', async () => {
    db = freshDb();
    const p = await createProject(db, 'Orders');
    const f = await createFile(db, p.id, 'bpmn', 'Main');
    await saveFileContent(db, f.id, '<changed/>', 1);
    await createVersion(db, f.id, 'first');

    const copy = await duplicateProject(db, p.id);

    expect(copy.name).toBe('Orders copy');
    const copiedFiles = await db.files.where('projectId').equals(copy.id).toArray();
    expect(copiedFiles).toHaveLength(1);
    expect(copiedFiles[0].id).not.toBe(f.id);
    expect(copiedFiles[0].content).toBe('<changed/>');
    expect(copiedFiles[0].revision).toBe(1);
    const copiedVersions = await listVersions(db, copiedFiles[0].id);
    expect(copiedVersions.map((v) => v.note)).toEqual(['first']);
    // the original is untouched
    expect(await listVersions(db, f.id)).toHaveLength(1);
  });

  it('given a project with files and versions, when deleted and then restored, then everything is back with the same ids', async () => {
    db = freshDb();
    const p = await createProject(db, 'Orders');
    const f = await createFile(db, p.id, 'dmn', 'Pricing');
    await createVersion(db, f.id, 'v1');
    const before = { projects: await db.projects.toArray(), files: await db.files.toArray(), versions: await db.versions.toArray() };

    const snapshot = await deleteProject(db, p.id);
    expect(await db.projects.count()).toBe(0);
    expect(await db.files.count()).toBe(0);
    expect(await db.versions.count()).toBe(0);

    await restoreDeleted(db, snapshot);
    await restoreDeleted(db, snapshot); // an impatient double click
    expect(await db.projects.toArray()).toEqual(before.projects);
    expect(await db.files.toArray()).toEqual(before.files);
    expect(await db.versions.toArray()).toEqual(before.versions);
    expect((await getFile(db, f.id))?.name).toBe('Pricing');
  });

  it('given two projects, when one is deleted, then the other keeps its files', async () => {
    db = freshDb();
    const a = await createProject(db, 'A');
    const b = await createProject(db, 'B');
    await createFile(db, a.id, 'bpmn', 'a');
    const fb = await createFile(db, b.id, 'bpmn', 'b');
    await deleteProject(db, a.id);
    expect((await db.files.toArray()).map((f) => f.id)).toEqual([fb.id]);
  });
});

describe('searchWorkspace', () => {
  it('given projects and files, when searching, then names containing the query match case-insensitively', async () => {
    db = freshDb();
    const orders = await createProject(db, 'Orders');
    const hr = await createProject(db, 'HR');
    await createFile(db, orders.id, 'bpmn', 'Order intake');
    await createFile(db, hr.id, 'dmn', 'Leave approval');
    await createFile(db, hr.id, 'form', 'Reorder request');

    const result = await searchWorkspace(db, 'ORDER');

    expect(result.projects.map((p) => p.name)).toEqual(['Orders']);
    expect(result.files.map((f) => f.name)).toEqual(['Order intake', 'Reorder request']);
  });

  it('given an empty query, then all projects and no files are returned', async () => {
    db = freshDb();
    await createProject(db, 'A');
    const result = await searchWorkspace(db, '  ');
    expect(result.projects).toHaveLength(1);
    expect(result.files).toEqual([]);
  });
});

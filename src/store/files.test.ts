import { afterEach, describe, expect, it } from 'vitest';
import { freshDb } from './test-support/fresh-db';
import { createProject } from './projects';
import { createFile, deleteFile, duplicateFile, getFile, listFiles, renameFile, saveFileContent } from './files';
import { restoreDeleted } from './projects';
import { createVersion } from './versions';
import { ConflictError, RecordNotFoundError, ValidationError } from './errors';
import type { FlowdeckDb } from './db';

let db: FlowdeckDb;
afterEach(async () => {
  await db?.delete();
});

async function projectWithFile(kind: 'bpmn' | 'dmn' | 'form' = 'bpmn') {
  db = freshDb();
  const project = await createProject(db, 'P');
  const file = await createFile(db, project.id, kind, 'Main');
  return { project, file };
}

describe('createFile', () => {
  it.each(['bpmn', 'dmn', 'form'] as const)('when a %s file is created without content, then it starts from the template at revision 1', async (kind) => {
    const { file } = await projectWithFile(kind);
    expect(file.revision).toBe(1);
    expect(file.kind).toBe(kind);
    expect(file.content.length).toBeGreaterThan(20);
    expect(await getFile(db, file.id)).toEqual(file);
  });

  it('when a file is created with content, then that content is stored as is', async () => {
    db = freshDb();
    const p = await createProject(db, 'P');
    const f = await createFile(db, p.id, 'form', 'F', { content: '{"components":[]}' });
    expect((await getFile(db, f.id))?.content).toBe('{"components":[]}');
  });

  it('given a bpmn file "Main", when another bpmn "Main" is created, then it becomes "Main (2)"; a dmn "Main" keeps its name', async () => {
    const { project } = await projectWithFile('bpmn');
    expect((await createFile(db, project.id, 'bpmn', 'Main')).name).toBe('Main (2)');
    expect((await createFile(db, project.id, 'dmn', 'Main')).name).toBe('Main');
  });

  it('when the project does not exist or the kind is unknown, then creation is refused', async () => {
    db = freshDb();
    await expect(createFile(db, 'missing', 'bpmn', 'x')).rejects.toBeInstanceOf(RecordNotFoundError);
    const p = await createProject(db, 'P');
    await expect(createFile(db, p.id, 'xlsx' as 'bpmn', 'x')).rejects.toBeInstanceOf(ValidationError);
    await expect(createFile(db, p.id, 'bpmn', 'a/b')).rejects.toBeInstanceOf(ValidationError);
    expect(await listFiles(db, p.id)).toEqual([]);
  });
});

describe('saveFileContent (optimistic concurrency)', () => {
  it('given revision 1, when saved with revision 1, then content is stored and the revision becomes 2', async () => {
    const { file } = await projectWithFile();
    const saved = await saveFileContent(db, file.id, '<new/>', 1);
    expect(saved.revision).toBe(2);
    expect(await getFile(db, file.id)).toMatchObject({ content: '<new/>', revision: 2 });
  });

  it('given another writer saved first, when a save based on the old revision arrives, then it is refused and nothing is overwritten', async () => {
    const { file } = await projectWithFile();
    await saveFileContent(db, file.id, '<tab-a/>', 1);

    const stale = saveFileContent(db, file.id, '<tab-b/>', 1);

    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ expectedRevision: 1, currentRevision: 2 });
    expect(await getFile(db, file.id)).toMatchObject({ content: '<tab-a/>', revision: 2 });
  });

  it('given a conflict, when the user explicitly overwrites, then their content wins as a new revision', async () => {
    const { file } = await projectWithFile();
    await saveFileContent(db, file.id, '<tab-a/>', 1);
    const saved = await saveFileContent(db, file.id, '<tab-b/>', 'overwrite');
    expect(saved).toMatchObject({ content: '<tab-b/>', revision: 3 });
  });

  it('when two saves based on the same revision race, then exactly one wins', async () => {
    const { file } = await projectWithFile();
    const results = await Promise.allSettled([saveFileContent(db, file.id, '<a/>', 1), saveFileContent(db, file.id, '<b/>', 1)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(ConflictError);
    expect((await getFile(db, file.id))?.revision).toBe(2);
  });

  it('when unchanged content is saved, then no new revision is made', async () => {
    const { file } = await projectWithFile();
    const saved = await saveFileContent(db, file.id, file.content, 1);
    expect(saved.revision).toBe(1);
  });

  it('when the file was deleted, then the save is refused with NotFound', async () => {
    const { file } = await projectWithFile();
    await deleteFile(db, file.id);
    await expect(saveFileContent(db, file.id, '<x/>', 1)).rejects.toBeInstanceOf(RecordNotFoundError);
  });
});

describe('rename, duplicate, delete', () => {
  it('when a file is renamed, then its name changes but not its revision', async () => {
    const { file } = await projectWithFile();
    const renamed = await renameFile(db, file.id, ' Intake ');
    expect(renamed).toMatchObject({ name: 'Intake', revision: 1 });
    // a save started before the rename still goes through
    await expect(saveFileContent(db, file.id, '<x/>', 1)).resolves.toMatchObject({ revision: 2, name: 'Intake' });
  });

  it('given two bpmn files, when one is renamed to the other name, then it is refused', async () => {
    const { project, file } = await projectWithFile();
    await createFile(db, project.id, 'bpmn', 'Other');
    await expect(renameFile(db, file.id, 'other')).rejects.toBeInstanceOf(ValidationError);
    expect((await getFile(db, file.id))?.name).toBe('Main');
  });

  it('when a file is duplicated, then the copy has the same content, revision 1 and a "copy" name', async () => {
    const { project, file } = await projectWithFile();
    await saveFileContent(db, file.id, '<v2/>', 1);
    const copy = await duplicateFile(db, file.id);
    const again = await duplicateFile(db, file.id);
    expect(copy).toMatchObject({ name: 'Main copy', content: '<v2/>', revision: 1, projectId: project.id });
    expect(again.name).toBe('Main copy (2)');
  });

  it('given a file with versions, when deleted and restored, then file and versions are back', async () => {
    const { project, file } = await projectWithFile();
    const v = await createVersion(db, file.id, 'one');
    const snapshot = await deleteFile(db, file.id);
    expect(await listFiles(db, project.id)).toEqual([]);
    expect(await db.versions.get(v.id)).toBeUndefined();
    await restoreDeleted(db, snapshot);
    expect(await getFile(db, file.id)).toEqual(file);
    expect(await db.versions.get(v.id)).toEqual(v);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { freshDb } from './test-support/fresh-db';
import { createProject } from './projects';
import { createFile, getFile, saveFileContent } from './files';
import { updateDecisionTests } from './decision-tests';
import { createVersion, getVersion, listVersions, restoreVersion } from './versions';
import { ConflictError, RecordNotFoundError } from './errors';
import type { FlowdeckDb } from './db';

let db: FlowdeckDb;
afterEach(async () => {
  await db?.delete();
});

async function fileWithContent(content: string) {
  db = freshDb();
  const p = await createProject(db, 'P');
  const f = await createFile(db, p.id, 'bpmn', 'Main', { content });
  return f;
}

describe('named versions', () => {
  it('when versions are created, then they are numbered per file and listed oldest first with their notes', async () => {
    const f = await fileWithContent('<a/>');
    const other = await createFile(db, f.projectId, 'dmn', 'Other');
    await createVersion(db, f.id, '  first draft ');
    await saveFileContent(db, f.id, '<b/>', 1);
    await createVersion(db, f.id, 'reviewed');
    await createVersion(db, other.id, 'unrelated');

    const log = await listVersions(db, f.id);

    expect(log.map((v) => [v.number, v.note, v.content])).toEqual([
      [1, 'first draft', '<a/>'],
      [2, 'reviewed', '<b/>'],
    ]);
    expect((await listVersions(db, other.id)).map((v) => v.number)).toEqual([1]);
  });

  it('when a version is created with explicit content, then that content is kept (pending edits)', async () => {
    const f = await fileWithContent('<stored/>');
    const v = await createVersion(db, f.id, 'n', '<typed/>');
    expect((await getVersion(db, v.id))?.content).toBe('<typed/>');
  });

  it('when a version of a missing file is created, then it is refused', async () => {
    db = freshDb();
    await expect(createVersion(db, 'missing', 'x')).rejects.toBeInstanceOf(RecordNotFoundError);
  });

  it('given v1 and later edits, when v1 is restored, then the content is v1 as a new revision and the replaced content is kept as a version', async () => {
    const f = await fileWithContent('<a/>');
    const v1 = await createVersion(db, f.id, 'one');
    await saveFileContent(db, f.id, '<b/>', 1);

    const { file, backup } = await restoreVersion(db, v1.id, 2);

    expect(file).toMatchObject({ content: '<a/>', revision: 3 });
    expect(backup).toMatchObject({ number: 2, note: 'Before restoring version 1', content: '<b/>' });
    expect((await listVersions(db, f.id)).map((v) => v.number)).toEqual([1, 2]);

    // when: the restore is undone by restoring the backup
    const undone = await restoreVersion(db, backup!.id, 3);
    expect(undone.file).toMatchObject({ content: '<b/>', revision: 4 });
    // the undo replaced '<a/>', which is not the latest version (v2 is), so it is kept as v3
    expect((await listVersions(db, f.id)).map((v) => v.content)).toEqual(['<a/>', '<b/>', '<a/>']);
  });

  it('given the current content is the latest version, when an older version is restored, then no backup is needed', async () => {
    const f = await fileWithContent('<a/>');
    const v1 = await createVersion(db, f.id, 'one');
    await saveFileContent(db, f.id, '<b/>', 1);
    await createVersion(db, f.id, 'two');
    const { backup } = await restoreVersion(db, v1.id);
    expect(backup).toBeUndefined();
    expect(await listVersions(db, f.id)).toHaveLength(2);
  });

  it('given another tab saved meanwhile, when restoring with the stale revision, then it is refused and nothing changes', async () => {
    const f = await fileWithContent('<a/>');
    const v1 = await createVersion(db, f.id, 'one');
    await saveFileContent(db, f.id, '<b/>', 1);
    await expect(restoreVersion(db, v1.id, 1)).rejects.toBeInstanceOf(ConflictError);
    expect(await getFile(db, f.id)).toMatchObject({ content: '<b/>', revision: 2 });
    expect(await listVersions(db, f.id)).toHaveLength(1);
  });

  it('given a DMN file with decision tests, when a version is restored, then its tests come back with its source, and the restore can be undone', async () => {
    db = freshDb();
    const p = await createProject(db, 'P');
    const f = await createFile(db, p.id, 'dmn', 'Loan', { content: '<dmn v1/>' });
    await updateDecisionTests(db, f.id, () => '<testCases>one</testCases>');
    const v1 = await createVersion(db, f.id, 'one case');
    expect(v1.tests).toBe('<testCases>one</testCases>');
    await saveFileContent(db, f.id, '<dmn v2/>', f.revision);
    await updateDecisionTests(db, f.id, () => '<testCases>two</testCases>');

    const { file, backup } = await restoreVersion(db, v1.id);

    expect(file).toMatchObject({ content: '<dmn v1/>', tests: '<testCases>one</testCases>' });
    expect(await getFile(db, f.id)).toMatchObject({ content: '<dmn v1/>', tests: '<testCases>one</testCases>' });
    expect(backup).toMatchObject({ content: '<dmn v2/>', tests: '<testCases>two</testCases>' });
    await restoreVersion(db, backup!.id);
    expect(await getFile(db, f.id)).toMatchObject({ content: '<dmn v2/>', tests: '<testCases>two</testCases>' });
  });

  it('given a version without tests, when restored over a file whose source is the same but has tests, then the tests go (kept in the backup) and the revision stays', async () => {
    db = freshDb();
    const p = await createProject(db, 'P');
    const f = await createFile(db, p.id, 'dmn', 'Loan', { content: '<dmn/>' });
    const v1 = await createVersion(db, f.id, 'no tests');
    expect(v1).not.toHaveProperty('tests');
    await updateDecisionTests(db, f.id, () => '<testCases/>');

    const { file, backup } = await restoreVersion(db, v1.id);

    expect(file).not.toHaveProperty('tests');
    expect(file.revision).toBe(f.revision);
    expect(backup).toMatchObject({ number: 2, tests: '<testCases/>' });
    expect((await restoreVersion(db, v1.id)).backup).toBeUndefined();
  });
});

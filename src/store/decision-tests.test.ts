import { afterEach, describe, expect, it } from 'vitest';
import { freshDb } from './test-support/fresh-db';
import { createProject, restoreDeleted } from './projects';
import { createFile, deleteFile, duplicateFile, getFile, renameFile, saveFileContent } from './files';
import { getDecisionTests, updateDecisionTests } from './decision-tests';
import { ValidationError } from './errors';
import type { FlowdeckDb } from './db';

let db: FlowdeckDb;
afterEach(async () => {
  await db?.delete();
});

const XML = '<testCases xmlns="http://www.omg.org/spec/DMN/20160719/testcase"><testCase id="001"/></testCases>';

async function dmnWithTests() {
  db = freshDb();
  const project = await createProject(db, 'P');
  const file = await createFile(db, project.id, 'dmn', 'Loan');
  await updateDecisionTests(db, file.id, () => XML);
  return { project, file };
}

describe('decision tests stored on the DMN file', () => {
  it('when tests are written, then they are read back and the revision is unchanged', async () => {
    const { file } = await dmnWithTests();
    expect(await getDecisionTests(db, file.id)).toBe(XML);
    expect((await getFile(db, file.id))!.revision).toBe(file.revision);
  });

  it('when the update sees the stored tests, then it transforms what is stored now', async () => {
    const { file } = await dmnWithTests();
    await Promise.all([
      updateDecisionTests(db, file.id, (x) => `${x ?? ''}A`),
      updateDecisionTests(db, file.id, (x) => `${x ?? ''}B`),
    ]);
    const stored = (await getDecisionTests(db, file.id))!;
    expect(stored.startsWith(XML)).toBe(true);
    expect(stored.slice(XML.length).split('').sort().join('')).toBe('AB');
  });

  it('when the update throws, then nothing is written', async () => {
    const { file } = await dmnWithTests();
    await expect(updateDecisionTests(db, file.id, () => { throw new Error('bad XML at line 3'); })).rejects.toThrow('line 3');
    expect(await getDecisionTests(db, file.id)).toBe(XML);
  });

  it('when the update returns undefined, then the tests are removed', async () => {
    const { file } = await dmnWithTests();
    await updateDecisionTests(db, file.id, () => undefined);
    expect(await getDecisionTests(db, file.id)).toBeUndefined();
  });

  it('when the DMN file is renamed, saved or duplicated, then its tests go with it', async () => {
    const { file } = await dmnWithTests();
    await renameFile(db, file.id, 'Credit');
    await saveFileContent(db, file.id, file.content.replace('</definitions>', '<!-- x --></definitions>'), file.revision);
    expect(await getDecisionTests(db, file.id)).toBe(XML);
    const copy = await duplicateFile(db, file.id);
    expect(await getDecisionTests(db, copy.id)).toBe(XML);
  });

  it('when the DMN file is deleted and the delete undone, then its tests come back', async () => {
    const { file } = await dmnWithTests();
    const snapshot = await deleteFile(db, file.id);
    expect(await getFile(db, file.id)).toBeUndefined();
    await restoreDeleted(db, snapshot);
    expect(await getDecisionTests(db, file.id)).toBe(XML);
  });

  it('when the file is not a DMN file, then writing tests is refused with its name', async () => {
    db = freshDb();
    const project = await createProject(db, 'P');
    const bpmn = await createFile(db, project.id, 'bpmn', 'Order');
    await expect(updateDecisionTests(db, bpmn.id, () => XML)).rejects.toThrow(ValidationError);
    await expect(updateDecisionTests(db, bpmn.id, () => XML)).rejects.toThrow('"Order"');
  });
});

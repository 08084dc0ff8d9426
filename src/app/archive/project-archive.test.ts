import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { packArchive, readArchive, sha256Hex } from '../../archive';
import { readTestFile } from '../../dmn';
import { createFile, createProject, listFiles, renameFile, StorageQuotaError, updateDecisionTests } from '../../store';
import { freshDbs } from '../../store/test-support/fresh-db';
import { failWritesWhen } from '../../store/test-support/intercept';
import { applyImport, exportProjectArchive, previewImport } from './project-archive';

const TESTS = (id: string) => `<testCases xmlns="http://www.omg.org/spec/DMN/20160719/testcase"><modelName>Discount.dmn</modelName><testCase id="${id}"><resultNode name="D"><expected><value>1</value></expected></resultNode></testCase></testCases>`;

const fresh = freshDbs();

describe('exporting and importing projects as archives', () => {
  it('given a project, when exported and imported as a new project, then the new project has the same files with the same content', async () => {
    const db = fresh();
    const project = await createProject(db, 'Orders');
    await createFile(db, project.id, 'bpmn', 'Order intake');
    await createFile(db, project.id, 'dmn', 'Discount');
    await createFile(db, project.id, 'form', 'Approve');

    const { bytes, count } = await exportProjectArchive(db, project.id, { createdBy: 'ada' });
    const contents = readArchive(bytes);
    const preview = await previewImport(db, contents, { kind: 'new' });
    const imported = await applyImport(db, contents, { kind: 'new' }, preview);

    expect(count).toBe(3);
    expect(contents.manifest.createdBy).toBe('ada');
    expect(preview.map((p) => p.change)).toEqual(['added', 'added', 'added']);
    expect(imported.name).toBe('Orders (2)');
    const strip = (files: Awaited<ReturnType<typeof listFiles>>) => files.map((f) => [f.name, f.kind, f.content]);
    expect(strip(await listFiles(db, imported.id))).toEqual(strip(await listFiles(db, project.id)));
  });

  it('given a file whose exact content the engine deployed as version 2, and engine data asked for, when exported, then the manifest says version 2 and the archive holds the engine snapshot', async () => {
    const db = fresh();
    const project = await createProject(db, 'P');
    const file = await createFile(db, project.id, 'bpmn', 'Deployed');
    const other = await createFile(db, project.id, 'bpmn', 'Never deployed');
    const row = { kind: 'bpmn' as const, name: 'Deployed.bpmn', xml: file.content, sha256: sha256Hex(new TextEncoder().encode(file.content)), deployedBy: 'ada', note: '' };
    await db.deployments.bulkAdd([{ ...row, id: 'd1', deployedAt: 1, versions: { Process_1: 1 }, order: 1 }, { ...row, id: 'd2', deployedAt: 2, versions: { Process_1: 2 }, order: 2 }]);

    const contents = readArchive((await exportProjectArchive(db, project.id, { includeEngineData: true })).bytes);

    expect(contents.files.map((f) => [f.path, f.deployedVersion])).toEqual([['Deployed.bpmn', 2], [`${other.name}.bpmn`, undefined]]);
    expect((contents.data.instances as { deployments: unknown[] }).deployments).toHaveLength(2);
  });

  it('given chosen files, when exported, then only those are in the archive', async () => {
    const db = fresh();
    const project = await createProject(db, 'P');
    const a = await createFile(db, project.id, 'bpmn', 'A');
    await createFile(db, project.id, 'bpmn', 'B');
    const { bytes } = await exportProjectArchive(db, project.id, { fileIds: [a.id] });
    expect(readArchive(bytes).files.map((f) => f.path)).toEqual(['A.bpmn']);
  });

  it('given an archive into the open project, when previewed, then each file is added, changed or unchanged and scenarios are skipped; applying writes only the changes', async () => {
    const db = fresh();
    const project = await createProject(db, 'P');
    const same = await createFile(db, project.id, 'bpmn', 'Same');
    const edited = await createFile(db, project.id, 'bpmn', 'Edited');
    const archive = readArchive(packArchive({ project: 'X', files: [
      { path: 'Same.bpmn', content: same.content },
      { path: 'models/edited.bpmn', content: edited.content.replace('Edited', 'Edited again') },
      { path: 'New.form', content: '{"id":"f","components":[]}' },
      { path: 'tests/a.scenario.json', content: '{"model":"Same.bpmn"}' },
    ] }));

    const preview = await previewImport(db, archive, { kind: 'into', projectId: project.id });
    await applyImport(db, archive, { kind: 'into', projectId: project.id }, preview);

    expect(preview.map((p) => [p.path, p.change])).toEqual([['Same.bpmn', 'unchanged'], ['models/edited.bpmn', 'changed'], ['New.form', 'added'], ['tests/a.scenario.json', 'skipped']]);
    const files = await listFiles(db, project.id);
    expect(files.map((f) => [f.name, f.revision])).toEqual([['Edited', 2], ['New', 1], ['Same', 1]]);
    expect(files.find((f) => f.name === 'Edited')!.content).toContain('Edited again');
  });

  it('given a full disk during the import, then it fails with a StorageQuotaError and the workspace is exactly as before', async () => {
    const db = fresh();
    let full = false;
    failWritesWhen(db, () => full);
    const project = await createProject(db, 'P');
    const edited = await createFile(db, project.id, 'bpmn', 'Edited');
    const archive = readArchive(packArchive({ project: 'X', files: [
      { path: 'Edited.bpmn', content: edited.content.replace('Edited', 'Changed') },
      { path: 'Added.dmn', content: (await createFile(db, project.id, 'dmn', 'Tmp')).content },
    ] }));
    const before = { projects: await db.projects.toArray(), files: await db.files.toArray() };
    const preview = await previewImport(db, archive, { kind: 'into', projectId: project.id });

    full = true;
    await expect(applyImport(db, archive, { kind: 'into', projectId: project.id }, preview)).rejects.toBeInstanceOf(StorageQuotaError);
    await expect(applyImport(db, archive, { kind: 'new' }, await previewImport(db, archive, { kind: 'new' }))).rejects.toBeInstanceOf(StorageQuotaError);
    full = false;

    expect({ projects: await db.projects.toArray(), files: await db.files.toArray() }).toEqual(before);
  });

  it('given a DMN file with decision tests, when exported and imported as a new project, then the tests sit beside it as <name>-test-01.xml and come back onto that DMN file', async () => {
    const db = fresh();
    const project = await createProject(db, 'Orders');
    const dmn = await createFile(db, project.id, 'dmn', 'Discount');
    await createFile(db, project.id, 'dmn', 'No tests');
    await updateDecisionTests(db, dmn.id, () => TESTS('001'));

    const contents = readArchive((await exportProjectArchive(db, project.id)).bytes);
    expect(contents.manifest.entries.map((e) => [e.path, e.kind])).toEqual([['Discount.dmn', 'dmn'], ['Discount-test-01.xml', 'dmnTest'], ['No tests.dmn', 'dmn']]);
    expect(contents.files[1]!.text).toBe(TESTS('001'));

    const preview = await previewImport(db, contents, { kind: 'new' });
    expect(preview.map((p) => [p.path, p.change, p.name])).toEqual([['Discount.dmn', 'added', 'Discount'], ['Discount-test-01.xml', 'added', 'Discount'], ['No tests.dmn', 'added', 'No tests']]);
    const imported = await applyImport(db, contents, { kind: 'new' }, preview);
    const files = await listFiles(db, imported.id);
    expect(files.map((f) => [f.name, f.tests])).toEqual([['Discount', TESTS('001')], ['No tests', undefined]]);
    expect(files[0]!.revision).toBe(1);
  });

  it('given an archive into the open project, when its tests differ, then they replace the DMN file\'s tests; a DMN file without tests in the archive keeps its own; tests with no DMN beside them are skipped', async () => {
    const db = fresh();
    const project = await createProject(db, 'P');
    const dmn = await createFile(db, project.id, 'dmn', 'Discount');
    const kept = await createFile(db, project.id, 'dmn', 'Kept');
    await updateDecisionTests(db, dmn.id, () => TESTS('old'));
    await updateDecisionTests(db, kept.id, () => TESTS('mine'));
    const archive = readArchive(packArchive({ project: 'X', files: [
      { path: 'discount-test-01.xml', content: TESTS('new') },
      { path: 'Discount.dmn', content: dmn.content },
      { path: 'Kept.dmn', content: kept.content },
      { path: 'Orphan-test-01.xml', content: TESTS('x') },
    ] }));

    const preview = await previewImport(db, archive, { kind: 'into', projectId: project.id });
    expect(preview.map((p) => [p.path, p.change])).toEqual([['discount-test-01.xml', 'changed'], ['Discount.dmn', 'unchanged'], ['Kept.dmn', 'unchanged'], ['Orphan-test-01.xml', 'skipped']]);
    await applyImport(db, archive, { kind: 'into', projectId: project.id }, preview);
    const files = await listFiles(db, project.id);
    expect(files.map((f) => [f.name, f.tests, f.revision])).toEqual([['Discount', TESTS('new'), 1], ['Kept', TESTS('mine'), 1]]);
  });

  it('given two test files for one DMN file, when imported, then their cases are merged onto it; a test file that is not TCK XML is refused naming it', async () => {
    const db = fresh();
    const project = await createProject(db, 'P');
    const dmn = await createFile(db, project.id, 'dmn', 'Discount');
    const two = readArchive(packArchive({ project: 'X', files: [
      { path: 'm/Discount.dmn', content: dmn.content },
      { path: 'm/Discount-test-01.xml', content: TESTS('001') },
      { path: 'm/Discount-test-02.xml', content: TESTS('001') },
    ] }));
    const preview = await previewImport(db, two, { kind: 'new' });
    const imported = await applyImport(db, two, { kind: 'new' }, preview);
    const [file] = await listFiles(db, imported.id);
    expect([...file!.tests!.matchAll(/<testCase id="([^"]+)"/g)].map((m) => m[1])).toEqual(['001', '002']);

    const broken = readArchive(packArchive({ project: 'X', files: [{ path: 'Discount.dmn', content: dmn.content }, { path: 'Discount-test-01.xml', content: '<notTests/>' }] }));
    await expect(previewImport(db, broken, { kind: 'new' })).rejects.toThrow(/^Discount-test-01\.xml: not a DMN TCK test-case file: line 1: the root element is <notTests>/);
    const junk = readArchive(packArchive({ project: 'X', files: [{ path: 'Discount.dmn', content: dmn.content }, { path: 'Discount-test-01.xml', content: '<testCases><testCase id="1"></testCases>' }] }));
    await expect(previewImport(db, junk, { kind: 'new' })).rejects.toThrow(/^Discount-test-01\.xml: not a DMN TCK test-case file/);
  });

  it('given a DMN file renamed after its tests were written, when exported, then the test file names the new model; unreadable stored tests refuse the export naming the file', async () => {
    const db = fresh();
    const project = await createProject(db, 'P');
    const dmn = await createFile(db, project.id, 'dmn', 'Discount');
    await updateDecisionTests(db, dmn.id, () => TESTS('001'));
    await renameFile(db, dmn.id, 'Pricing');
    const contents = readArchive((await exportProjectArchive(db, project.id)).bytes);
    expect(contents.files[1]!.path).toBe('Pricing-test-01.xml');
    expect(readTestFile(contents.files[1]!.text)).toMatchObject({ modelName: 'Pricing.dmn', testCases: [{ id: '001' }] });

    await updateDecisionTests(db, dmn.id, () => '<testCases><broken>');
    await expect(exportProjectArchive(db, project.id)).rejects.toThrow(/^Pricing\.dmn: its decision tests cannot be read/);
  });
});

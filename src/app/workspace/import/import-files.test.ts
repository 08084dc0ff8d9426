import 'fake-indexeddb/auto'; // before dexie loads: Dexie looks up indexedDB when imported
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createProject, listFiles, type FlowdeckDb } from '../../../store';
import { freshDb } from '../../../store/test-support/fresh-db';
import { importFiles, IMPORT_PROJECT_NAME, type IncomingFile } from './import-files';

const fixture = (name: string): IncomingFile => {
  const text = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
  return { name, size: text.length, text: async () => text };
};

let db: FlowdeckDb;
afterEach(async () => {
  await db?.delete();
});

async function snapshot(d: FlowdeckDb) {
  return { projects: await d.projects.toArray(), files: await d.files.toArray(), versions: await d.versions.toArray() };
}

describe('importFiles', () => {
  it('given a project, when valid bpmn, dmn and form files are opened, then they are added to it with their content', async () => {
    db = freshDb();
    const p = await createProject(db, 'P');
    const outcome = await importFiles(db, [fixture('order.bpmn'), fixture('pricing.dmn'), fixture('signup.form')], p.id);
    expect(outcome.ok).toBe(true);
    const files = await listFiles(db, p.id);
    expect(files.map((f) => [f.name, f.kind])).toEqual([
      ['order', 'bpmn'],
      ['pricing', 'dmn'],
      ['signup', 'form'],
    ]);
    expect(files[0].content).toBe(readFileSync(new URL('./fixtures/order.bpmn', import.meta.url), 'utf8'));
  });

  it('given no project is selected, when a file is opened, then a project is created for it', async () => {
    db = freshDb();
    const outcome = await importFiles(db, [fixture('order.bpmn')]);
    expect(outcome.ok).toBe(true);
    const projects = await db.projects.toArray();
    expect(projects.map((p) => p.name)).toEqual([IMPORT_PROJECT_NAME]);
    expect(await listFiles(db, projects[0].id)).toHaveLength(1);

    // when: more files are opened without a project, they join the same one
    await importFiles(db, [fixture('pricing.dmn')]);
    expect(await db.projects.count()).toBe(1);
    expect(await listFiles(db, projects[0].id)).toHaveLength(2);
  });

  it('given one broken file among valid ones, when opened, then nothing is written and the broken file is named', async () => {
    db = freshDb();
    const p = await createProject(db, 'P');
    const before = await snapshot(db);

    const outcome = await importFiles(db, [fixture('order.bpmn'), fixture('truncated.bpmn')], p.id);

    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.refused).toEqual([{ fileName: 'truncated.bpmn', problem: expect.stringMatching(/^line \d+, column \d+: /) }]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('given an unsupported or oversized file, when opened, then it is refused and nothing is written', async () => {
    db = freshDb();
    const txt: IncomingFile = { name: 'notes.txt', size: 3, text: async () => 'abc' };
    const huge: IncomingFile = { name: 'huge.bpmn', size: 50 * 1024 * 1024, text: async () => '' };
    const outcome = await importFiles(db, [txt, huge]);
    expect(outcome).toEqual({
      ok: false,
      refused: [
        { fileName: 'notes.txt', problem: 'Not a .bpmn, .dmn or .form file' },
        { fileName: 'huge.bpmn', problem: expect.stringContaining('larger than') },
      ],
    });
    expect(await db.projects.count()).toBe(0);
  });

  it('given a file with a non-fatal warning, when opened, then it is added and the warning is returned', async () => {
    db = freshDb();
    const outcome = await importFiles(db, [fixture('unknown-element.bpmn')]);
    expect(outcome).toMatchObject({ ok: true, warnings: [{ fileName: 'unknown-element.bpmn', problem: expect.stringContaining('MadeUpTask') }] });
  });
});

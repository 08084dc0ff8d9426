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

  it('given a file that loses content and no reviewer, when opened, then it is added and each loss is a warning', async () => {
    db = freshDb();
    const outcome = await importFiles(db, [fixture('dangling-reference.bpmn')]);
    expect(outcome).toMatchObject({ ok: true, warnings: [{ fileName: 'dangling-reference.bpmn', problem: expect.stringContaining('targetRef not kept (unresolved reference "Gone_1")') }] });
  });

  it('given files to repair, when the user cancels the review, then nothing is written', async () => {
    db = freshDb();
    const p = await createProject(db, 'P');
    const before = await snapshot(db);
    const seen: string[][] = [];
    const outcome = await importFiles(db, [fixture('order.bpmn'), fixture('dangling-reference.bpmn'), fixture('unknown-element.bpmn')], p.id, {
      review: async (reviews) => {
        seen.push(reviews.map((r) => r.fileName));
        expect(await snapshot(db)).toEqual(before);
        return false;
      },
    });
    expect(outcome).toEqual({ ok: false, refused: [], cancelled: true });
    expect(seen).toEqual([['dangling-reference.bpmn', 'unknown-element.bpmn']]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('given files to repair, when the user imports anyway, then the repaired content is stored and no warning repeats the review', async () => {
    db = freshDb();
    const outcome = await importFiles(db, [fixture('unknown-element.bpmn'), fixture('dangling-reference.bpmn')], undefined, { review: async () => true });
    expect(outcome).toMatchObject({ ok: true, warnings: [] });
    const byName = new Map((await db.files.toArray()).map((f) => [f.name, f]));
    const madeUp = byName.get('unknown-element')!;
    const dangling = byName.get('dangling-reference')!;
    expect(madeUp.content).toContain('<flowdeckKept:madeUpTask xmlns:flowdeckKept="urn:flowdeck:unknown-bpmn" id="T" />');
    expect(dangling.content).toContain('<bpmndi:BPMNDiagram');
  });

  it('given a file whose diagram only is repaired (laid out), when opened, then no review is asked and the layout is a note', async () => {
    db = freshDb();
    let asked = false;
    const noDi = { ...fixture('order.bpmn') };
    const text = readFileSync(new URL('../../../../docs/examples/order/order.bpmn', import.meta.url), 'utf8');
    const outcome = await importFiles(db, [{ ...noDi, name: 'no-diagram.bpmn', size: text.length, text: async () => text }], undefined, {
      review: async () => (asked = true),
    });
    expect(asked).toBe(false);
    expect(outcome).toMatchObject({ ok: true, notes: [{ fileName: 'no-diagram.bpmn', problem: expect.stringMatching(/had no shape in any diagram; Flowdeck laid them out in a new diagram$/) }] });
    expect((await db.files.toArray())[0].content).toContain('<bpmndi:BPMNShape');
  });

  it('given an ISO-8859-1 file, when opened from its bytes, then it is decoded by its declaration', async () => {
    db = freshDb();
    const text = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><bpmn:process id="P"><bpmn:task id="T" name="Prüfen"/></bpmn:process></bpmn:definitions>';
    const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const file: IncomingFile = { name: 'latin1.bpmn', size: bytes.length, text: async () => new TextDecoder().decode(bytes), arrayBuffer: async () => bytes.buffer };
    const outcome = await importFiles(db, [file], undefined, { review: async () => true });
    expect(outcome.ok).toBe(true);
    const [stored] = await db.files.toArray();
    expect(stored.content).toContain('name="Prüfen"');
    expect(stored.content).toContain('encoding="UTF-8"');
  });
});

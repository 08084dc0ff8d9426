/**
 * The decision tests kept on a DMN file's record (ADR 0200), as the Evaluate panel edits them:
 * pure transforms of the stored TCK test-case XML, and the store writes composed from them (each
 * one `updateDecisionTests` transaction, so two tabs saving at once both keep their case).
 */
import { readTestFile, writeTestFile, type TckTestCase } from '../../dmn';
import { updateDecisionTests, type FlowdeckDb } from '../../store';

/** The cases of the stored XML (none when there is none); throws with the reader's message when it is not a test file. */
export function casesOf(xml: string | undefined): TckTestCase[] {
  return xml === undefined ? [] : readTestFile(xml).testCases;
}

/** The next free id in the studio's numbering (`001`, `002`, …), after the highest numeric id. */
export function nextCaseId(cases: readonly TckTestCase[]): string {
  const taken = new Set(cases.map((c) => c.id));
  let n = cases.reduce((max, c) => (/^\d+$/.test(c.id) ? Math.max(max, Number(c.id)) : max), 0) + 1;
  while (taken.has(String(n).padStart(3, '0'))) n++;
  return String(n).padStart(3, '0');
}

/**
 * The XML naming `modelName` as its model (the TCK's `<modelName>`, which `flowdeck test` follows to
 * the `.dmn`): unchanged when it does already, rewritten when the file was renamed or imported
 * under another name since the tests were written.
 */
export function withModelName(xml: string, modelName: string): string {
  const file = readTestFile(xml);
  return file.modelName === modelName ? xml : writeTestFile(modelName, file.testCases);
}

/** The XML with `make(id)` appended under the next free id. */
export function withCase(xml: string | undefined, modelName: string, make: (id: string) => TckTestCase): string {
  const cases = casesOf(xml);
  return writeTestFile(modelName, [...cases, make(nextCaseId(cases))]);
}

/** The XML without case `id` (`undefined` when none is left), and the removed case with its position. */
export function withoutCase(xml: string | undefined, modelName: string, id: string): { xml: string | undefined; removed?: { index: number; testCase: TckTestCase } } {
  const cases = casesOf(xml);
  const index = cases.findIndex((c) => c.id === id);
  if (index < 0) return { xml };
  const rest = cases.filter((_, i) => i !== index);
  return { xml: rest.length === 0 ? undefined : writeTestFile(modelName, rest), removed: { index, testCase: cases[index]! } };
}

/** The XML with case `id` replaced by `make(old)` in place; throws when the case is gone (deleted in another tab). */
export function withEditedCase(xml: string | undefined, modelName: string, id: string, make: (old: TckTestCase) => TckTestCase): string {
  const cases = casesOf(xml);
  const index = cases.findIndex((c) => c.id === id);
  if (index < 0) throw new Error(`test case ${id} is no longer stored (deleted meanwhile?); nothing was changed`);
  return writeTestFile(modelName, cases.map((c, i) => (i === index ? make(c) : c)));
}

/** The XML with `testCase` put back at `index` (undo of a delete); unchanged when its id is taken again. */
export function withRestored(xml: string | undefined, modelName: string, index: number, testCase: TckTestCase): string | undefined {
  const cases = casesOf(xml);
  if (cases.some((c) => c.id === testCase.id)) return xml;
  const at = Math.min(index, cases.length);
  return writeTestFile(modelName, [...cases.slice(0, at), testCase, ...cases.slice(at)]);
}

/**
 * The XML with the cases of a loaded test file appended; a case whose id is already stored gets
 * the next free id (nothing stored is overwritten). Throws, naming the file, when it is not a
 * TCK test-case file or holds no case.
 */
export function withLoaded(xml: string | undefined, modelName: string, loadedXml: string, loadedName: string): { xml: string; added: number } {
  let loaded: TckTestCase[];
  try {
    loaded = readTestFile(loadedXml).testCases;
  } catch (e) {
    throw new Error(`${loadedName}: ${(e as Error).message}`, { cause: e });
  }
  if (loaded.length === 0) throw new Error(`${loadedName}: no <testCase> in this file (a DMN TCK test-case file has <testCases><testCase id="…">…)`);
  const cases = casesOf(xml);
  for (const c of loaded) {
    cases.push(cases.some((x) => x.id === c.id) || c.id === '' ? { ...c, id: nextCaseId(cases) } : c);
  }
  return { xml: writeTestFile(modelName, cases), added: loaded.length };
}

/** Appends a case to the file's stored tests; returns the id it got. */
export async function saveTestCase(db: FlowdeckDb, fileId: string, modelName: string, make: (id: string) => TckTestCase): Promise<string> {
  let id = '';
  await updateDecisionTests(db, fileId, (xml) => withCase(xml, modelName, (next) => {
    id = next;
    return make(next);
  }));
  return id;
}

/** Deletes a stored case; returns what `restoreTestCase` needs to undo it (undefined when it was gone already). */
export async function deleteTestCase(db: FlowdeckDb, fileId: string, modelName: string, id: string): Promise<{ index: number; testCase: TckTestCase } | undefined> {
  let removed: { index: number; testCase: TckTestCase } | undefined;
  await updateDecisionTests(db, fileId, (xml) => {
    const r = withoutCase(xml, modelName, id);
    removed = r.removed;
    return r.xml;
  });
  return removed;
}

/** Replaces a stored case by `make(old)`; returns the old case, for undo. */
export async function editTestCase(db: FlowdeckDb, fileId: string, modelName: string, id: string, make: (old: TckTestCase) => TckTestCase): Promise<TckTestCase> {
  let old: TckTestCase | undefined;
  await updateDecisionTests(db, fileId, (xml) => withEditedCase(xml, modelName, id, (c) => {
    old = c;
    return make(c);
  }));
  return old!;
}

/** Puts a deleted case back where it was. */
export async function restoreTestCase(db: FlowdeckDb, fileId: string, modelName: string, removed: { index: number; testCase: TckTestCase }): Promise<void> {
  await updateDecisionTests(db, fileId, (xml) => withRestored(xml, modelName, removed.index, removed.testCase));
}

/** Adds the cases of a loaded `*-test-NN.xml` to the stored ones; returns how many. */
export async function loadTestFile(db: FlowdeckDb, fileId: string, modelName: string, loadedXml: string, loadedName: string): Promise<number> {
  let added = 0;
  await updateDecisionTests(db, fileId, (xml) => {
    const r = withLoaded(xml, modelName, loadedXml, loadedName);
    added = r.added;
    return r.xml;
  });
  return added;
}

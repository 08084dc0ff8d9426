import type { FlowdeckDb } from './db';
import { RecordNotFoundError, ValidationError } from './errors';
import type { FileRecord } from './types';

/** The stored decision tests (TCK test-case XML) of a DMN file, or `undefined` when it has none. */
export async function getDecisionTests(db: FlowdeckDb, fileId: string): Promise<string | undefined> {
  const file = await db.files.get(fileId);
  if (!file) throw new RecordNotFoundError('file', fileId);
  return file.tests;
}

/**
 * Changes a DMN file's decision tests in one transaction: `update` gets the stored XML (or
 * `undefined`) and returns the new XML, or `undefined` to remove them. `update` must be
 * synchronous (nothing but IndexedDB may be awaited inside a transaction); it runs on what is
 * stored now, so two tabs appending at once both keep their case. The store does not parse the
 * XML: callers pass it through `src/dmn/testcases` (readTestFile / writeTestFile).
 * If `update` throws, nothing is written.
 *
 * @example
 * await updateDecisionTests(db, file.id, (xml) => writeTestFile('loan.dmn', [...readTestFile(xml ?? EMPTY).testCases, added]));
 */
export async function updateDecisionTests(
  db: FlowdeckDb,
  fileId: string,
  update: (current: string | undefined) => string | undefined,
): Promise<FileRecord> {
  return db.transaction('rw', db.projects, db.files, async () => {
    const file = await db.files.get(fileId);
    if (!file) throw new RecordNotFoundError('file', fileId);
    if (file.kind !== 'dmn') throw new ValidationError(`Only DMN files hold decision tests; "${file.name}" is a ${file.kind.toUpperCase()} file`);
    const next = update(file.tests);
    if (next === file.tests) return file;
    const now = Date.now();
    const { tests: _old, ...rest } = file;
    const saved: FileRecord = next === undefined ? { ...rest, updatedAt: now } : { ...rest, tests: next, updatedAt: now };
    await db.files.put(saved);
    await db.projects.update(file.projectId, { updatedAt: now });
    return saved;
  });
}

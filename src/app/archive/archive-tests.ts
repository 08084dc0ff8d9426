/**
 * A DMN file's decision tests in an archive: `<name>-test-01.xml` (the DMN TCK's test-case
 * format and naming) beside `<name>.dmn`. On export the stored XML goes out as it is; on import a
 * test file is put back on the DMN file beside it (several for one DMN file are merged, clashing
 * case ids renumbered).
 */
import type { ArchiveFile } from '../../archive';
import { readTestFile } from '../../dmn';
import { withLoaded, withModelName } from '../decisions/stored-tests';

const TEST_FILE = /-test-(\d+)\.xml$/i;

/** `models/loan.dmn` → `models/loan-test-01.xml`. */
export function testsPathOf(dmnPath: string): string {
  return `${dmnPath.replace(/\.dmn$/i, '')}-test-01.xml`;
}

/**
 * A DMN file's stored tests as the archive entry beside it, naming it as their model.
 * @throws Error naming the DMN file when the stored tests are not a TCK test-case file.
 */
export function testsEntryOf(dmnPath: string, tests: string): { path: string; content: string; kind: 'dmnTest' } {
  const modelName = dmnPath.split('/').pop()!;
  try {
    return { path: testsPathOf(dmnPath), content: withModelName(tests, modelName), kind: 'dmnTest' };
  } catch (e) {
    throw new Error(`${dmnPath}: its decision tests cannot be read (${(e as Error).message}); fix or delete them in the Evaluate panel, or export without this file`, { cause: e });
  }
}

/** `models/loan-test-02.xml` → `models/loan.dmn` (the DMN file it belongs to, by the TCK's naming). */
export function dmnPathOfTests(testsPath: string): string {
  return `${testsPath.replace(TEST_FILE, '')}.dmn`;
}

/** The tests an archive carries for each DMN path (lower-cased), merged when there are several files. */
export interface ArchivedTests {
  /** The DMN path as the test file names it. */
  dmnPath: string;
  /** The test files, in archive order. */
  paths: string[];
  xml: string;
}

/**
 * Groups an archive's `dmnTest` files by the DMN file they belong to. Each is read as a TCK
 * test-case file first; one that is not is refused, naming its path.
 */
export function archivedTests(files: readonly ArchiveFile[]): Map<string, ArchivedTests> {
  const byDmn = new Map<string, ArchivedTests>();
  for (const file of files) {
    if (file.kind !== 'dmnTest') continue;
    const dmnPath = dmnPathOfTests(file.path);
    const modelName = dmnPath.split('/').pop()!;
    const key = dmnPath.toLowerCase();
    const seen = byDmn.get(key);
    if (seen) {
      byDmn.set(key, { ...seen, paths: [...seen.paths, file.path], xml: withLoaded(seen.xml, modelName, file.text, file.path).xml });
      continue;
    }
    try {
      readTestFile(file.text);
    } catch (e) {
      throw new Error(`${file.path}: not a DMN TCK test-case file: ${(e as Error).message}`, { cause: e });
    }
    byDmn.set(key, { dmnPath, paths: [file.path], xml: file.text });
  }
  return byDmn;
}

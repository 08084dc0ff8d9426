/** `flowdeck test` for DMN decision tests: a TCK test-case file run against the model beside it. */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { compileDmn, parseDmn, readTestFile, runTestFile } from '../dmn';
import { InputError } from './errors';

export interface DmnCaseReport {
  name: string;
  status: 'passed' | 'failed';
  problems: string[];
}

/**
 * Runs one `*-test-NN.xml` file. The model is the file's `modelName` in the same folder, or else
 * the `.dmn` of the same base name (`loan-test-01.xml` → `loan.dmn`).
 */
export async function runDmnTestFile(file: string): Promise<DmnCaseReport[]> {
  let tests;
  try {
    tests = readTestFile(await readFile(file, 'utf8'));
  } catch (e) {
    throw new InputError(`${basename(file)}: not a DMN test-case file: ${(e as Error).message}`);
  }
  const modelFile = join(dirname(file), tests.modelName ?? `${basename(file).replace(/-test-\d+\.xml$/i, '')}.dmn`);
  let xml: string;
  try {
    xml = await readFile(modelFile, 'utf8');
  } catch {
    throw new InputError(`${basename(file)}: its model ${basename(modelFile)} is not beside it`);
  }
  let compiled;
  try {
    compiled = compileDmn(parseDmn(xml));
  } catch (e) {
    throw new InputError(`${basename(modelFile)}: ${(e as Error).message}`);
  }
  if (tests.testCases.length === 0) throw new InputError(`${basename(file)}: the file holds no test case`);
  return runTestFile(compiled, tests).map((v) => ({
    name: v.description ? `${v.id}: ${v.description}` : v.id,
    status: v.passed ? 'passed' : 'failed',
    problems: [...v.problems],
  }));
}

import { dirname } from 'node:path';
import { InputError } from '../errors';
import { describeJson, isPlainObject } from '../files';
import { readInstruction, type ReadInstruction } from './instructions';

/** One test case of a CPT file, its instructions read one by one. */
export interface CptCase {
  name: string;
  description?: string;
  instructions: ReadInstruction[];
}

/** A Camunda Process Test JSON file: its test cases run against every .bpmn and .dmn in `folder`. */
export interface CptFile {
  file: string;
  folder: string;
  cases: CptCase[];
}

/** True when parsed JSON is a CPT test file: an object with `testCases` (how `flowdeck test` tells the formats apart). */
export function isCptDocument(raw: unknown): boolean {
  return isPlainObject(raw) && 'testCases' in raw;
}

/**
 * Reads a parsed CPT document. Fields the schema allows beside `testCases` (`$schema`, `processId`,
 * `metadata`) are ignored, as the schema says. A malformed instruction does not stop the file: it
 * makes its own case an error, naming the case and the instruction index.
 * @throws InputError when `testCases` is not an array or a case has no name or no instructions.
 */
export function readCptFile(raw: unknown, file: string): CptFile {
  const fail = (msg: string): never => {
    throw new InputError(`invalid CPT test file ${file}: ${msg}`);
  };
  if (!isPlainObject(raw)) return fail(`expected a JSON object, got ${describeJson(raw)}`);
  if (!Array.isArray(raw.testCases)) return fail(`testCases: expected an array of test cases, got ${describeJson(raw.testCases)}`);
  const cases = raw.testCases.map((c: unknown, i): CptCase => {
    const at = `testCases[${i}]`;
    if (!isPlainObject(c)) return fail(`${at}: expected an object with "name" and "instructions"`);
    if (typeof c.name !== 'string') return fail(`${at}.name: expected the test case name (a string)`);
    if (c.description !== undefined && typeof c.description !== 'string') fail(`${at}.description: expected a string`);
    if (!Array.isArray(c.instructions)) return fail(`${at} ("${c.name}").instructions: expected an array of instructions`);
    return {
      name: c.name,
      description: c.description as string | undefined,
      instructions: c.instructions.map((ins: unknown, j) => readInstruction(ins, `instructions[${j}]`)),
    };
  });
  return { file, folder: dirname(file), cases };
}

import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InputError } from './errors';

/**
 * Reads a UTF-8 text file, turning every failure into a one-line {@link InputError}.
 *
 * @example
 * const xml = await readTextFile('docs/examples/order.bpmn', 'model');
 */
export async function readTextFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new InputError(`cannot read ${what} file ${path}: ${why}`);
  }
}

/**
 * Parses JSON, reporting the source and the position of a syntax error.
 *
 * @example
 * parseJson('{"a":1}', '--variables'); // { a: 1 }
 */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`invalid JSON in ${source}: ${(error as Error).message}`);
  }
}

/** Reads a JSON file. */
export async function readJsonFile(path: string, what: string): Promise<unknown> {
  return parseJson(await readTextFile(path, what), path);
}

/**
 * The `--variables` value: inline JSON or `@file`. Must be a JSON object.
 *
 * @example
 * await readVariablesArg('{"amount": 150}', process.cwd()); // { amount: 150 }
 * await readVariablesArg('@vars.json', process.cwd());      // contents of ./vars.json
 */
export async function readVariablesArg(value: string, cwd: string): Promise<Record<string, unknown>> {
  const parsed = value.startsWith('@')
    ? await readJsonFile(resolve(cwd, value.slice(1)), 'variables')
    : parseJson(value, '--variables');
  if (!isPlainObject(parsed)) throw new InputError(`--variables must be a JSON object, got ${describeJson(parsed)}`);
  return parsed;
}

/**
 * Expands files and folders into test files: a file is taken as given; a folder contributes, recursively
 * and sorted by path, its `*.scenario.json` files and every other `*.json` file that holds a
 * Camunda Process Test document (an object with `testCases`; other JSON files are left alone).
 */
export async function findScenarioFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let info;
    try {
      info = await stat(abs);
    } catch {
      throw new InputError(`cannot read scenario path ${p}: no such file or folder`);
    }
    if (info.isDirectory()) {
      const found = await walk(abs);
      if (found.length === 0) throw new InputError(`no *.scenario.json, CPT or DMN (*-test-NN.xml) test files under ${p}`);
      out.push(...found);
    } else out.push(abs);
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && !e.name.startsWith('.')) out.push(...(await walk(full)));
    } else if (e.name.endsWith('.scenario.json') || isDmnTestFile(e.name) || (e.name.endsWith('.json') && (await holdsTestCases(full)))) out.push(full);
  }
  return out;
}

/** A DMN decision test file, named as the TCK names them: `loan-test-01.xml` beside `loan.dmn`. */
export function isDmnTestFile(name: string): boolean {
  return /-test-\d+\.xml$/i.test(name);
}

/** A cheap look before parsing: only files that mention `"testCases"` are parsed. */
async function holdsTestCases(file: string): Promise<boolean> {
  try {
    const text = await readFile(file, 'utf8');
    if (!text.includes('"testCases"')) return false;
    const raw = JSON.parse(text) as unknown;
    return isPlainObject(raw) && Array.isArray(raw.testCases);
  } catch {
    return false;
  }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function describeJson(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}

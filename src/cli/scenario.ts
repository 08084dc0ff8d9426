import { dirname, resolve } from 'node:path';
import { InputError } from './errors';
import { describeJson, isPlainObject, readJsonFile } from './files';

/** One action on the open job or user task of an element. */
export type ScenarioStep =
  | { complete: string; variables?: Record<string, unknown> }
  | { fail: string; message?: string; retries?: number }
  | { throwError: string; code: string; message?: string; variables?: Record<string, unknown> };

/** What the run must look like at the end. Every field is optional. */
export interface ScenarioExpect {
  state?: 'completed' | 'active' | 'incident' | 'terminated' | 'cancelled';
  /** Elements that completed at least once. */
  passed?: string[];
  /** Elements that never completed. */
  notPassed?: string[];
  /** Variables that must have these values (deep equality); other variables are ignored. */
  variables?: Record<string, unknown>;
}

/** A scenario file, validated, with `model` resolved against the scenario's folder. */
export interface Scenario {
  file: string;
  name: string;
  model: string;
  /** DMN files deployed before the model, resolved like `model`. */
  decisions: string[];
  process?: string;
  variables: Record<string, unknown>;
  steps: ScenarioStep[];
  expect?: ScenarioExpect;
}

const STATES = ['completed', 'active', 'incident', 'terminated', 'cancelled'];

/**
 * Reads and validates a scenario file.
 *
 * @example
 * const s = await loadScenario('docs/examples/order/happy.scenario.json');
 * s.model; // absolute path of docs/examples/order/order.bpmn
 * @throws InputError naming the file and the offending field.
 */
export async function loadScenario(file: string): Promise<Scenario> {
  const raw = await readJsonFile(file, 'scenario');
  return validateScenario(raw, file);
}

/** Validates parsed scenario JSON; exported for tests and for scenarios built in code. */
export function validateScenario(raw: unknown, file: string): Scenario {
  const fail = (msg: string): never => {
    throw new InputError(`invalid scenario ${file}: ${msg}`);
  };
  if (!isPlainObject(raw)) return fail(`expected a JSON object, got ${describeJson(raw)}`);
  const known = new Set(['name', 'description', 'model', 'decisions', 'process', 'variables', 'steps', 'expect']);
  for (const k of Object.keys(raw)) if (!known.has(k)) fail(`unknown field "${k}"`);
  if (typeof raw.model !== 'string' || raw.model === '') fail('"model" must be a file path (relative to the scenario)');
  if (raw.process !== undefined && typeof raw.process !== 'string') fail('"process" must be a string');
  if (raw.decisions !== undefined && !(Array.isArray(raw.decisions) && raw.decisions.every((d) => typeof d === 'string' && d !== ''))) {
    fail('"decisions" must be an array of DMN file paths');
  }
  if (raw.name !== undefined && typeof raw.name !== 'string') fail('"name" must be a string');
  if (raw.variables !== undefined && !isPlainObject(raw.variables)) fail('"variables" must be an object');
  if (raw.steps !== undefined && !Array.isArray(raw.steps)) fail('"steps" must be an array');
  const steps = ((raw.steps ?? []) as unknown[]).map((s, i) => validateStep(s, i, fail));
  const expect = raw.expect === undefined ? undefined : validateExpect(raw.expect, fail);
  return {
    file,
    name: (raw.name as string | undefined) ?? file,
    model: resolve(dirname(file), raw.model as string),
    decisions: ((raw.decisions ?? []) as string[]).map((d) => resolve(dirname(file), d)),
    process: raw.process as string | undefined,
    variables: (raw.variables as Record<string, unknown> | undefined) ?? {},
    steps,
    expect,
  };
}

function validateStep(s: unknown, i: number, fail: (msg: string) => never): ScenarioStep {
  const at = `steps[${i}]`;
  if (!isPlainObject(s)) return fail(`${at} must be an object`);
  const actions = ['complete', 'fail', 'throwError'].filter((k) => k in s);
  if (actions.length !== 1) return fail(`${at} needs exactly one of "complete", "fail", "throwError"`);
  const action = actions[0];
  if (typeof s[action] !== 'string' || s[action] === '') fail(`${at}.${action} must be an element id`);
  const allowed: Record<string, string[]> = {
    complete: ['complete', 'variables'],
    fail: ['fail', 'message', 'retries'],
    throwError: ['throwError', 'code', 'message', 'variables'],
  };
  for (const k of Object.keys(s)) if (!allowed[action].includes(k)) fail(`${at}: unknown field "${k}" for a ${action} step`);
  if (s.variables !== undefined && !isPlainObject(s.variables)) fail(`${at}.variables must be an object`);
  if (s.message !== undefined && typeof s.message !== 'string') fail(`${at}.message must be a string`);
  if (s.retries !== undefined && (!Number.isInteger(s.retries) || (s.retries as number) < 0)) fail(`${at}.retries must be a non-negative integer`);
  if (action === 'throwError' && (typeof s.code !== 'string' || s.code === '')) fail(`${at}.code must be the BPMN error code`);
  return s as unknown as ScenarioStep;
}

function validateExpect(e: unknown, fail: (msg: string) => never): ScenarioExpect {
  if (!isPlainObject(e)) return fail('"expect" must be an object');
  for (const k of Object.keys(e)) if (!['state', 'passed', 'notPassed', 'variables'].includes(k)) fail(`expect: unknown field "${k}"`);
  if (e.state !== undefined && !STATES.includes(e.state as string)) fail(`expect.state must be one of ${STATES.join(', ')}`);
  for (const k of ['passed', 'notPassed'] as const) {
    const v = e[k];
    if (v !== undefined && !(Array.isArray(v) && v.every((x) => typeof x === 'string'))) fail(`expect.${k} must be an array of element ids`);
  }
  if (e.variables !== undefined && !isPlainObject(e.variables)) fail('expect.variables must be an object');
  return e as ScenarioExpect;
}

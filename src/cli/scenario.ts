import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { InputError } from './errors';
import { describeJson, isPlainObject, readJsonFile } from './files';
import { stepProblems, type ScenarioStep } from './scenario-steps';
import { formatIssues } from './schema-errors';
import { instantOf, isoDateTime, jsonObject, name } from './time-values';

export type { ScenarioStep } from './scenario-steps';

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
  description?: string;
  model: string;
  /** DMN files deployed before the model, resolved like `model`. */
  decisions: string[];
  process?: string;
  /** Where the virtual clock starts (epoch ms); absent: the real time when the run starts. */
  clock?: number;
  variables: Record<string, unknown>;
  steps: ScenarioStep[];
  expect?: ScenarioExpect;
}

const STATES = ['completed', 'active', 'incident', 'terminated', 'cancelled'] as const;

const expectSchema = z.strictObject({
  state: z.enum(STATES, { error: `expected one of ${STATES.join(', ')}` }).optional(),
  passed: z.array(z.string(), { error: 'expected an array of element ids' }).optional(),
  notPassed: z.array(z.string(), { error: 'expected an array of element ids' }).optional(),
  variables: jsonObject.optional(),
});

/** The file's top level; steps are checked one by one (`scenario-steps.ts`) for errors that name the step. */
const scenarioSchema = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  model: name('"model", a file path relative to the scenario'),
  decisions: z.array(name('a DMN file path'), { error: 'expected an array of DMN file paths' }).optional(),
  process: z.string().optional(),
  clock: isoDateTime.optional(),
  variables: jsonObject.optional(),
  steps: z.array(z.unknown()).optional(),
  expect: expectSchema.optional(),
});

/**
 * Reads and validates a scenario file.
 *
 * @example
 * const s = await loadScenario('docs/examples/order/happy.scenario.json');
 * s.model; // absolute path of docs/examples/order/order.bpmn
 * @throws InputError naming the file, the scenario and the offending field (`steps[2].ttl`).
 */
export async function loadScenario(file: string): Promise<Scenario> {
  const raw = await readJsonFile(file, 'scenario');
  return validateScenario(raw, file);
}

/** Validates parsed scenario JSON; exported for tests and for scenarios built in code. */
export function validateScenario(raw: unknown, file: string): Scenario {
  if (!isPlainObject(raw)) throw new InputError(`invalid scenario ${file}: expected a JSON object, got ${describeJson(raw)}`);
  const title = typeof raw.name === 'string' ? ` (scenario "${raw.name}")` : '';
  const parsed = scenarioSchema.safeParse(raw);
  const problems = parsed.success ? [] : formatIssues(parsed.error.issues);
  if (Array.isArray(raw.steps)) raw.steps.forEach((s, i) => problems.push(...stepProblems(s, i)));
  if (!parsed.success || problems.length > 0) {
    const shown = problems.slice(0, 5).join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : '');
    throw new InputError(`invalid scenario ${file}${title}: ${shown}`);
  }
  const s = parsed.data;
  return {
    file,
    name: s.name ?? file,
    description: s.description,
    model: resolve(dirname(file), s.model),
    decisions: (s.decisions ?? []).map((d) => resolve(dirname(file), d)),
    process: s.process,
    clock: s.clock === undefined ? undefined : instantOf(s.clock),
    variables: s.variables ?? {},
    steps: (s.steps ?? []) as ScenarioStep[],
    expect: s.expect,
  };
}

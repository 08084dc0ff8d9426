import { z } from 'zod';
import { formatIssues } from './schema-errors';
import { isoDuration, jsonObject, name } from './time-values';

/**
 * The step kinds of a scenario, one strict schema each (an unknown field is an error, so a typo
 * never passes silently). Documented in docs/cli.md, "Steps".
 */
const STEP_SCHEMAS = {
  complete: z.strictObject({ complete: name('an element id'), variables: jsonObject.optional() }),
  fail: z.strictObject({ fail: name('an element id'), message: z.string().optional(), retries: z.int().min(0).optional() }),
  throwError: z.strictObject({ throwError: name('an element id'), code: name('the BPMN error code'), message: z.string().optional(), variables: jsonObject.optional() }),
  publish: z.strictObject({
    publish: name('a message name'),
    key: z.union([z.string(), z.number()], { error: 'expected the correlation key (a string or a number)' }).optional(),
    variables: jsonObject.optional(),
    ttl: isoDuration.optional(),
    messageId: name('a message id').optional(),
  }),
  signal: z.strictObject({ signal: name('a signal name'), variables: jsonObject.optional() }),
  advance: z.strictObject({ advance: isoDuration }),
  fetchAndComplete: z.strictObject({ fetchAndComplete: name('a job type (topic)'), variables: jsonObject.optional() }),
  cancel: z.strictObject({ cancel: z.literal(true, { error: 'expected true' }) }),
} as const;

export type StepKind = keyof typeof STEP_SCHEMAS;
/** One scenario step: an action on a job or user task, a message, a signal, time, or the instance. */
export type ScenarioStep = { [K in StepKind]: z.infer<(typeof STEP_SCHEMAS)[K]> }[StepKind];

export const STEP_KINDS = Object.keys(STEP_SCHEMAS) as StepKind[];

/** The kind of a validated step (the one key that names it). */
export function kindOf(step: ScenarioStep): StepKind {
  return STEP_KINDS.find((k) => k in step) as StepKind;
}

/**
 * Validates one step; returns the problems (each prefixed `steps[i]`), empty when it is valid.
 * The kind is chosen by its key first, so the errors speak of that kind's fields only.
 */
export function stepProblems(raw: unknown, index: number): string[] {
  const at = `steps[${index}]`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [`${at}: expected an object such as {"complete": "Task_1"}`];
  const kinds = STEP_KINDS.filter((k) => k in raw);
  if (kinds.length !== 1) {
    const found = kinds.length ? ` (it has ${kinds.map((k) => `"${k}"`).join(' and ')})` : '';
    return [`${at} needs exactly one of ${STEP_KINDS.map((k) => `"${k}"`).join(', ')}${found}`];
  }
  const result = STEP_SCHEMAS[kinds[0]].safeParse(raw);
  return result.success ? [] : formatIssues(result.error.issues, at, `a ${kinds[0]} step`);
}

/** A one-line description of a step for reports: `publish "paid" key "order-7"`. */
export function describeStep(step: ScenarioStep): string {
  if ('complete' in step) return `complete ${step.complete}`;
  if ('fail' in step) return `fail ${step.fail}`;
  if ('throwError' in step) return `throwError ${step.throwError} ${step.code}`;
  if ('publish' in step) return `publish "${step.publish}"${step.key === undefined ? '' : ` key ${JSON.stringify(step.key)}`}`;
  if ('signal' in step) return `signal "${step.signal}"`;
  if ('advance' in step) return `advance ${step.advance}`;
  if ('fetchAndComplete' in step) return `fetchAndComplete ${step.fetchAndComplete}`;
  return 'cancel';
}

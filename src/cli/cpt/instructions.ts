import { z } from 'zod';
import { formatIssues } from '../schema-errors';
import { isoDateTime, isoDuration, jsonObject } from '../time-values';

/**
 * The instructions of Camunda Process Test JSON test cases (`cpt-test-cases/8.9/schema.json`,
 * published by Camunda), as zod schemas written from that schema: the same fields, the same
 * required ones, no others. Which ones Flowdeck runs: `SUPPORTED` below and docs/cli.md.
 */

const str = z.string();
const vars = jsonObject.optional();
/** Each selector needs at least one of its fields (the schema's `anyOf` of `required`). */
const atLeastOne = <T extends z.ZodRawShape>(shape: T, what: string) =>
  z.strictObject(shape).refine((o) => Object.values(o).some((v) => v !== undefined), { message: `${what} needs one of ${Object.keys(shape).join(', ')}` });

export const processDefinitionSelector = z.strictObject({ processDefinitionId: str });
export const processInstanceSelector = z.strictObject({ processDefinitionId: str });
export const elementSelector = atLeastOne({ elementId: str.optional(), elementName: str.optional() }, 'an element selector');
export const jobSelector = atLeastOne({ jobType: str.optional(), elementId: str.optional(), processDefinitionId: str.optional() }, 'a job selector');
export const userTaskSelector = atLeastOne({ elementId: str.optional(), taskName: str.optional(), processDefinitionId: str.optional() }, 'a user task selector');
export const incidentSelector = atLeastOne({ elementId: str.optional(), processDefinitionId: str.optional() }, 'an incident selector');
export const decisionSelector = atLeastOne({ decisionDefinitionId: str.optional(), decisionDefinitionName: str.optional() }, 'a decision selector');
export const messageSelector = z.strictObject({ messageName: str, correlationKey: str.optional() });

const t = <K extends string, S extends z.ZodRawShape>(type: K, shape: S) => z.strictObject({ type: z.literal(type), ...shape });

export const INSTRUCTIONS = {
  CREATE_PROCESS_INSTANCE: t('CREATE_PROCESS_INSTANCE', {
    processDefinitionSelector,
    variables: vars,
    startInstructions: z.array(z.strictObject({ elementId: str })).optional(),
    runtimeInstructions: z.array(z.strictObject({ type: z.literal('TERMINATE_PROCESS_INSTANCE'), afterElementId: str })).optional(),
  }),
  COMPLETE_JOB: t('COMPLETE_JOB', { jobSelector, variables: vars, useExampleData: z.boolean().optional() }),
  COMPLETE_USER_TASK: t('COMPLETE_USER_TASK', { userTaskSelector, variables: vars, useExampleData: z.boolean().optional() }),
  THROW_BPMN_ERROR_FROM_JOB: t('THROW_BPMN_ERROR_FROM_JOB', { jobSelector, errorCode: str, errorMessage: str.optional(), variables: vars }),
  PUBLISH_MESSAGE: t('PUBLISH_MESSAGE', { name: str, correlationKey: str.optional(), variables: vars, timeToLive: z.int().min(0).optional(), messageId: str.optional() }),
  CORRELATE_MESSAGE: t('CORRELATE_MESSAGE', { name: str, correlationKey: str.optional(), variables: vars }),
  BROADCAST_SIGNAL: t('BROADCAST_SIGNAL', { signalName: str, variables: vars }),
  INCREASE_TIME: t('INCREASE_TIME', { duration: isoDuration }),
  SET_TIME: t('SET_TIME', { time: isoDateTime }),
  RESOLVE_INCIDENT: t('RESOLVE_INCIDENT', { incidentSelector }),
  UPDATE_VARIABLES: t('UPDATE_VARIABLES', { processInstanceSelector, variables: jsonObject, elementSelector: elementSelector.optional() }),
  EVALUATE_DECISION: t('EVALUATE_DECISION', { decisionDefinitionSelector: z.strictObject({ decisionDefinitionId: str }), variables: vars }),
  EVALUATE_CONDITIONAL_START_EVENT: t('EVALUATE_CONDITIONAL_START_EVENT', { variables: jsonObject }),
  MOCK_JOB_WORKER_COMPLETE_JOB: t('MOCK_JOB_WORKER_COMPLETE_JOB', { jobType: str, variables: vars, useExampleData: z.boolean().optional() }),
  MOCK_JOB_WORKER_THROW_BPMN_ERROR: t('MOCK_JOB_WORKER_THROW_BPMN_ERROR', { jobType: str, errorCode: str, errorMessage: str.optional(), variables: vars }),
  MOCK_CHILD_PROCESS: t('MOCK_CHILD_PROCESS', { processDefinitionId: str, variables: vars }),
  MOCK_DMN_DECISION: t('MOCK_DMN_DECISION', { decisionDefinitionId: str, variables: vars }),
  ASSERT_PROCESS_INSTANCE: t('ASSERT_PROCESS_INSTANCE', {
    processInstanceSelector, state: z.enum(['IS_ACTIVE', 'IS_COMPLETED', 'IS_CREATED', 'IS_TERMINATED']).optional(), hasActiveIncidents: z.boolean().optional(),
  }),
  ASSERT_ELEMENT_INSTANCE: t('ASSERT_ELEMENT_INSTANCE', {
    processInstanceSelector, elementSelector, state: z.enum(['IS_ACTIVE', 'IS_COMPLETED', 'IS_TERMINATED']), amount: z.int().min(1).optional(),
  }),
  ASSERT_ELEMENT_INSTANCES: t('ASSERT_ELEMENT_INSTANCES', {
    processInstanceSelector,
    elementSelectors: z.array(elementSelector),
    state: z.enum(['IS_ACTIVE', 'IS_COMPLETED', 'IS_TERMINATED', 'IS_NOT_ACTIVE', 'IS_NOT_ACTIVATED', 'IS_ACTIVE_EXACTLY', 'IS_COMPLETED_IN_ORDER']),
  }),
  ASSERT_USER_TASK: t('ASSERT_USER_TASK', {
    userTaskSelector,
    state: z.enum(['IS_CREATED', 'IS_COMPLETED', 'IS_CANCELED', 'IS_FAILED']).optional(),
    assignee: str.optional(), candidateGroups: z.array(str).optional(), priority: z.int().optional(),
    elementId: str.optional(), name: str.optional(), dueDate: str.optional(), followUpDate: str.optional(),
  }),
  ASSERT_VARIABLES: t('ASSERT_VARIABLES', { processInstanceSelector, elementSelector: elementSelector.optional(), variableNames: z.array(str).optional(), variables: vars }),
  ASSERT_DECISION: t('ASSERT_DECISION', {
    decisionSelector, output: z.unknown().optional(), matchedRules: z.array(z.int()).optional(), notMatchedRules: z.array(z.int()).optional(), noMatchedRules: z.boolean().optional(),
  }),
  ASSERT_PROCESS_INSTANCE_MESSAGE_SUBSCRIPTION: t('ASSERT_PROCESS_INSTANCE_MESSAGE_SUBSCRIPTION', {
    processInstanceSelector, messageSelector, state: z.enum(['IS_WAITING', 'IS_NOT_WAITING', 'IS_CORRELATED']),
  }),
} as const;

/** Instructions of the schema that Flowdeck does not run, and why (each fails its test case by name). */
export const UNSUPPORTED: Readonly<Record<string, string>> = {
  ASSERT_VARIABLE: 'it asks an AI judge to rate a variable (satisfiesJudge); Flowdeck runs offline and has no judge',
  COMPLETE_JOB_AD_HOC_SUB_PROCESS: "Flowdeck's ad-hoc subprocesses have no job to complete (use activateAdHocElements)",
  COMPLETE_JOB_USER_TASK_LISTENER: 'Flowdeck has no user task listeners',
};

export type InstructionType = keyof typeof INSTRUCTIONS;
export type Instruction = { [K in InstructionType]: z.infer<(typeof INSTRUCTIONS)[K]> }[InstructionType];
export type InstructionOf<K extends InstructionType> = z.infer<(typeof INSTRUCTIONS)[K]>;

/** What reading one instruction gave: a runnable instruction, an unsupported one, or the problems of a malformed one. */
export type ReadInstruction =
  | { ok: true; instruction: Instruction }
  | { ok: false; unsupported: true; type: string; reason: string }
  | { ok: false; unsupported: false; problems: string[] };

/**
 * Validates one instruction against the schema of its `type` (chosen first, so errors speak of that
 * instruction's fields). `at` prefixes the problems (`instructions[3]`).
 */
export function readInstruction(raw: unknown, at: string): ReadInstruction {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, unsupported: false, problems: [`${at}: expected an object with a "type"`] };
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string') return { ok: false, unsupported: false, problems: [`${at}.type: expected the instruction type (a string)`] };
  if (type in UNSUPPORTED) return { ok: false, unsupported: true, type, reason: UNSUPPORTED[type] };
  if (!(type in INSTRUCTIONS)) return { ok: false, unsupported: true, type, reason: 'not an instruction of the CPT schema (8.9) that Flowdeck knows' };
  const parsed = INSTRUCTIONS[type as InstructionType].safeParse(raw);
  if (!parsed.success) return { ok: false, unsupported: false, problems: formatIssues(parsed.error.issues, at, `a ${type} instruction`) };
  return { ok: true, instruction: parsed.data as Instruction };
}

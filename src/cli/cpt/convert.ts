import type { HistoryEvent, Logger } from '../../engine';
import { InputError } from '../errors';
import { execute } from '../execute';
import type { Scenario } from '../scenario';
import { describeStep, kindOf } from '../scenario-steps';
import type { StepTrace } from '../steps';

/** The schema a converted document names (the CPT version whose instructions it uses). */
export const CPT_SCHEMA_ID = 'https://camunda.com/json-schema/cpt-test-cases/8.9/schema.json';

export interface ConvertedCase {
  testCase: { name: string; description?: string; instructions: Array<Record<string, unknown>> };
  /** Where the CPT case checks less or more than the scenario did. */
  warnings: string[];
}

/**
 * Writes a scenario as a CPT test case. The scenario is run once first, so each step becomes the
 * instructions that do what it did: `complete` becomes COMPLETE_JOB or COMPLETE_USER_TASK by what
 * was open, `fetchAndComplete` one COMPLETE_JOB per job it completed. `fail` and `cancel` have no
 * CPT instruction: such a scenario cannot be converted.
 *
 * @example
 * const { testCase } = await scenarioToCpt(await loadScenario('happy.scenario.json'));
 * testCase.instructions[0]; // { type: 'CREATE_PROCESS_INSTANCE', processDefinitionSelector: { processDefinitionId: 'shipment' }, ... }
 * @throws InputError naming the scenario and the step that CPT cannot express.
 */
export async function scenarioToCpt(scenario: Scenario, logger?: Logger): Promise<ConvertedCase> {
  for (const [i, step] of scenario.steps.entries()) {
    const kind = kindOf(step);
    if (kind === 'fail' || kind === 'cancel') {
      const what = kind === 'fail' ? 'fail a job' : 'cancel a process instance';
      throw new InputError(`cannot convert ${scenario.file} (scenario "${scenario.name}"): step ${i + 1} (${describeStep(step)}): CPT has no instruction to ${what}`);
    }
  }
  const result = await execute(scenario, logger);
  const warnings: string[] = [];
  const ins: Array<Record<string, unknown>> = [];
  const vars = (v: Record<string, unknown> | undefined) => (v === undefined ? {} : { variables: v });
  if (scenario.clock !== undefined) ins.push({ type: 'SET_TIME', time: new Date(scenario.clock).toISOString() });
  ins.push({ type: 'CREATE_PROCESS_INSTANCE', processDefinitionSelector: { processDefinitionId: result.processId }, ...vars(scenario.variables) });
  // Steps after a failing one never ran; the failing one is written as it reads, so the CPT case fails there too.
  const ran = result.stepError ? result.traces.length + 1 : scenario.steps.length;
  for (const [i, step] of scenario.steps.slice(0, ran).entries()) {
    const trace: StepTrace = result.traces[i] ?? {};
    if ('complete' in step) {
      ins.push(trace.target === 'userTask'
        ? { type: 'COMPLETE_USER_TASK', userTaskSelector: { elementId: step.complete }, ...vars(step.variables) }
        : { type: 'COMPLETE_JOB', jobSelector: { elementId: step.complete }, ...vars(step.variables) });
    } else if ('throwError' in step) {
      ins.push({ type: 'THROW_BPMN_ERROR_FROM_JOB', jobSelector: { elementId: step.throwError }, errorCode: step.code,
        ...(step.message === undefined ? {} : { errorMessage: step.message }), ...vars(step.variables) });
    } else if ('publish' in step) {
      ins.push({ type: 'PUBLISH_MESSAGE', name: step.publish, ...(step.key === undefined ? {} : { correlationKey: String(step.key) }), ...vars(step.variables),
        ...(trace.ttlMs ? { timeToLive: trace.ttlMs } : {}), ...(step.messageId === undefined ? {} : { messageId: step.messageId }) });
    } else if ('signal' in step) {
      ins.push({ type: 'BROADCAST_SIGNAL', signalName: step.signal, ...vars(step.variables) });
    } else if ('advance' in step) {
      ins.push({ type: 'INCREASE_TIME', duration: step.advance });
    } else if ('fetchAndComplete' in step) {
      const times = Math.max(1, trace.jobs?.length ?? 0);
      for (let n = 0; n < times; n++) ins.push({ type: 'COMPLETE_JOB', jobSelector: { jobType: step.fetchAndComplete }, ...vars(step.variables) });
    }
  }
  ins.push(...expectations(scenario, result.processId, result.history, warnings));
  const testCase = { name: scenario.name, ...(scenario.description ? { description: scenario.description } : {}), instructions: ins };
  return { testCase, warnings };
}

function expectations(scenario: Scenario, processId: string, history: HistoryEvent[], warnings: string[]): Array<Record<string, unknown>> {
  const expect = scenario.expect;
  if (!expect) return [];
  const pi = { processInstanceSelector: { processDefinitionId: processId } };
  const out: Array<Record<string, unknown>> = [];
  const state = ({ completed: 'IS_COMPLETED', terminated: 'IS_COMPLETED', cancelled: 'IS_TERMINATED', active: 'IS_ACTIVE', incident: 'IS_ACTIVE' } as const);
  if (expect.state !== undefined) {
    // Zeebe completes an instance that a terminate end event ends, so "terminated" is IS_COMPLETED there.
    const incidents = expect.state === 'active' ? { hasActiveIncidents: false } : expect.state === 'incident' ? { hasActiveIncidents: true } : {};
    if (expect.state === 'terminated') warnings.push(`${scenario.name}: expect.state "terminated" becomes IS_COMPLETED (CPT does not tell a terminate end event from a normal end)`);
    out.push({ type: 'ASSERT_PROCESS_INSTANCE', ...pi, state: state[expect.state], ...incidents });
  }
  if (expect.passed?.length) out.push({ type: 'ASSERT_ELEMENT_INSTANCES', ...pi, elementSelectors: expect.passed.map((elementId) => ({ elementId })), state: 'IS_COMPLETED' });
  // CPT cannot say "never completed": each notPassed element becomes what the run saw of it instead
  // (never entered, or still active, or terminated, that many times); one that did complete becomes
  // IS_NOT_ACTIVATED, which fails as the scenario does.
  const count = (type: HistoryEvent['type'], id: string) => history.filter((e) => e.type === type && 'elementId' in e && e.elementId === id).length;
  const never: string[] = [];
  for (const id of expect.notPassed ?? []) {
    const entered = count('elementEntered', id);
    const terminated = count('elementTerminated', id);
    const active = entered - count('elementCompleted', id) - terminated;
    if (entered === 0 || count('elementCompleted', id) > 0) never.push(id);
    else if (active > 0) out.push({ type: 'ASSERT_ELEMENT_INSTANCE', ...pi, elementSelector: { elementId: id }, state: 'IS_ACTIVE', amount: active });
    else out.push({ type: 'ASSERT_ELEMENT_INSTANCE', ...pi, elementSelector: { elementId: id }, state: 'IS_TERMINATED', amount: terminated });
  }
  if (never.length) out.push({ type: 'ASSERT_ELEMENT_INSTANCES', ...pi, elementSelectors: never.map((elementId) => ({ elementId })), state: 'IS_NOT_ACTIVATED' });
  if (expect.variables && Object.keys(expect.variables).length) out.push({ type: 'ASSERT_VARIABLES', ...pi, variables: expect.variables });
  return out;
}

import type { HistoryEvent, InstanceState, Logger } from '../engine';
import { deployModelFiles } from './deploy-files';
import { InputError } from './errors';
import { createCliHost } from './host-factory';
import { toOutcome, type RunOutcome } from './outcome';
import { describeStep, type ScenarioStep } from './scenario-steps';
import { applyStep, type StepTrace } from './steps';

/** What to run: a model, which process, start variables and the steps to apply at wait states. */
export interface Execution {
  model: string;
  /** DMN files to deploy first (business rule tasks call their decisions); those the model binds by `deployment` go in its deployment. */
  decisions?: string[];
  process?: string;
  /** Where the virtual clock starts (epoch ms); default: the real time now. */
  clock?: number;
  variables: Record<string, unknown>;
  steps: ScenarioStep[];
}

export interface ExecutionResult {
  processId: string;
  version: number;
  instanceId: string;
  outcome: RunOutcome;
  /** What each applied step acted on (one entry per step that ran). */
  traces: StepTrace[];
  /** The started instance's history at the end (the CPT converter reads what each element did). */
  history: HistoryEvent[];
  /** Set when a step could not be applied; the outcome is the state before that step. */
  stepError?: string;
}

/**
 * Runs one execution on a fresh in-memory host with a virtual clock: deploy, start, apply the steps
 * in order.
 *
 * @example
 * const r = await execute({ model: 'order.bpmn', variables: { amount: 5 }, steps: [{ complete: 'Charge' }] }, logger);
 * r.outcome.state; // 'completed'
 * @throws InputError when the model cannot be read or deployed, or the process cannot be chosen.
 */
export async function execute(execution: Execution, logger?: Logger): Promise<ExecutionResult> {
  const { host, clock } = await createCliHost({ start: execution.clock, logger });
  const [processes] = await deployModelFiles(host, { bpmn: [execution.model], dmn: execution.decisions ?? [] }, logger);
  const processId = execution.process ?? pickProcess(processes, execution.model);
  if (!processes.includes(processId)) throw new InputError(`${execution.model} has no process "${processId}" (it has: ${processes.join(', ')})`);

  const started = await host.startInstance(processId, { variables: execution.variables });
  await host.timers.runUntil(clock.now());
  const run = { host, clock, instanceId: started.instanceId };
  const state = async () => (await host.getInstance(started.instanceId)) as InstanceState;
  const outcome = async () => {
    const s = await state();
    return toOutcome(s, host.deployments.get(s.processId, s.processVersion));
  };
  const base = { processId, version: started.processVersion, instanceId: started.instanceId };
  const end = async (traces: StepTrace[], stepError?: string): Promise<ExecutionResult> =>
    ({ ...base, outcome: await outcome(), traces, history: await host.history(started.instanceId), ...(stepError ? { stepError } : {}) });
  const traces: StepTrace[] = [];
  for (const [i, step] of execution.steps.entries()) {
    try {
      traces.push(await applyStep(run, step));
    } catch (error) {
      return end(traces, `step ${i + 1} (${describeStep(step)}): ${(error as Error).message}`);
    }
  }
  return end(traces);
}

function pickProcess(ids: string[], model: string): string {
  if (ids.length === 1) return ids[0];
  throw new InputError(`${model} has ${ids.length} processes (${ids.join(', ')}): choose one with --process`);
}

import { basename } from 'node:path';
import type { InstanceState, Logger } from '../engine';
import { CountingIds, RealClock, SeededRandom } from '../host/clocks';
import { DmnDecisions, DmnDeployError } from '../host/dmn-decisions';
import { DeployError, EngineHost } from '../host/engine-host';
import { FeelExpressions } from '../host/feel-expressions';
import { MemoryStore } from '../host/memory-store';
import { createNodeScriptRunner } from '../host/scripts/node-script-threads';
import type { QuickJsScriptRunner } from '../host/scripts/quickjs-runner';
import { InputError } from './errors';
import { readTextFile } from './files';
import { toOutcome, type RunOutcome } from './outcome';
import type { ScenarioStep } from './scenario';

/** What to run: a model, which process, start variables and the steps to apply at wait states. */
export interface Execution {
  model: string;
  /** DMN files to deploy first (business rule tasks call their decisions). */
  decisions?: string[];
  process?: string;
  variables: Record<string, unknown>;
  steps: ScenarioStep[];
}

export interface ExecutionResult {
  processId: string;
  version: number;
  instanceId: string;
  outcome: RunOutcome;
  /** Set when a step could not be applied; the outcome is the state before that step. */
  stepError?: string;
}

/** One script runner (its script threads) per CLI process: starting it is the slowest part of starting up. */
let scripts: Promise<QuickJsScriptRunner> | undefined;

/**
 * Runs one execution on a fresh in-memory host: deploy, start, apply the steps in order.
 *
 * @example
 * const r = await execute({ model: 'order.bpmn', variables: { amount: 5 }, steps: [{ complete: 'Charge' }] }, logger);
 * r.outcome.state; // 'completed'
 * @throws InputError when the model cannot be read or deployed, or the process cannot be chosen.
 */
export async function execute(execution: Execution, logger?: Logger): Promise<ExecutionResult> {
  const xml = await readTextFile(execution.model, 'model');
  const host = new EngineHost({
    store: new MemoryStore(),
    clock: new RealClock(),
    ids: new CountingIds(),
    random: new SeededRandom(1),
    expressions: new FeelExpressions(),
    scripts: await (scripts ??= createNodeScriptRunner({ logger })),
    decisions: new DmnDecisions(),
    logger,
  });
  for (const file of execution.decisions ?? []) {
    const dmn = await readTextFile(file, 'DMN');
    try {
      const { warnings } = await host.deployDmn(dmn, basename(file));
      for (const w of warnings) logger?.warn(`${basename(file)}: ${w}`);
    } catch (error) {
      if (error instanceof DmnDeployError) throw new InputError(`cannot deploy ${file}: ${error.message}`);
      throw error;
    }
  }
  let deployed;
  try {
    deployed = await host.deploy(xml, basename(execution.model));
    for (const w of deployed.warnings) logger?.warn(`${basename(execution.model)}: ${w.replace(/\s+/g, ' ')}`);
  } catch (error) {
    if (error instanceof DeployError) throw new InputError(`cannot deploy ${execution.model}: ${error.message}`);
    throw error;
  }
  const ids = deployed.processes.map((p) => p.id);
  const processId = execution.process ?? pickProcess(ids, execution.model);
  if (!ids.includes(processId)) throw new InputError(`${execution.model} has no process "${processId}" (it has: ${ids.join(', ')})`);

  let state = await host.startInstance(processId, { variables: execution.variables });
  const outcome = () => toOutcome(state, host.deployments.get(state.processId, state.processVersion));
  const base = { processId, version: state.processVersion, instanceId: state.instanceId };
  for (const [i, step] of execution.steps.entries()) {
    try {
      state = await applyStep(host, state, step);
    } catch (error) {
      return { ...base, outcome: outcome(), stepError: `step ${i + 1} (${describeStep(step)}): ${(error as Error).message}` };
    }
  }
  return { ...base, outcome: outcome() };
}

/**
 * Acts on the oldest open job or user task of the element, in the run's instance or any instance
 * it called (a step may complete a task inside a call activity's child process).
 */
async function applyStep(host: EngineHost, root: InstanceState, step: ScenarioStep): Promise<InstanceState> {
  const elementId = 'complete' in step ? step.complete : 'fail' in step ? step.fail : step.throwError;
  const jobs = await host.listJobs();
  const tasks = await host.listUserTasks();
  const job = jobs.find((j) => j.elementId === elementId);
  const task = tasks.find((t) => t.elementId === elementId);
  if (!job && !task) {
    const open = [...jobs.map((j) => `job at ${j.elementId}`), ...tasks.map((t) => `user task at ${t.elementId}`)];
    throw new Error(`no open job or user task at ${elementId} (${open.length ? `open: ${open.join(', ')}` : `instance is ${root.status}, nothing is waiting`})`);
  }
  if ('complete' in step) {
    if (job) await host.completeJob({ jobKey: job.key }, step.variables);
    else if (task) await host.completeUserTask({ taskId: task.id }, step.variables);
  } else if (!job) {
    throw new Error(`${elementId} is a user task; only jobs can fail or throw errors`);
  } else if ('fail' in step) {
    await host.failJob({ jobKey: job.key }, { errorMessage: step.message, retries: step.retries });
  } else {
    await host.throwError({ jobKey: job.key }, step.code, { errorMessage: step.message, variables: step.variables });
  }
  return (await host.getInstance(root.instanceId)) as InstanceState;
}

function describeStep(step: ScenarioStep): string {
  if ('complete' in step) return `complete ${step.complete}`;
  if ('fail' in step) return `fail ${step.fail}`;
  return `throwError ${step.throwError} ${step.code}`;
}

function pickProcess(ids: string[], model: string): string {
  if (ids.length === 1) return ids[0];
  throw new InputError(`${model} has ${ids.length} processes (${ids.join(', ')}): choose one with --process`);
}

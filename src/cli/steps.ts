import type { InstanceState, Job } from '../engine';
import type { ManualClock } from '../host/clocks';
import type { EngineHost } from '../host/engine-host';
import { HostError } from '../host/transaction';
import type { ScenarioStep } from './scenario-steps';
import { afterDuration } from './time-values';

/** What a step acted on, for reports and the CPT converter (`cpt/convert.ts`). */
export interface StepTrace {
  /** `complete`: whether it completed a job or a user task. */
  target?: 'job' | 'userTask';
  /** `fetchAndComplete`: the jobs it completed, oldest first. */
  jobs?: Array<{ key: string; elementId: string }>;
  /** `publish`: the time to live in milliseconds (a `P1M` ttl depends on the date it starts). */
  ttlMs?: number;
}

/** The run a step acts in: the host, its virtual clock and the instance the scenario started. */
export interface StepRun {
  host: EngineHost;
  clock: ManualClock;
  instanceId: string;
}

/**
 * Applies one scenario step, then fires whatever is due at the (possibly moved) clock's time, so
 * asynchronous continuations and zero-duration timers run as they would on a real clock.
 * @throws Error saying what is open instead when the step has nothing to act on.
 */
export async function applyStep(run: StepRun, step: ScenarioStep): Promise<StepTrace> {
  const trace = await act(run, step);
  await run.host.timers.runUntil(run.clock.now());
  return trace;
}

async function act({ host, clock, instanceId }: StepRun, step: ScenarioStep): Promise<StepTrace> {
  if ('publish' in step) {
    const ttl = step.ttl === undefined ? 0 : afterDuration(clock.now(), step.ttl) - clock.now();
    await host.messages.publish({ name: step.publish, correlationKey: step.key, variables: step.variables, timeToLiveMs: ttl, messageId: step.messageId });
    return { ttlMs: ttl };
  }
  if ('signal' in step) {
    await host.messages.broadcastSignal({ name: step.signal, variables: step.variables });
    return {};
  }
  if ('advance' in step) {
    await host.timers.runUntil(afterDuration(clock.now(), step.advance));
    return {};
  }
  if ('cancel' in step) {
    await host.cancel(instanceId);
    return {};
  }
  if ('fetchAndComplete' in step) return fetchAndComplete(host, instanceId, step.fetchAndComplete, step.variables);
  return actOnElement(host, instanceId, step);
}

/** The worker id the CLI locks jobs with (a scenario is its only worker). */
const SCENARIO_WORKER = 'flowdeck-test';

/**
 * Fetches and locks the jobs of `type` that are available now through the host's job executor, as
 * a worker would (highest priority first, then oldest), and completes each (jobs the completions
 * create wait for the next step). A job another completion removed (a boundary event took the
 * activity) is skipped.
 */
async function fetchAndComplete(host: EngineHost, instanceId: string, type: string, variables: Record<string, unknown> | undefined): Promise<StepTrace> {
  const locked = await host.jobs.fetchAndLock({ topic: type, workerId: SCENARIO_WORKER, lockDurationMs: 24 * 3600_000, maxJobs: 1000 });
  if (locked.length === 0) throw new Error(`no open job of type "${type}" (${await describeOpen(host, instanceId)})`);
  const done: StepTrace['jobs'] = [];
  for (const job of locked) {
    try {
      await host.jobs.complete(job.key, SCENARIO_WORKER, variables);
    } catch (error) {
      if (error instanceof HostError && error.reason === 'notFound') continue;
      throw error;
    }
    done.push({ key: job.key, elementId: job.elementId });
  }
  return { jobs: done };
}

/**
 * Acts on the oldest open job or user task of the element, in the run's instance or any instance
 * it called (a step may complete a task inside a call activity's child process).
 */
async function actOnElement(host: EngineHost, instanceId: string, step: Extract<ScenarioStep, { complete: string } | { fail: string } | { throwError: string }>): Promise<StepTrace> {
  const elementId = 'complete' in step ? step.complete : 'fail' in step ? step.fail : step.throwError;
  const job = oldestFirst(await host.listJobs()).find((j) => j.elementId === elementId);
  const task = (await host.listUserTasks()).find((t) => t.elementId === elementId);
  if (!job && !task) throw new Error(`no open job or user task at ${elementId} (${await describeOpen(host, instanceId)})`);
  if ('complete' in step) {
    if (job) await host.completeJob({ jobKey: job.key }, step.variables);
    else if (task) await host.completeUserTask({ taskId: task.id }, step.variables);
    return { target: job ? 'job' : 'userTask' };
  }
  if (!job) throw new Error(`${elementId} is a user task; only jobs can fail or throw errors`);
  if ('fail' in step) await host.failJob({ jobKey: job.key }, { errorMessage: step.message, retries: step.retries });
  else await host.throwError({ jobKey: job.key }, step.code, { errorMessage: step.message, variables: step.variables });
  return { target: 'job' };
}

/** Jobs by creation time; equal times keep the engine's order (creation order within an instance). */
export function oldestFirst(jobs: readonly Job[]): Job[] {
  return [...jobs].sort((a, b) => a.createdAt - b.createdAt);
}

async function describeOpen(host: EngineHost, instanceId: string): Promise<string> {
  const open = [...(await host.listJobs()).map((j) => `job ${j.type} at ${j.elementId}`), ...(await host.listUserTasks()).map((t) => `user task at ${t.elementId}`)];
  if (open.length) return `open: ${open.join(', ')}`;
  const root = (await host.getInstance(instanceId)) as InstanceState | undefined;
  return `instance is ${root?.status ?? 'gone'}, nothing is waiting`;
}

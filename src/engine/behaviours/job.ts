import type { ModdleElement } from 'bpmn-moddle';
import { ext, list, str } from '../model/extensions';
import type { NodeDef } from '../model/types';
import { CommandRejectedError } from '../runtime/commands';
import type { CommandHandler, CompileContext, ElementType } from '../runtime/element-type';
import { resolveValue } from '../runtime/evaluate';
import { ElementFailure } from '../runtime/failure';
import { applyResult } from '../runtime/results';
import type { ElementInstance, Job, Variables } from '../runtime/state';
import type { Step } from '../runtime/step';
import { throwBpmnError } from './error-event';

/*
 * Jobs: the work a job worker does for service and send tasks, job-based script and business rule
 * tasks, and message throw / end events with a task definition (the Zeebe convention). This file
 * holds the job definition's compile step, the job's life on its element, and the job commands.
 */

/**
 * Commands of job workers, and of the host's job executor and scheduler for locks and backoffs.
 * `workerId` on complete / fail / throwError: the worker must hold a live lock on the job; without
 * it (an operator, an inline worker) the job must not be locked by a worker right now.
 */
export type JobCommand =
  | { type: 'completeJob'; jobKey: string; variables?: Variables; workerId?: string }
  /** `retryBackoffMs` (> 0, with retries left): the job is handed out again only after it. */
  | { type: 'failJob'; jobKey: string; retries?: number; errorMessage?: string; retryBackoffMs?: number; workerId?: string }
  | { type: 'throwError'; jobKey: string; errorCode: string; errorMessage?: string; variables?: Variables; workerId?: string }
  /** External task pattern: `workerId` takes the job until `lockExpiresAt`; it must be available at the step's time. */
  | { type: 'lockJob'; jobKey: string; workerId: string; lockExpiresAt: number }
  /** The lock holder moves the end of its lock (to `lockExpiresAt`, after the step's time). */
  | { type: 'extendJobLock'; jobKey: string; workerId: string; lockExpiresAt: number }
  /** The host's scheduler: the job's lock ran out (a `jobLock` due item). */
  | { type: 'jobLockExpired'; jobKey: string }
  /** The host's scheduler: the job's retry backoff is over (a `jobBackoff` due item). */
  | { type: 'jobBackoffEnded'; jobKey: string };

/**
 * From when a worker may lock `job`: at once (`activatable`: -Infinity), when its lock or retry
 * backoff ends, or never (`failed`: an incident is open, null). The host's executor and the
 * stores' job index use this one rule.
 */
export function jobAvailableFrom(job: Job): number | null {
  switch (job.state) {
    case 'activatable':
      return Number.NEGATIVE_INFINITY;
    case 'activated':
      return job.lockExpiresAt ?? Number.NEGATIVE_INFINITY;
    case 'backoff':
      return job.retryAt ?? Number.NEGATIVE_INFINITY;
    default:
      return null;
  }
}

/** Reads `zeebe:taskDefinition` and `zeebe:taskHeaders`; `required` reports a missing type. */
export function compileJob(el: ModdleElement, node: NodeDef, cx: CompileContext, required: boolean): void {
  const def = ext(el, 'zeebe:TaskDefinition');
  const type = cx.exprs.value(node.id, 'job type', str(def, 'type'));
  if (!type) {
    if (required) cx.report(node.id, `${node.kind} has no zeebe:taskDefinition type`);
    return;
  }
  const retries = cx.exprs.value(node.id, 'retries', str(def, 'retries') ?? '3') ?? { kind: 'static', value: '3' };
  const headers: Record<string, string> = {};
  for (const h of list(ext(el, 'zeebe:TaskHeaders'), 'values')) {
    const key = str(h, 'key');
    if (key) headers[key] = str(h, 'value') ?? '';
  }
  // zeebe:taskDefinition has no priority attribute; moddle keeps an unknown one in $attrs (with a warning).
  const priority = headers.priority ?? str(def, 'priority') ?? str(def?.$attrs as ModdleElement | undefined, 'priority');
  const prioritySource = priority === undefined ? null : cx.exprs.value(node.id, 'priority', priority);
  if (prioritySource?.kind === 'static' && !Number.isInteger(Number(prioritySource.value))) cx.report(node.id, `job priority ${JSON.stringify(prioritySource.value)} is not a whole number`);
  node.job = { type, retries, headers, priority: prioritySource };
}

/** Creates the element's job and leaves the element waiting for its worker. */
export function activateJob(step: Step, ei: ElementInstance, node: NodeDef): void {
  const def = node.job;
  if (!def) throw new ElementFailure('extract', `${node.id} has no job definition`);
  const type = resolveValue(step, def.type, ei.id, `job type of ${node.id}`);
  if (typeof type !== 'string' || type === '') throw new ElementFailure('extract', `job type of ${node.id} evaluated to ${JSON.stringify(type)}, expected a non-empty string`);
  const rawRetries = resolveValue(step, def.retries, ei.id, `retries of ${node.id}`);
  const retries = Number(rawRetries);
  if (!Number.isInteger(retries) || retries < 0) throw new ElementFailure('extract', `retries of ${node.id} evaluated to ${JSON.stringify(rawRetries)}, expected a whole number`);
  const rawPriority = def.priority ? resolveValue(step, def.priority, ei.id, `priority of ${node.id}`) : 0;
  const priority = typeof rawPriority === 'string' && rawPriority.trim() !== '' ? Number(rawPriority) : rawPriority;
  if (typeof priority !== 'number' || !Number.isInteger(priority)) throw new ElementFailure('extract', `priority of ${node.id} evaluated to ${JSON.stringify(rawPriority)}, expected a whole number`);
  const key = step.nextId('job');
  const job: Job = {
    key, type, retries, elementId: node.id, elementInstanceId: ei.id, processInstanceId: step.state.instanceId,
    customHeaders: { ...def.headers }, state: 'activatable', errorMessage: null, createdAt: step.now,
    worker: null, lockExpiresAt: null, retryAt: null, priority,
  };
  step.state.jobs[key] = job;
  ei.jobKey = key;
  ei.status = 'waiting';
  step.emit({ type: 'jobCreated', jobKey: key, jobType: type, elementId: node.id, elementInstanceId: ei.id, retries });
  step.effect({ type: 'jobCreated', job: { ...job, customHeaders: { ...job.customHeaders } } });
}

/** The element is terminated: its job is withdrawn. */
export function cancelJob(step: Step, ei: ElementInstance): void {
  if (ei.jobKey && step.state.jobs[ei.jobKey]) {
    delete step.state.jobs[ei.jobKey];
    step.effect({ type: 'jobCanceled', jobKey: ei.jobKey });
  }
}

/** Hands the job out again after its incident (no retries left, an uncaught error) was resolved. */
export function retryJob(step: Step, ei: ElementInstance, _node: NodeDef, incident: { jobKey: string | null }, retries: number | undefined): void {
  const job = incident.jobKey ? step.state.jobs[incident.jobKey] : undefined;
  if (!job) {
    step.retry(ei, 'activate');
    return;
  }
  job.retries = Math.max(1, retries ?? 1);
  job.state = 'activatable';
  job.worker = null;
  job.lockExpiresAt = null;
  job.retryAt = null;
  ei.status = 'waiting';
  step.effect({ type: 'jobCreated', job: { ...job, customHeaders: { ...job.customHeaders } } });
}

/** The behaviour of an element whose whole work is its job (service task, send task). */
export function jobElement(kind: ElementType['kind']): ElementType {
  return {
    kind,
    compile: (el, node, cx) => compileJob(el, node, cx, true),
    activate: activateJob,
    terminate: cancelJob,
    resolveIncident: retryJob,
  };
}

/** The job and its element, if `workerId` (or, without one, anybody) may act on it at the step's time. */
function activeJob(step: Step, jobKey: string, workerId?: string): [Job, ElementInstance] {
  const job = step.state.jobs[jobKey];
  if (!job) throw new CommandRejectedError('notFound', `no open job ${jobKey}`);
  if (job.state === 'failed') throw new CommandRejectedError('notActive', `job ${jobKey} has an open incident`);
  const ei = step.state.elements[job.elementInstanceId];
  if (!ei) throw new CommandRejectedError('notFound', `job ${jobKey} belongs to no live element`);
  const conflict = lockConflict(job, workerId, step.now);
  if (conflict) throw new CommandRejectedError('conflict', conflict);
  return [job, ei];
}

const completeJob: CommandHandler = (step, input) => {
  const command = input as Extract<JobCommand, { type: 'completeJob' }>;
  const [job, ei] = activeJob(step, command.jobKey, command.workerId);
  delete step.state.jobs[job.key];
  delete ei.jobKey;
  step.emit({ type: 'jobCompleted', jobKey: job.key, elementId: job.elementId, elementInstanceId: ei.id });
  applyResult(step, ei, step.node(ei.elementId), command.variables);
  step.complete(ei);
};

const failJob: CommandHandler = (step, input) => {
  const command = input as Extract<JobCommand, { type: 'failJob' }>;
  const backoff = command.retryBackoffMs ?? 0;
  if (!Number.isFinite(backoff) || backoff < 0) throw new CommandRejectedError('invalid', `retryBackoffMs must be a number of milliseconds >= 0, not ${backoff}`);
  const [job, ei] = activeJob(step, command.jobKey, command.workerId);
  const retries = Math.max(0, command.retries ?? job.retries - 1);
  job.retries = retries;
  job.errorMessage = command.errorMessage ?? null;
  job.worker = null;
  job.lockExpiresAt = null;
  job.retryAt = retries > 0 && backoff > 0 ? step.now + backoff : null;
  job.state = job.retryAt !== null ? 'backoff' : 'activatable';
  step.emit({
    type: 'jobFailed', jobKey: job.key, elementId: job.elementId, elementInstanceId: ei.id, retries, errorMessage: job.errorMessage,
    ...(job.retryAt !== null ? { retryAt: job.retryAt } : {}),
  });
  if (retries === 0) {
    job.state = 'failed';
    step.raiseIncident(ei, 'jobNoRetries', `job ${job.type} of ${job.elementId} failed with no retries left: ${job.errorMessage ?? 'no message'}`, 'job', job.key);
  } else if (job.retryAt === null) handOut(step, job);
  // With a backoff, `jobBackoffEnded` hands it out when the host's scheduler says it is over.
};

const throwError: CommandHandler = (step, input) => {
  const command = input as Extract<JobCommand, { type: 'throwError' }>;
  const [job, ei] = activeJob(step, command.jobKey, command.workerId);
  delete step.state.jobs[job.key];
  delete ei.jobKey;
  if (throwBpmnError(step, ei, command.errorCode, command.errorMessage ?? null, command.variables)) return;
  // Resolving re-creates the job so a worker can try again.
  step.state.jobs[job.key] = { ...job, state: 'failed', retries: 0, errorMessage: command.errorMessage ?? null, worker: null, lockExpiresAt: null, retryAt: null };
  ei.jobKey = job.key;
  step.raiseIncident(ei, 'unhandledError', `error '${command.errorCode}' thrown by ${ei.elementId} is not caught by any boundary event${command.errorMessage ? `: ${command.errorMessage}` : ''}`, 'job', job.key);
};

const lockJob: CommandHandler = (step, input) => {
  const command = input as Extract<JobCommand, { type: 'lockJob' }>;
  const job = liveJob(step, command.jobKey);
  const from = jobAvailableFrom(job);
  if (from === null) throw new CommandRejectedError('notActive', `job ${job.key} has an open incident`);
  if (from > step.now) throw new CommandRejectedError('conflict', `job ${job.key} is not available: ${describe(job, step.now)}`);
  checkLockEnd(step, command.lockExpiresAt);
  // A lock that ran out before the scheduler noticed (a real clock lags) ends here, in the history too.
  if (job.state === 'activated') step.emit({ type: 'jobTimedOut', jobKey: job.key, elementId: job.elementId, elementInstanceId: job.elementInstanceId, worker: job.worker ?? '' });
  job.state = 'activated';
  job.worker = command.workerId;
  job.lockExpiresAt = command.lockExpiresAt;
  job.retryAt = null;
  step.emit({ type: 'jobLocked', jobKey: job.key, elementId: job.elementId, elementInstanceId: job.elementInstanceId, worker: command.workerId, lockExpiresAt: command.lockExpiresAt });
};

const extendJobLock: CommandHandler = (step, input) => {
  const command = input as Extract<JobCommand, { type: 'extendJobLock' }>;
  const [job] = activeJob(step, command.jobKey, command.workerId);
  checkLockEnd(step, command.lockExpiresAt);
  job.lockExpiresAt = command.lockExpiresAt;
  step.emit({ type: 'jobLockExtended', jobKey: job.key, elementId: job.elementId, elementInstanceId: job.elementInstanceId, worker: command.workerId, lockExpiresAt: command.lockExpiresAt });
};

const jobLockExpired: CommandHandler = (step, input) => {
  const job = liveJob(step, (input as Extract<JobCommand, { type: 'jobLockExpired' }>).jobKey);
  if (job.state !== 'activated' || (job.lockExpiresAt ?? 0) > step.now) throw new CommandRejectedError('invalid', `the lock of job ${job.key} has not run out: ${describe(job, step.now)}`);
  const worker = job.worker ?? '';
  job.state = 'activatable';
  job.worker = null;
  job.lockExpiresAt = null;
  step.emit({ type: 'jobTimedOut', jobKey: job.key, elementId: job.elementId, elementInstanceId: job.elementInstanceId, worker });
  handOut(step, job);
};

const jobBackoffEnded: CommandHandler = (step, input) => {
  const job = liveJob(step, (input as Extract<JobCommand, { type: 'jobBackoffEnded' }>).jobKey);
  if (job.state !== 'backoff' || (job.retryAt ?? 0) > step.now) throw new CommandRejectedError('invalid', `job ${job.key} does not wait for a retry: ${describe(job, step.now)}`);
  job.state = 'activatable';
  job.retryAt = null;
  step.emit({ type: 'jobRetryDue', jobKey: job.key, elementId: job.elementId, elementInstanceId: job.elementInstanceId });
  handOut(step, job);
};

export const JOB_COMMANDS: Record<JobCommand['type'], CommandHandler> = { completeJob, failJob, throwError, lockJob, extendJobLock, jobLockExpired, jobBackoffEnded };

// helpers

function liveJob(step: Step, jobKey: string): Job {
  const job = step.state.jobs[jobKey];
  if (!job) throw new CommandRejectedError('notFound', `no open job ${jobKey}`);
  if (!step.state.elements[job.elementInstanceId]) throw new CommandRejectedError('notFound', `job ${jobKey} belongs to no live element`);
  return job;
}

/** The job is available to workers (again): the `jobCreated` effect tells inline workers and observers. */
function handOut(step: Step, job: Job): void {
  step.effect({ type: 'jobCreated', job: { ...job, customHeaders: { ...job.customHeaders } } });
}

function checkLockEnd(step: Step, lockExpiresAt: number): void {
  if (!Number.isFinite(lockExpiresAt) || lockExpiresAt <= step.now) {
    throw new CommandRejectedError('invalid', `a lock must end after the step's time ${new Date(step.now).toISOString()}, not at ${lockExpiresAt}`);
  }
}

/**
 * Why `workerId` may not act on `job` at `now` (null: it may). A worker needs a live lock of its
 * own; without a worker id, nobody may hold a live lock (an operator does not take a job from a
 * worker that is still on it).
 */
function lockConflict(job: Job, workerId: string | undefined, now: number): string | null {
  const live = job.state === 'activated' && job.lockExpiresAt !== null && job.lockExpiresAt > now;
  if (workerId === undefined) return live ? `job ${job.key} is locked by worker ${job.worker} until ${iso(job.lockExpiresAt)}` : null;
  if (live && job.worker === workerId) return null;
  return `job ${job.key} is not locked by worker ${workerId}: ${describe(job, now)}`;
}

/** Where the job stands, for rejection messages. */
function describe(job: Job, now: number): string {
  switch (job.state) {
    case 'activated':
      return (job.lockExpiresAt ?? 0) > now ? `it is locked by worker ${job.worker} until ${iso(job.lockExpiresAt)}` : `the lock of worker ${job.worker} expired at ${iso(job.lockExpiresAt)}`;
    case 'backoff':
      return `it failed and waits for a retry at ${iso(job.retryAt)}`;
    case 'failed':
      return 'it has an open incident';
    default:
      return 'nobody holds it (a lock on it expired or was never taken)';
  }
}

function iso(ms: number | null): string {
  return ms === null ? 'never' : new Date(ms).toISOString();
}

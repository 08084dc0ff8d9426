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

/** Commands of job workers. */
export type JobCommand =
  | { type: 'completeJob'; jobKey: string; variables?: Variables }
  | { type: 'failJob'; jobKey: string; retries?: number; errorMessage?: string }
  | { type: 'throwError'; jobKey: string; errorCode: string; errorMessage?: string; variables?: Variables };

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
  node.job = { type, retries, headers };
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
  const key = step.nextId('job');
  const job: Job = {
    key, type, retries, elementId: node.id, elementInstanceId: ei.id, processInstanceId: step.state.instanceId,
    customHeaders: { ...def.headers }, state: 'activatable', errorMessage: null, createdAt: step.now,
    worker: null, lockExpiresAt: null, retryAt: null, priority: 0,
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

function activeJob(step: Step, jobKey: string): [Job, ElementInstance] {
  const job = step.state.jobs[jobKey];
  if (!job) throw new CommandRejectedError('notFound', `no open job ${jobKey}`);
  if (job.state !== 'activatable') throw new CommandRejectedError('notActive', `job ${jobKey} has an open incident`);
  const ei = step.state.elements[job.elementInstanceId];
  if (!ei) throw new CommandRejectedError('notFound', `job ${jobKey} belongs to no live element`);
  return [job, ei];
}

const completeJob: CommandHandler = (step, input) => {
  const command = input as Extract<JobCommand, { type: 'completeJob' }>;
  const [job, ei] = activeJob(step, command.jobKey);
  delete step.state.jobs[job.key];
  delete ei.jobKey;
  step.emit({ type: 'jobCompleted', jobKey: job.key, elementId: job.elementId, elementInstanceId: ei.id });
  applyResult(step, ei, step.node(ei.elementId), command.variables);
  step.complete(ei);
};

const failJob: CommandHandler = (step, input) => {
  const command = input as Extract<JobCommand, { type: 'failJob' }>;
  const [job, ei] = activeJob(step, command.jobKey);
  const retries = Math.max(0, command.retries ?? job.retries - 1);
  job.retries = retries;
  job.errorMessage = command.errorMessage ?? null;
  step.emit({ type: 'jobFailed', jobKey: job.key, elementId: job.elementId, elementInstanceId: ei.id, retries, errorMessage: job.errorMessage });
  if (retries > 0) step.effect({ type: 'jobCreated', job: { ...job, customHeaders: { ...job.customHeaders } } });
  else {
    job.state = 'failed';
    step.raiseIncident(ei, 'jobNoRetries', `job ${job.type} of ${job.elementId} failed with no retries left: ${job.errorMessage ?? 'no message'}`, 'job', job.key);
  }
};

const throwError: CommandHandler = (step, input) => {
  const command = input as Extract<JobCommand, { type: 'throwError' }>;
  const [job, ei] = activeJob(step, command.jobKey);
  delete step.state.jobs[job.key];
  delete ei.jobKey;
  if (throwBpmnError(step, ei, command.errorCode, command.errorMessage ?? null, command.variables)) return;
  // Resolving re-creates the job so a worker can try again.
  step.state.jobs[job.key] = { ...job, state: 'failed', retries: 0, errorMessage: command.errorMessage ?? null };
  ei.jobKey = job.key;
  step.raiseIncident(ei, 'unhandledError', `error '${command.errorCode}' thrown by ${ei.elementId} is not caught by any boundary event${command.errorMessage ? `: ${command.errorMessage}` : ''}`, 'job', job.key);
};

export const JOB_COMMANDS: Record<JobCommand['type'], CommandHandler> = { completeJob, failJob, throwError };

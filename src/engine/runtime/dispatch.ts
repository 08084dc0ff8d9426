import { escalateToParent, throwBpmnError } from './bpmn-errors';
import { cloneJson } from './clone';
import type { Command } from './commands';
import { CommandRejectedError } from './commands';
import { applyResult } from './results';
import type { Step } from './step';
import type { ElementInstance, Job } from './state';
import { setAll } from './variables';

/** Applies a command to the step's working state; the step then runs to the next wait state. */
export function applyCommand(step: Step, input: Command): void {
  const s = step.state;
  // The state must not share objects with the caller's command, which it may reuse or mutate.
  const command = 'variables' in input && input.variables ? { ...input, variables: cloneJson(input.variables) } : input;
  switch (command.type) {
    case 'completeJob': {
      const [job, ei] = activeJob(step, command.jobKey);
      delete s.jobs[job.key];
      delete ei.jobKey;
      step.emit({ type: 'jobCompleted', jobKey: job.key, elementId: job.elementId });
      applyResult(step, ei, step.node(ei.elementId), command.variables);
      step.complete(ei);
      return;
    }
    case 'failJob': {
      const [job, ei] = activeJob(step, command.jobKey);
      const retries = Math.max(0, command.retries ?? job.retries - 1);
      job.retries = retries;
      job.errorMessage = command.errorMessage ?? null;
      step.emit({ type: 'jobFailed', jobKey: job.key, elementId: job.elementId, retries, errorMessage: job.errorMessage });
      if (retries > 0) step.effect({ type: 'jobCreated', job: { ...job, customHeaders: { ...job.customHeaders } } });
      else {
        job.state = 'failed';
        step.raiseIncident(ei, 'jobNoRetries', `job ${job.type} of ${job.elementId} failed with no retries left: ${job.errorMessage ?? 'no message'}`, 'job', job.key);
      }
      return;
    }
    case 'throwError': {
      const [job, ei] = activeJob(step, command.jobKey);
      delete s.jobs[job.key];
      delete ei.jobKey;
      if (!throwBpmnError(step, ei, command.errorCode, command.variables) && !escalateToParent(step, ei, command.errorCode, command.errorMessage ?? null, command.variables)) {
        step.emit({ type: 'errorThrown', elementId: ei.elementId, errorCode: command.errorCode, caughtBy: null });
        // Resolving re-creates the job so a worker can try again.
        s.jobs[job.key] = { ...job, state: 'failed', retries: 0, errorMessage: command.errorMessage ?? null };
        ei.jobKey = job.key;
        step.raiseIncident(ei, 'unhandledError', `error '${command.errorCode}' thrown by ${ei.elementId} is not caught by any boundary event${command.errorMessage ? `: ${command.errorMessage}` : ''}`, 'job', job.key);
      }
      return;
    }
    case 'completeUserTask': {
      const task = s.tasks[command.taskId];
      if (!task) throw new CommandRejectedError('notFound', `no open user task ${command.taskId}`);
      const ei = s.elements[task.elementInstanceId];
      delete s.tasks[task.id];
      delete ei.taskId;
      step.emit({ type: 'taskCompleted', taskId: task.id, elementId: task.elementId });
      applyResult(step, ei, step.node(ei.elementId), command.variables);
      step.complete(ei);
      return;
    }
    case 'assignUserTask': {
      const task = s.tasks[command.taskId];
      if (!task) throw new CommandRejectedError('notFound', `no open user task ${command.taskId}`);
      task.assignee = command.assignee;
      step.emit({ type: 'taskAssigned', taskId: task.id, assignee: command.assignee });
      return;
    }
    case 'cancel': {
      step.terminateScope(null);
      s.status = 'canceled';
      s.endedAt = step.now;
      step.emit({ type: 'instanceCanceled' });
      step.effect({ type: 'instanceCanceled', instanceId: s.instanceId });
      return;
    }
    case 'suspend':
      if (!s.suspended) {
        s.suspended = true;
        step.emit({ type: 'instanceSuspended' });
      }
      return;
    case 'resume':
      if (s.suspended) {
        s.suspended = false;
        step.emit({ type: 'instanceResumed' });
      }
      return;
    case 'setVariables': {
      const scopeId = command.scopeId ?? null;
      if (scopeId !== null && !s.elements[scopeId]) throw new CommandRejectedError('notFound', `no element instance ${scopeId}`);
      setAll(step, scopeId, command.variables, command.local === true || scopeId === null);
      return;
    }
    case 'resolveIncident': {
      const incident = s.incidents[command.incidentId];
      if (!incident) throw new CommandRejectedError('notFound', `no open incident ${command.incidentId}`);
      const ei = s.elements[incident.elementInstanceId];
      delete s.incidents[incident.id];
      step.emit({ type: 'incidentResolved', incidentId: incident.id, elementId: incident.elementId });
      step.effect({ type: 'incidentResolved', incidentId: incident.id });
      if (!ei) return;
      if (incident.retry === 'job' && incident.jobKey && s.jobs[incident.jobKey]) {
        const job = s.jobs[incident.jobKey];
        job.retries = Math.max(1, command.retries ?? 1);
        job.state = 'activatable';
        ei.status = 'waiting';
        step.effect({ type: 'jobCreated', job: { ...job, customHeaders: { ...job.customHeaders } } });
      } else step.retry(ei, incident.retry === 'complete' ? 'complete' : 'activate');
      return;
    }
    case 'childCompleted': {
      const ei = waitingCall(step, command.elementInstanceId);
      const node = step.node(ei.elementId);
      delete ei.childInstanceId;
      if (node.call?.propagateAllChildVariables !== false || node.outputs.length > 0) {
        // Without propagateAllChildVariables the child's variables are still there for output mappings.
        const local = node.call?.propagateAllChildVariables === false || node.outputs.length > 0;
        setAll(step, ei.id, command.variables, local);
      }
      step.complete(ei);
      return;
    }
    case 'childError': {
      const ei = waitingCall(step, command.elementInstanceId);
      delete ei.childInstanceId;
      if (!throwBpmnError(step, ei, command.errorCode, command.variables) && !escalateToParent(step, ei, command.errorCode, command.errorMessage ?? null, command.variables)) {
        step.emit({ type: 'errorThrown', elementId: ei.elementId, errorCode: command.errorCode, caughtBy: null });
        step.raiseIncident(ei, 'unhandledError', `error '${command.errorCode}' from the instance called by ${ei.elementId} is not caught by any boundary event`, 'activate');
      }
      return;
    }
    case 'childCanceled': {
      const ei = waitingCall(step, command.elementInstanceId);
      delete ei.childInstanceId;
      const message = command.reason
        ? `${ei.elementId} could not call its instance: ${command.reason}`
        : `the instance called by ${ei.elementId} was canceled`;
      step.raiseIncident(ei, 'calledElement', message, 'activate');
      return;
    }
    default: {
      const never: never = command;
      throw new CommandRejectedError('invalid', `unknown command ${JSON.stringify(never)}`);
    }
  }
}

function activeJob(step: Step, jobKey: string): [Job, ElementInstance] {
  const job = step.state.jobs[jobKey];
  if (!job) throw new CommandRejectedError('notFound', `no open job ${jobKey}`);
  if (job.state !== 'activatable') throw new CommandRejectedError('notActive', `job ${jobKey} has an open incident`);
  const ei = step.state.elements[job.elementInstanceId];
  if (!ei) throw new CommandRejectedError('notFound', `job ${jobKey} belongs to no live element`);
  return [job, ei];
}

function waitingCall(step: Step, elementInstanceId: string): ElementInstance {
  const ei = step.state.elements[elementInstanceId];
  if (!ei || step.node(ei.elementId).kind !== 'callActivity' || ei.status !== 'waiting') {
    throw new CommandRejectedError('notFound', `no call activity waiting at ${elementInstanceId}`);
  }
  return ei;
}

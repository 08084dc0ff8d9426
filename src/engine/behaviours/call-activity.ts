import { ext, str } from '../model/extensions';
import { CommandRejectedError } from '../runtime/commands';
import type { CommandHandler, ElementType } from '../runtime/element-type';
import { resolveValue } from '../runtime/evaluate';
import { ElementFailure } from '../runtime/failure';
import type { ElementInstance, Variables } from '../runtime/state';
import type { Step } from '../runtime/step';
import { setAll, visibleVariables } from '../runtime/variables';
import { throwBpmnError } from './error-event';
import { throwEscalation } from './escalation-event';
import { calledRootElement, compileGlobalTask } from './global-task';

/** Default bound on nested call activities. */
export const DEFAULT_MAX_CALL_DEPTH = 100;

/** What the host tells a parent about the instance its call activity started. */
export type CallCommand =
  /** The child instance completed with these variables. */
  | { type: 'childCompleted'; elementInstanceId: string; variables: Variables }
  /** An error nobody in the child caught: thrown from the call activity (the child keeps its incident until someone catches it). */
  | { type: 'childError'; elementInstanceId: string; errorCode: string; errorMessage?: string | null; variables?: Variables }
  /** An escalation nobody in the child caught: thrown from the call activity (the child goes on unless an interrupting catcher here ends it). */
  | { type: 'childEscalation'; elementInstanceId: string; escalationCode: string }
  /**
   * The child instance was canceled, or could not start: the call activity gets an incident.
   * `reason` says why when the host knows (e.g. `process shipping is not deployed`).
   */
  | { type: 'childCanceled'; elementInstanceId: string; reason?: string };

/**
 * Call activity: calling a global task runs that task in place (global-task.ts). Calling a process,
 * it asks the host to start the called process (`startChildInstance`) and waits for
 * `childCompleted`. The child receives all visible variables (propagateAllParentVariables, the
 * default) or only the input mappings; on completion the child's variables come back as the
 * element's result (all of them with propagateAllChildVariables, the default, else none) before
 * the output mappings run.
 */
export const callActivity: ElementType = {
  kind: 'callActivity',
  compile(el, node, cx) {
    const called = ext(el, 'zeebe:CalledElement');
    const name = str(called, 'processId') ?? str(el, 'calledElement');
    // A global task of these definitions runs in place (global-task.ts), not as a child instance.
    const global = name && !name.trimStart().startsWith('=') ? calledRootElement(name, cx) : undefined;
    if (global) {
      compileGlobalTask(global, el, node, cx);
      return;
    }
    const processId = cx.exprs.value(node.id, 'processId', name);
    if (!processId) {
      cx.report(node.id, 'call activity has no zeebe:calledElement processId');
      return;
    }
    node.call = {
      processId,
      propagateAllChildVariables: called?.propagateAllChildVariables !== false,
      propagateAllParentVariables: called?.propagateAllParentVariables !== false,
    };
  },
  activate(step, ei, node) {
    const def = node.call;
    if (!def) throw new ElementFailure('calledElement', `${node.id} has no called element`);
    const processId = resolveValue(step, def.processId, ei.id, `processId of ${node.id}`);
    if (typeof processId !== 'string' || processId === '') throw new ElementFailure('calledElement', `processId of ${node.id} evaluated to ${JSON.stringify(processId)}`);
    const maxDepth = step.ctx.limits?.maxCallDepth ?? DEFAULT_MAX_CALL_DEPTH;
    if (step.state.callDepth >= maxDepth) {
      throw new ElementFailure('calledElement', `${node.id} would call ${processId} ${maxDepth + 1} levels deep (the limit is ${maxDepth}): does the process call itself?`);
    }
    const variables = def.propagateAllParentVariables ? { ...visibleVariables(step, ei.id) } : { ...(ei.variables ?? {}) };
    const childInstanceId = step.nextId('call');
    ei.childInstanceId = childInstanceId;
    ei.status = 'waiting';
    step.effect({
      type: 'startChildInstance',
      childInstanceId,
      parentInstanceId: step.state.instanceId,
      parentElementInstanceId: ei.id,
      processId,
      variables,
      businessKey: step.state.businessKey,
      callDepth: step.state.callDepth + 1,
    });
  },
  terminate(step, ei) {
    step.effect({ type: 'cancelChildInstance', childInstanceId: ei.childInstanceId ?? null, parentElementInstanceId: ei.id });
  },
};

function waitingCall(step: Step, elementInstanceId: string): ElementInstance {
  const ei = step.state.elements[elementInstanceId];
  if (!ei || step.node(ei.elementId).kind !== 'callActivity' || ei.status !== 'waiting') {
    throw new CommandRejectedError('notFound', `no call activity waiting at ${elementInstanceId}`);
  }
  return ei;
}

const childCompleted: CommandHandler = (step, input) => {
  const command = input as Extract<CallCommand, { type: 'childCompleted' }>;
  const ei = waitingCall(step, command.elementInstanceId);
  const node = step.node(ei.elementId);
  delete ei.childInstanceId;
  if (node.call?.propagateAllChildVariables !== false || node.outputs.length > 0) {
    // Without propagateAllChildVariables the child's variables are still there for output mappings.
    const local = node.call?.propagateAllChildVariables === false || node.outputs.length > 0;
    setAll(step, ei.id, command.variables, local);
  }
  step.complete(ei);
};

const childError: CommandHandler = (step, input) => {
  const command = input as Extract<CallCommand, { type: 'childError' }>;
  const ei = waitingCall(step, command.elementInstanceId);
  // Caught here: the call activity is terminated, and with it the child. Not caught: the error
  // went on to this instance's parent (if any); the call activity keeps waiting for its child,
  // whose incident marks where the error was thrown.
  throwBpmnError(step, ei, command.errorCode, command.errorMessage ?? null, command.variables);
};

const childEscalation: CommandHandler = (step, input) => {
  const command = input as Extract<CallCommand, { type: 'childEscalation' }>;
  const ei = waitingCall(step, command.elementInstanceId);
  throwEscalation(step, ei, command.escalationCode, ei);
};

const childCanceled: CommandHandler = (step, input) => {
  const command = input as Extract<CallCommand, { type: 'childCanceled' }>;
  const ei = waitingCall(step, command.elementInstanceId);
  delete ei.childInstanceId;
  const message = command.reason
    ? `${ei.elementId} could not call its instance: ${command.reason}`
    : `the instance called by ${ei.elementId} was canceled`;
  step.raiseIncident(ei, 'calledElement', message, 'activate');
};

export const CALL_COMMANDS: Record<CallCommand['type'], CommandHandler> = { childCompleted, childError, childEscalation, childCanceled };

import { str } from '../model/extensions';
import type { EventBehaviour } from '../runtime/element-type';
import { ElementFailure } from '../runtime/failure';
import type { ElementInstance, Variables } from '../runtime/state';
import type { Step } from '../runtime/step';
import { findCatch } from './propagation';

/*
 * Error events: error end events throw, error boundary events catch. A thrown error goes outwards
 * from the thrower through its enclosing activities; the nearest catcher wins, an exact code beats a
 * catch-all (no code). In an instance started by a call activity an error nobody inside catches
 * goes on to the parent (`errorToParent`) while the thrower holds an `unhandledError` incident: if
 * an ancestor catches it, the call activity is terminated and with it the child; if none does, the
 * incident stays where the error was thrown, as in Zeebe.
 */

export const errorEvent: EventBehaviour = {
  kind: 'error',
  compile(def, el, node, cx) {
    const inEventSubprocess = node.kind === 'startEvent' && (el.$parent as { triggeredByEvent?: boolean } | undefined)?.triggeredByEvent === true;
    if (node.kind !== 'endEvent' && node.kind !== 'boundaryEvent' && !inEventSubprocess) {
      cx.report(node.id, `an error event definition is not allowed on ${node.kind}${node.kind === 'startEvent' ? ' outside an event subprocess' : ''}`);
      return null;
    }
    if (inEventSubprocess && el.isInterrupting === false) cx.report(node.id, 'an error start event of an event subprocess is always interrupting');
    if (node.kind === 'boundaryEvent' && el.cancelActivity === false) cx.report(node.id, 'an error boundary event is always interrupting');
    const errorRef = def.errorRef as Record<string, unknown> | undefined;
    const code = str(errorRef as never, 'errorCode') ?? null;
    if (node.kind === 'endEvent' && !code) cx.report(node.id, 'an error end event needs an error with an errorCode');
    return { kind: 'error', id: (def.id as string | undefined) ?? null, behaviour: errorEvent, code };
  },
  throw(step, ei, node, def) {
    const code = def.code as string;
    const scope = ei.parentId !== null ? step.state.elements[ei.parentId] : null;
    if (throwBpmnError(step, scope ?? ei, code, null, undefined, ei)) return 'handled';
    throw new ElementFailure('unhandledError', `error '${code}' thrown by ${node.id} is not caught by any boundary event or event subprocess`);
  },
};

/**
 * Throws error `code` from element instance `from` (the thrower, or the scope it sits in).
 * Returns true when something took it: a boundary event or an error event subprocess in this
 * instance (the activity or the scope's other work is terminated and the catcher taken). Returns
 * false when nothing here catches it: in a called instance the error then goes on to the parent
 * (`errorToParent`) and the caller raises its incident and waits; at the top the caller raises an
 * `unhandledError` incident.
 */
export function throwBpmnError(step: Step, from: ElementInstance, code: string, message: string | null, variables?: Variables, thrower?: ElementInstance): boolean {
  const source = thrower ?? from;
  const found = findCatch(step, from, 'error', code);
  if (found) {
    step.emit({ type: 'errorThrown', elementId: source.elementId, elementInstanceId: source.id, errorCode: code, caughtBy: found.catcher.id });
    (found.catcher.behaviour.triggered as NonNullable<typeof found.catcher.behaviour.triggered>)(step, found.catcher, found.owner, variables);
    return true;
  }
  step.emit({ type: 'errorThrown', elementId: source.elementId, elementInstanceId: source.id, errorCode: code, caughtBy: null });
  const parent = step.state.parent;
  if (parent) {
    step.effect({
      type: 'errorToParent',
      parentInstanceId: parent.instanceId,
      parentElementInstanceId: parent.elementInstanceId,
      errorCode: code,
      errorMessage: message,
      variables: { ...(variables ?? {}) },
    });
  }
  return false;
}

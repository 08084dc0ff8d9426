import type { EventDef, NodeDef } from '../model/types';
import { str } from '../model/extensions';
import type { EventBehaviour } from '../runtime/element-type';
import { ElementFailure } from '../runtime/failure';
import type { ElementInstance, Variables } from '../runtime/state';
import type { Step } from '../runtime/step';
import { setAll } from '../runtime/variables';

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
  compile(def, _el, node, cx) {
    if (node.kind !== 'endEvent' && node.kind !== 'boundaryEvent') {
      cx.report(node.id, `an error event definition is not allowed on ${node.kind}`);
      return null;
    }
    const errorRef = def.errorRef as Record<string, unknown> | undefined;
    const code = str(errorRef as never, 'errorCode') ?? null;
    if (node.kind === 'endEvent' && !code) cx.report(node.id, 'an error end event needs an error with an errorCode');
    return { kind: 'error', id: (def.id as string | undefined) ?? null, behaviour: errorEvent, code };
  },
  throw(step, ei, node, def) {
    const code = def.code as string;
    const scope = ei.parentId !== null ? step.state.elements[ei.parentId] : null;
    if (throwBpmnError(step, scope ?? ei, code, null, undefined, ei)) return 'handled';
    throw new ElementFailure('unhandledError', `error '${code}' thrown by ${node.id} is not caught by any boundary event`);
  },
};

/**
 * Throws error `code` from element instance `from` (the thrower, or the scope it sits in).
 * Returns true when something took it: a boundary event in this instance (the activity it sits on
 * is terminated and the boundary taken), or, in a called instance, the parent (told through
 * `errorToParent`; the caller then raises its incident and waits). Returns false at the top: the
 * caller raises an `unhandledError` incident.
 */
export function throwBpmnError(step: Step, from: ElementInstance, code: string, message: string | null, variables?: Variables, thrower?: ElementInstance): boolean {
  const source = thrower ?? from;
  let ei: ElementInstance | undefined = from;
  while (ei) {
    // A boundary on a multi-instance activity belongs to its body, not to each inner instance.
    const node: NodeDef = step.node(ei.elementId);
    const boundary = ei.loopIndex === undefined ? findCatch(node, code) : null;
    if (boundary) {
      step.emit({ type: 'errorThrown', elementId: source.elementId, elementInstanceId: source.id, errorCode: code, caughtBy: boundary.id });
      const scopeId = ei.parentId;
      step.terminate(ei);
      const caught = step.enter(boundary, scopeId);
      setAll(step, caught.id, variables, false);
      return true;
    }
    ei = ei.parentId !== null ? step.state.elements[ei.parentId] : undefined;
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

function findCatch(node: NodeDef, code: string): NodeDef | null {
  let catchAll: NodeDef | null = null;
  for (const b of node.boundaries) {
    const def = errorDef(b);
    if (!def) continue;
    if (def.code === code) return b;
    if (def.code === null) catchAll ??= b;
  }
  return catchAll;
}

function errorDef(node: NodeDef): EventDef | undefined {
  for (const d of node.events) if (d.kind === 'error') return d;
  return undefined;
}

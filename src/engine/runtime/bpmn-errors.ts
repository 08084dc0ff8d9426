import type { NodeDef } from '../model/types';
import type { Step } from './step';
import type { ElementInstance, Variables } from './state';
import { setAll } from './variables';

/**
 * Propagates a BPMN error from `from` outwards: the nearest enclosing activity with an error
 * boundary event for `errorCode` (an exact code beats a catch-all) is terminated and the boundary
 * event taken. Returns false when nothing catches it (the caller raises an incident).
 * `thrower` (an error end event) is named in history; it is terminated with its scope.
 */
export function throwBpmnError(step: Step, from: ElementInstance, errorCode: string, variables?: Variables, thrower?: ElementInstance): boolean {
  let ei: ElementInstance | undefined = from;
  while (ei) {
    // A boundary on a multi-instance activity belongs to its body, not to each inner instance.
    const node: NodeDef = step.node(ei.elementId);
    const boundary = ei.loopIndex === undefined ? findCatch(node, errorCode) : null;
    if (boundary) {
      step.emit({ type: 'errorThrown', elementId: (thrower ?? from).elementId, errorCode, caughtBy: boundary.id });
      const scopeId = ei.parentId;
      step.terminate(ei);
      const caught = step.enter(boundary, scopeId);
      setAll(step, caught.id, variables, false);
      return true;
    }
    ei = ei.parentId !== null ? step.state.elements[ei.parentId] : undefined;
  }
  return false;
}

function findCatch(node: NodeDef, errorCode: string): NodeDef | null {
  let catchAll: NodeDef | null = null;
  for (const b of node.boundaries) {
    if (!b.error) continue;
    if (b.error.errorCode === errorCode) return b;
    if (b.error.errorCode === null) catchAll ??= b;
  }
  return catchAll;
}

/**
 * An error nothing in this instance catches: if a call activity started the instance, the error
 * goes on to it (Zeebe semantics): this instance is terminated and the host is asked, through
 * `errorToParent`, to send `childError` to the parent. Returns false at the top (incident).
 */
export function escalateToParent(step: Step, thrower: ElementInstance, errorCode: string, errorMessage: string | null, variables?: Variables): boolean {
  const s = step.state;
  if (!s.parent) return false;
  step.emit({ type: 'errorThrown', elementId: thrower.elementId, errorCode, caughtBy: null });
  step.terminateScope(null);
  s.status = 'canceled';
  s.endedAt = step.now;
  step.emit({ type: 'instanceCanceled' });
  step.effect({
    type: 'errorToParent',
    parentInstanceId: s.parent.instanceId,
    parentElementInstanceId: s.parent.elementInstanceId,
    errorCode,
    errorMessage,
    variables: { ...(variables ?? {}) },
  });
  return true;
}

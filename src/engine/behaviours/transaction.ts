import type { ElementType } from '../runtime/element-type';
import type { ElementInstance } from '../runtime/state';
import type { Step } from '../runtime/step';
import type { NodeDef } from '../model/types';
import { subProcess } from './sub-process';

/**
 * Transaction subprocess (BPMN; Zeebe has none): an embedded subprocess whose cancel end event
 * cancels it. Canceled, it terminates what still runs inside, compensates what completed inside
 * (latest first, see compensation.ts) and, once nothing is left inside, leaves through its cancel
 * boundary event instead of its outgoing flows. Completed normally, it is a subprocess like any
 * other (and can be compensated later as one).
 */
export const transaction: ElementType = {
  ...subProcess,
  kind: 'transaction',
  scopeEmpty(step, ei, node) {
    if (ei.canceling) leaveThroughCancel(step, ei, node);
    else step.complete(ei);
  },
};

/** Leaves the canceled transaction `ei` through its cancel boundary event (on the multi-instance body, if it is an iteration). */
function leaveThroughCancel(step: Step, ei: ElementInstance, node: NodeDef): void {
  const boundary = node.boundaries.find((b) => b.events.some((d) => d.kind === 'cancel'));
  if (!boundary?.behaviour.triggered) throw new Error(`transaction ${node.id} has no cancel boundary event`);
  const owner = ei.loopIndex !== undefined && ei.parentId !== null ? step.state.elements[ei.parentId] : ei;
  step.emit({ type: 'transactionCanceled', elementId: node.id, elementInstanceId: ei.id, boundaryId: boundary.id });
  boundary.behaviour.triggered(step, boundary, owner, undefined);
}

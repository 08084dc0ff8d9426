import type { EventBehaviour } from '../runtime/element-type';
import { pickCompensation, runCompensation } from './compensation';

/*
 * Cancel events (BPMN; Zeebe has none): a cancel end event inside a transaction subprocess cancels
 * it, and the transaction's cancel boundary event is where it is left (transaction.ts). The end
 * event terminates what still runs in the transaction, starts compensating what completed there
 * and completes; the transaction leaves once the last handler is done.
 */

export const cancelEvent: EventBehaviour = {
  kind: 'cancel',
  compile(def, el, node, cx) {
    if (node.kind !== 'endEvent' && node.kind !== 'boundaryEvent') {
      cx.report(node.id, `a cancel event definition is only allowed on end and boundary events, not on ${node.kind}`);
      return null;
    }
    if (node.kind === 'boundaryEvent' && el.cancelActivity === false) cx.report(node.id, 'a cancel boundary event is always interrupting');
    return { kind: 'cancel', id: (def.id as string | undefined) ?? null, behaviour: cancelEvent };
  },
  link(node, _def, nodes, cx) {
    if (node.kind === 'boundaryEvent') {
      const host = node.attachedTo ? nodes.get(node.attachedTo) : undefined;
      if (host && host.kind !== 'transaction') cx.report(node.id, `a cancel boundary event must be attached to a transaction subprocess, not to ${host.kind} ${host.id}`);
      const others = host?.boundaries.filter((b) => b !== node && b.events.some((d) => d.kind === 'cancel')) ?? [];
      if (others.length > 0) cx.report(node.id, `${host?.id} has another cancel boundary event (${others[0].id}): one per transaction`);
      return;
    }
    const container = node.containerId ? nodes.get(node.containerId) : undefined;
    if (container?.kind !== 'transaction') {
      cx.report(node.id, 'a cancel end event must be inside a transaction subprocess');
      return;
    }
    if (!container.boundaries.some((b) => b.events.some((d) => d.kind === 'cancel'))) {
      cx.report(node.id, `transaction ${container.id} has no cancel boundary event to leave through`);
    }
  },
  throw(step, ei, node) {
    const transaction = step.state.elements[ei.parentId as string];
    step.terminateScope(transaction.id, ei);
    transaction.canceling = true;
    const picked = pickCompensation(step, transaction.id, null);
    step.emit({ type: 'compensationThrown', elementId: node.id, elementInstanceId: ei.id, activityRef: null, completions: picked.length });
    // The handlers run inside the transaction; it leaves once it is empty (transaction.ts).
    runCompensation(step, transaction, picked, 'scope');
    return 'continue';
  },
};

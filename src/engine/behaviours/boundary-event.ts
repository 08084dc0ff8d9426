import { list } from '../model/extensions';
import type { ElementType } from '../runtime/element-type';
import { applyResult } from '../runtime/results';
import { reportDuplicateCatcher } from './propagation';

/**
 * Boundary event: attached to an activity (`attachedTo`); its event definition decides when it
 * triggers (an error caught, a timer due...). Once triggered it is entered in the activity's scope
 * and passes the token on.
 */
export const boundaryEvent: ElementType = {
  kind: 'boundaryEvent',
  compile(el, node, cx) {
    if (list(el, 'eventDefinitions').length === 0) cx.report(node.id, 'a boundary event needs an event definition');
    node.attachedTo = (el.attachedToRef as { id?: string } | undefined)?.id ?? null;
    node.cancelActivity = el.cancelActivity !== false;
  },
  link(node, nodes, cx) {
    const host = node.attachedTo ? nodes.get(node.attachedTo) : undefined;
    if (!host) cx.report(node.id, 'boundary event is not attached to a supported activity');
    else {
      reportDuplicateCatcher(host.boundaries, node, `on ${host.id}`, cx.report);
      host.boundaries.push(node);
    }
    if (node.incoming.length > 0) cx.report(node.id, 'a boundary event cannot have incoming flows');
  },
  activate(step, ei) {
    step.complete(ei);
  },
  triggered(step, catcher, owner, variables) {
    if (!owner) throw new Error(`boundary event ${catcher.id} was triggered without its activity`);
    const scopeId = owner.parentId;
    // Interrupting: the activity (and everything in it) is terminated first.
    if (catcher.cancelActivity) step.terminate(owner);
    const entered = step.enter(catcher, scopeId);
    applyResult(step, entered, catcher, variables);
  },
};

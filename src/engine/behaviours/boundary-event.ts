import { list } from '../model/extensions';
import type { ElementType } from '../runtime/element-type';

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
    else host.boundaries.push(node);
    if (node.incoming.length > 0) cx.report(node.id, 'a boundary event cannot have incoming flows');
  },
  activate(step, ei) {
    step.complete(ei);
  },
};

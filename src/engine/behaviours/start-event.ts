import type { ElementType } from '../runtime/element-type';

/** Start event: the token starts here and moves on. */
export const startEvent: ElementType = {
  kind: 'startEvent',
  link(node, _nodes, cx) {
    if (node.incoming.length > 0) cx.report(node.id, 'a start event cannot have incoming flows');
  },
  activate(step, ei) {
    step.complete(ei);
  },
};

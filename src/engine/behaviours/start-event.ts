import type { ElementType } from '../runtime/element-type';
import { closeWaits } from '../runtime/waits';

/**
 * Start event. A none start event is where an instance (or a subprocess) begins. A process-level
 * start event with a definition (message, timer, signal) is the host's: it starts new instances
 * there. The start event of an event subprocess waits while its scope is active; triggered, an
 * interrupting one terminates everything else in the scope (and withdraws the scope's other event
 * subprocess starts) before the event subprocess starts, a non-interrupting one runs beside it and
 * keeps waiting.
 */
export const startEvent: ElementType = {
  kind: 'startEvent',
  compile(el, node) {
    node.cancelActivity = el.isInterrupting !== false;
  },
  link(node, _nodes, cx) {
    if (node.incoming.length > 0) cx.report(node.id, 'a start event cannot have incoming flows');
  },
  activate(step, ei) {
    step.complete(ei);
  },
  triggered(step, catcher, owner, variables) {
    const eventSubprocess = step.node(catcher.containerId as string);
    const scopeId = owner?.id ?? null;
    if (catcher.cancelActivity) {
      step.terminateScope(scopeId);
      const scopeNode = owner ? step.node(owner.elementId) : null;
      const starts = new Set((scopeNode ? scopeNode.eventSubprocesses : step.process.eventSubprocesses).flatMap((e) => e.eventStarts));
      closeWaits(step, scopeId, (catcherId) => starts.has(catcherId));
    }
    const ei = step.enter(eventSubprocess, scopeId);
    ei.startAt = catcher.id;
    ei.pending = variables ?? {};
  },
};

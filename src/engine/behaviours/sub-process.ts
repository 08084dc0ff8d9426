import type { NodeDef } from '../model/types';
import type { ElementType } from '../runtime/element-type';
import { applyResult } from '../runtime/results';
import { reportDuplicateCatcher } from './propagation';

/**
 * Embedded subprocess: a scope. Its flow elements are compiled as its children; entering it
 * enters its none start event, and it completes when its last token is gone (the kernel settles
 * empty scopes). An event subprocess (`triggeredByEvent`) has no flows in or out: its start event
 * waits while the enclosing scope is active and, when triggered, starts it there (see
 * start-event.ts), entering at that start event with the event's variables.
 */
export const subProcess: ElementType = {
  kind: 'subProcess',
  container: true,
  compile(el, node) {
    node.triggeredByEvent = el.triggeredByEvent === true;
  },
  link(node, nodes, cx) {
    const starts = [...nodes.values()].filter((n) => n.containerId === node.id && n.kind === 'startEvent');
    if (node.triggeredByEvent) {
      linkEventSubprocess(node, starts, nodes, cx);
      return;
    }
    const none = starts.filter((n) => !n.declaresEvents);
    if (none.length !== 1 || starts.length !== none.length) {
      cx.report(node.id, `a subprocess needs exactly one start event, a none start event (found ${starts.length}${starts.length !== none.length ? ' with event definitions' : ''})`);
    }
    node.startNodeId = none[0]?.id ?? null;
  },
  activate(step, ei, node) {
    const start = step.node(ei.startAt ?? (node.startNodeId as string));
    const entered = step.enter(start, ei.id);
    if (ei.pending) {
      applyResult(step, entered, start, ei.pending);
      delete ei.pending;
    }
  },
};

function linkEventSubprocess(node: NodeDef, starts: NodeDef[], nodes: ReadonlyMap<string, NodeDef>, cx: Parameters<NonNullable<ElementType['link']>>[2]): void {
  if (starts.length !== 1 || !starts[0].declaresEvents) {
    cx.report(node.id, `an event subprocess needs exactly one start event with an event definition (found ${starts.length})`);
  }
  if (node.incoming.length > 0 || node.outgoing.length > 0) cx.report(node.id, 'an event subprocess cannot have incoming or outgoing sequence flows');
  if (node.loop) cx.report(node.id, 'an event subprocess cannot be a multi-instance or loop');
  node.eventStarts = starts.filter((s) => s.events.length > 0).map((s) => s.id);
  // Catchers of one scope: the start events of its earlier event subprocesses.
  const earlier: NodeDef[] = [];
  for (const other of nodes.values()) {
    if (other === node) break;
    if (other.triggeredByEvent && other.containerId === node.containerId) for (const id of other.eventStarts) earlier.push(nodes.get(id) as NodeDef);
  }
  for (const id of node.eventStarts) reportDuplicateCatcher(earlier, nodes.get(id) as NodeDef, `in the event subprocesses of ${node.containerId ?? 'the process'}`, cx.report);
  const scope = node.containerId ? nodes.get(node.containerId) : undefined;
  if (scope) scope.eventSubprocesses.push(node);
}

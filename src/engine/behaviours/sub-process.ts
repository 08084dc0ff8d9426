import type { ElementType } from '../runtime/element-type';

/**
 * Embedded subprocess: a scope. Its flow elements are compiled as its children; entering it
 * enters its none start event, and it completes when its last token is gone (the kernel settles
 * empty scopes).
 */
export const subProcess: ElementType = {
  kind: 'subProcess',
  container: true,
  compile(el, node, cx) {
    node.triggeredByEvent = el.triggeredByEvent === true;
    if (node.triggeredByEvent) cx.report(node.id, 'event subprocesses are not supported yet');
  },
  link(node, nodes, cx) {
    if (node.triggeredByEvent) return;
    const starts = [...nodes.values()].filter((n) => n.containerId === node.id && n.kind === 'startEvent' && n.events.length === 0);
    if (starts.length !== 1) cx.report(node.id, `a subprocess needs exactly one none start event (found ${starts.length})`);
    node.startNodeId = starts[0]?.id ?? null;
  },
  activate(step, ei, node) {
    step.enter(step.node(node.startNodeId as string), ei.id);
  },
};

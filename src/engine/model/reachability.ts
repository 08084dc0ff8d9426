import type { NodeDef } from './types';

/**
 * For a joining inclusive/complex gateway: per incoming flow, the nodes of the same container from
 * which that flow can be reached without passing through the gateway. A token sitting in an
 * activity can also leave through the activity's boundary events, so those count as edges.
 */
export function computeUpstream(gateway: NodeDef, nodes: ReadonlyMap<string, NodeDef>): Set<string>[] {
  return gateway.incoming.map((flow) => {
    const seen = new Set<string>();
    const stack = [flow.sourceId];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (id === gateway.id || seen.has(id)) continue;
      seen.add(id);
      const node = nodes.get(id);
      if (!node) continue;
      for (const f of node.incoming) stack.push(f.sourceId);
      if (node.kind === 'boundaryEvent' && node.attachedTo) stack.push(node.attachedTo);
    }
    return seen;
  });
}

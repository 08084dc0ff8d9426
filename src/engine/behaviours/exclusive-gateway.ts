import type { FlowDef } from '../model/types';
import type { ElementType } from '../runtime/element-type';
import { evalCondition } from '../runtime/evaluate';
import { ElementFailure } from '../runtime/failure';
import { visibleVariables } from '../runtime/variables';

/**
 * Exclusive gateway: takes the first outgoing flow (in model order) whose condition is true, else
 * the default flow, else a `condition` incident. As a merge it passes every token on.
 */
export const exclusiveGateway: ElementType = {
  kind: 'exclusiveGateway',
  link(node, _nodes, cx) {
    if (node.outgoing.length <= 1) return;
    for (const f of node.outgoing) {
      if (f.conditionSource === null && f !== node.defaultFlow) cx.report(f.id, `outgoing flow of ${node.kind} ${node.id} has no condition and is not the default flow`);
    }
  },
  activate(step, ei) {
    step.complete(ei);
  },
  leave(step, ei, node): FlowDef[] {
    const out = node.outgoing;
    if (out.length <= 1 && !out[0]?.condition) return out;
    const vars = visibleVariables(step, ei.parentId);
    for (const f of out) {
      if (f === node.defaultFlow) continue;
      if (!f.condition || evalCondition(step, f.condition, vars, `condition of ${f.id}`)) return [f];
    }
    if (node.defaultFlow) return [node.defaultFlow];
    throw new ElementFailure('condition', `no outgoing flow of ${node.id} can be taken: no condition is true and there is no default flow`);
  },
};

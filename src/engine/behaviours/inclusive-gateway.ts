import type { ElementType } from '../runtime/element-type';
import { arrive, fire, tokensMayArrive } from '../runtime/joins';
import { inclusiveLeave } from '../runtime/leave';
import { computeUpstream } from '../model/reachability';

/**
 * Inclusive gateway: splits into every flow whose condition is true (unconditioned flows count as
 * true), else the default flow, else an incident. Joins once the work queue has drained and no
 * token of its scope can still reach an empty incoming flow (docs/engine-semantics.md).
 */
export const inclusiveGateway: ElementType = {
  kind: 'inclusiveGateway',
  link(node, nodes) {
    if (node.joins) node.upstream = computeUpstream(node, nodes);
  },
  activate(step, ei) {
    step.complete(ei);
  },
  leave: inclusiveLeave,
  join: {
    arrive(step, gateway, flow, scopeId) {
      arrive(step, gateway, flow, scopeId);
    },
    settle(step, key, join, gateway) {
      if (!join.arrived.some((n) => n > 0) || tokensMayArrive(step, join, gateway)) return false;
      fire(step, key, join, gateway, 'one');
      return true;
    },
  },
};

import type { ElementType } from '../runtime/element-type';
import { arrive, fire } from '../runtime/joins';

/** Parallel gateway: splits into every outgoing flow; joins when every incoming flow holds a token, consuming one from each. */
export const parallelGateway: ElementType = {
  kind: 'parallelGateway',
  activate(step, ei) {
    step.complete(ei);
  },
  leave(_step, _ei, node) {
    return node.outgoing;
  },
  join: {
    arrive(step, gateway, flow, scopeId) {
      const { key, join } = arrive(step, gateway, flow, scopeId);
      if (join.arrived.every((n) => n > 0)) fire(step, key, join, gateway, 'one');
    },
    settle() {
      return false;
    },
  },
};

import type { Behaviour } from './behaviour';
import { inclusiveLeave } from './leave';
import type { FlowDef } from '../model/types';
import { evalCondition } from '../runtime/evaluate';
import { ElementFailure } from '../runtime/failure';
import { visibleVariables } from '../runtime/variables';

/*
 * Gateways pass straight through once a token (or, for joins, the set of tokens released by
 * runtime/joins.ts) activates them; their behaviour is which outgoing flows they take.
 */

/** Exclusive: the first flow (in model order) whose condition is true, else the default flow. */
export const exclusiveGateway: Behaviour = {
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

/** Parallel: every outgoing flow. */
export const parallelGateway: Behaviour = {
  activate(step, ei) {
    step.complete(ei);
  },
  leave(_step, _ei, node) {
    return node.outgoing;
  },
};

/** Inclusive: every flow whose condition is true, else the default flow. */
export const inclusiveGateway: Behaviour = {
  activate(step, ei) {
    step.complete(ei);
  },
  leave: inclusiveLeave,
};

/** Complex: fires per its activation condition (runtime/joins.ts), splits like an inclusive gateway. */
export const complexGateway: Behaviour = inclusiveGateway;

import { formal } from '../model/extensions';
import { computeUpstream } from '../model/reachability';
import type { NodeDef } from '../model/types';
import type { ElementType } from '../runtime/element-type';
import { evalCondition } from '../runtime/evaluate';
import { ElementFailure } from '../runtime/failure';
import { arrive, fire, tokensMayArrive } from '../runtime/joins';
import { inclusiveLeave } from '../runtime/leave';
import type { ElementInstance, JoinState } from '../runtime/state';
import type { Step } from '../runtime/step';
import { visibleVariables } from '../runtime/variables';

/**
 * Complex gateway (BPMN 2.0; Zeebe has none): fires when its activation condition holds, evaluated
 * at every arrival with `activationCount` (tokens arrived in this round), or, without a condition,
 * like an inclusive join. It then absorbs the late tokens of that round (`reset`) until none can
 * arrive any more. Splits like an inclusive gateway. A condition that fails to evaluate raises an
 * incident on a gateway instance created for it; resolving re-evaluates it.
 */
export const complexGateway: ElementType = {
  kind: 'complexGateway',
  compile(el, node, cx) {
    node.activationCondition = cx.exprs.expr(node.id, 'activationCondition', formal(el, 'activationCondition'));
  },
  link(node, nodes) {
    if (node.joins) node.upstream = computeUpstream(node, nodes);
  },
  activate(step, ei, node) {
    if (ei.joinKey === undefined) {
      step.complete(ei);
      return;
    }
    // A retry after the activation condition failed: evaluate it again for the waiting tokens.
    const key = ei.joinKey;
    const join = step.state.joins[key];
    delete ei.joinKey;
    if (join) delete join.blockedBy;
    if (join && activationHolds(step, join, node)) {
      consumeRound(join);
      step.complete(ei);
    } else step.terminate(ei);
  },
  leave: inclusiveLeave,
  join: {
    arrive(step, gateway, flow, scopeId) {
      const { key, join } = arrive(step, gateway, flow, scopeId);
      // A late token of a round that already fired is consumed here and goes no further.
      if (join.phase === 'reset' || !gateway.activationCondition || join.blockedBy) return;
      let holds: boolean;
      try {
        holds = activationHolds(step, join, gateway);
      } catch (err) {
        if (!(err instanceof ElementFailure)) throw err;
        const ei: ElementInstance = step.enter(gateway, scopeId);
        ei.joinKey = key;
        join.blockedBy = ei.id;
        step.raiseIncident(ei, err.type, err.message, 'activate');
        return;
      }
      if (holds) fire(step, key, join, gateway, 'all');
    },
    settle(step, key, join, gateway) {
      if (join.phase === 'reset') {
        if (!tokensMayArrive(step, join, gateway, true)) delete step.state.joins[key];
        return false;
      }
      if (gateway.activationCondition || !join.arrived.some((n) => n > 0) || tokensMayArrive(step, join, gateway)) return false;
      fire(step, key, join, gateway, 'all');
      return true;
    },
  },
};

function consumeRound(join: JoinState): void {
  join.arrived.fill(0);
  join.phase = 'reset';
}

function activationHolds(step: Step, join: JoinState, gateway: NodeDef): boolean {
  let flows = 0;
  let tokens = 0;
  for (const n of join.arrived) {
    if (n > 0) flows++;
    tokens += n;
  }
  const vars = { ...visibleVariables(step, join.scopeId), activationCount: tokens, _activationCount: flows, numberOfTokens: tokens };
  return evalCondition(step, gateway.activationCondition as NonNullable<NodeDef['activationCondition']>, vars, `activation condition of ${gateway.id}`);
}

import type { Behaviour } from './behaviour';
import { jobTask } from './service-task';
import { resolveValue } from '../runtime/evaluate';
import { ElementFailure } from '../runtime/failure';
import { applyResult } from '../runtime/results';
import { visibleVariables } from '../runtime/variables';

/** Business rule task: a `zeebe:calledDecision` through the DecisionEvaluator port, or a job. */
export const businessRuleTask: Behaviour = {
  activate(step, ei, node) {
    const def = node.decision;
    if (!def) {
      jobTask.activate(step, ei, node);
      return;
    }
    const decisions = step.ctx.decisions;
    if (!decisions) throw new ElementFailure('decision', `no decision evaluator is configured for ${node.id}`);
    const decisionId = resolveValue(step, def.decisionId, ei.id, `decisionId of ${node.id}`);
    if (typeof decisionId !== 'string' || decisionId === '') throw new ElementFailure('extract', `decisionId of ${node.id} evaluated to ${JSON.stringify(decisionId)}`);
    const outcome = decisions.evaluate(decisionId, visibleVariables(step, ei.id), step.now);
    if (!outcome.ok) throw new ElementFailure('decision', `decision ${decisionId} failed: ${outcome.error}`);
    applyResult(step, ei, node, { [def.resultVariable]: outcome.result ?? null });
    step.complete(ei);
  },
  terminate: jobTask.terminate,
};

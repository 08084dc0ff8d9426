import { ext, str } from '../model/extensions';
import type { ElementType } from '../runtime/element-type';
import { resolveValue } from '../runtime/evaluate';
import { ElementFailure } from '../runtime/failure';
import { applyResult } from '../runtime/results';
import { visibleVariables } from '../runtime/variables';
import { activateJob, cancelJob, compileJob, retryJob } from './job';

/** Business rule task: a `zeebe:calledDecision` through the DecisionEvaluator port, or a job. */
export const businessRuleTask: ElementType = {
  kind: 'businessRuleTask',
  compile(el, node, cx) {
    const called = ext(el, 'zeebe:CalledDecision');
    if (!called) {
      compileJob(el, node, cx, true);
      return;
    }
    const decisionId = cx.exprs.value(node.id, 'decisionId', str(called, 'decisionId'));
    const resultVariable = str(called, 'resultVariable');
    if (!decisionId) cx.report(node.id, 'zeebe:calledDecision has no decisionId');
    if (!resultVariable) cx.report(node.id, 'zeebe:calledDecision has no resultVariable');
    if (decisionId && resultVariable) node.decision = { decisionId, resultVariable };
  },
  activate(step, ei, node) {
    const def = node.decision;
    if (!def) {
      activateJob(step, ei, node);
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
  terminate: cancelJob,
  resolveIncident: retryJob,
};

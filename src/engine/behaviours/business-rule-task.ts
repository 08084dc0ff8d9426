import { ext, str } from '../model/extensions';
import type { ModdleElement } from 'bpmn-moddle';
import type { DecisionBinding } from '../ports';
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
    const binding = bindingOf(node.id, attr(called, 'bindingType'), attr(called, 'versionTag'), cx.report.bind(cx));
    if (decisionId && resultVariable) node.decision = { decisionId, resultVariable, ...(binding ? { binding } : {}) };
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
    const outcome = decisions.evaluate(decisionId, visibleVariables(step, ei.id), step.now, def.binding);
    if (!outcome.ok) throw new ElementFailure('decision', `decision ${decisionId} failed: ${outcome.error}`);
    applyResult(step, ei, node, { [def.resultVariable]: outcome.result ?? null });
    step.complete(ei);
  },
  terminate: cancelJob,
  resolveIncident: retryJob,
};

// ---- helpers ------------------------------------------------------------------------------------

/** An attribute the moddle schema declares, or (zeebe-bpmn-moddle 2 predates bindings) an unknown one. */
function attr(el: ModdleElement, key: string): string | undefined {
  const unknown = (el as { $attrs?: Record<string, unknown> }).$attrs?.[key];
  return str(el, key) ?? (typeof unknown === 'string' ? unknown : undefined);
}

/** `bindingType` and `versionTag` of a calledDecision; undefined for the default (latest). */
function bindingOf(id: string, type: string | undefined, versionTag: string | undefined, report: (id: string, message: string) => void): DecisionBinding | undefined {
  if (type === undefined || type === '' || type === 'latest') return undefined;
  if (type === 'deployment') return { type: 'deployment' };
  if (type === 'versionTag') {
    if (versionTag) return { type: 'versionTag', versionTag };
    report(id, 'zeebe:calledDecision bindingType="versionTag" has no versionTag');
    return undefined;
  }
  report(id, `zeebe:calledDecision bindingType "${type}" is not latest, deployment or versionTag`);
  return undefined;
}

import { ext, str } from '../model/extensions';
import type { ModdleElement } from 'bpmn-moddle';
import type { DecisionTrace, HistoryBody } from '../history/events';
import type { DecisionAuditTrail, DecisionBinding } from '../ports';
import type { ElementType } from '../runtime/element-type';
import type { Step } from '../runtime/step';
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
    // A `deployment` binding names the version deployed with this instance's process version.
    const binding = def.binding?.type === 'deployment' ? { type: 'deployment' as const, process: { id: step.state.processId, version: step.state.processVersion } } : def.binding;
    const outcome = decisions.evaluate(decisionId, visibleVariables(step, ei.id), step.now, binding);
    if (!outcome.ok) throw new ElementFailure('decision', `decision ${decisionId} failed: ${outcome.error}`);
    recordEvaluation(step, node.id, ei.id, decisionId, outcome.result, outcome.audit);
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

const MAX_DECISIONS = 20;
const MAX_TABLES = 10;
const MAX_MATCHED = 50;
const MAX_INPUTS = 50;
const MAX_WARNINGS = 20;
const MAX_VALUE_CHARS = 1_000;
const MAX_RESULT_CHARS = 4_000;

/**
 * Records the evaluation as a `decisionEvaluated` event, capped (see `DecisionTrace`). A reduced
 * history keeps only its number, so the trail is not even copied then.
 */
function recordEvaluation(step: Step, elementId: string, elementInstanceId: string, decisionId: string, result: unknown, audit: DecisionAuditTrail | undefined): void {
  const event: HistoryBody = { type: 'decisionEvaluated', elementId, elementInstanceId, decisionId, decisionVersion: audit?.version ?? null, result: null, decisions: [], warnings: [], truncated: false };
  if (!step.reduced) {
    const cut = { truncated: false };
    event.result = capped(result ?? null, MAX_RESULT_CHARS, cut);
    event.decisions = (audit?.decisions ?? []).slice(0, MAX_DECISIONS).map((d) => traceOf(d, cut));
    event.warnings = (audit?.warnings ?? []).slice(0, MAX_WARNINGS).map((w) => (w.length > 300 ? `${w.slice(0, 300)}…` : w));
    event.truncated = cut.truncated || (audit?.decisions.length ?? 0) > MAX_DECISIONS || (audit?.warnings.length ?? 0) > MAX_WARNINGS;
  }
  step.emit(event);
}

function traceOf(d: DecisionAuditTrail['decisions'][number], cut: { truncated: boolean }): DecisionTrace {
  const names = Object.keys(d.inputs);
  if (names.length > MAX_INPUTS || d.tables.length > MAX_TABLES) cut.truncated = true;
  return {
    decisionId: d.decisionId,
    decisionName: d.decisionName ?? null,
    inputs: Object.fromEntries(names.slice(0, MAX_INPUTS).map((n) => [n, capped(d.inputs[n], MAX_VALUE_CHARS, cut)])),
    tables: d.tables.slice(0, MAX_TABLES).map((t) => {
      if (t.matched.length > MAX_MATCHED) cut.truncated = true;
      return {
        tableId: t.tableId ?? null,
        hitPolicy: t.hitPolicy,
        matched: t.matched.slice(0, MAX_MATCHED).map((m) => ({ index: m.index, id: m.id ?? null })),
        chosen: t.chosen.slice(0, MAX_MATCHED),
        usedDefaults: t.usedDefaults ?? false,
      };
    }),
    output: capped(d.output ?? null, MAX_VALUE_CHARS, cut),
  };
}

/** The value itself when its JSON is short enough, else `{ $truncated: true, chars, preview }`. */
function capped(value: unknown, max: number, cut: { truncated: boolean }): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string' && value.length <= max) return value;
  let json: string;
  try {
    json = JSON.stringify(value) ?? 'null';
  } catch {
    json = String(value);
  }
  if (json.length <= max) return value;
  cut.truncated = true;
  return { $truncated: true, chars: json.length, preview: `${json.slice(0, 200)}…` };
}

/**
 * One evaluation in the studio, pure: evaluate a decision or service of a model, then the rule
 * highlights for dmn-js' decision table view and the test case that "save as test case" keeps.
 */
import {
  compileDmn, evaluateDecision, evaluateDecisionService, feelToTck, parseDmn,
  type CompiledDmn, type DecisionAudit, type DmnWarning, type TckTestCase,
} from '../../dmn';
import { fromJson, type FeelValue } from '../../feel';

export interface EvaluationTarget {
  readonly kind: 'decision' | 'decisionService';
  readonly id: string;
  readonly name: string;
}

export interface StudioEvaluation {
  readonly target: EvaluationTarget;
  readonly variables: Record<string, unknown>;
  readonly result: unknown;
  /** The result as a FEEL value (kept for test cases: a date stays a date). */
  readonly value: FeelValue;
  readonly audit: readonly DecisionAudit[];
  readonly warnings: readonly DmnWarning[];
}

/** Compiles the editor's XML; throws with the reader's message (line included) when it is not DMN. */
export function compileForStudio(xml: string): CompiledDmn {
  return compileDmn(parseDmn(xml));
}

/** The decisions and decision services of the main model, to pick from. */
export function targetsOf(compiled: CompiledDmn): EvaluationTarget[] {
  return [
    ...compiled.main.decisions.map((d) => ({ kind: 'decision' as const, id: d.id, name: d.name || d.id })),
    ...compiled.main.decisionServices.map((s) => ({ kind: 'decisionService' as const, id: s.id, name: s.name || s.id })),
  ];
}

/** Evaluates with the audit trail on; the clock is the studio's. */
export function evaluateTarget(compiled: CompiledDmn, target: EvaluationTarget, variables: Record<string, unknown>, now = Date.now()): StudioEvaluation {
  const options = { now: () => now };
  const r = target.kind === 'decision'
    ? evaluateDecision(compiled, target.id, variables, options)
    : evaluateDecisionService(compiled, target.id, variables, options);
  return { target, variables, result: r.json, value: r.value, audit: r.audit, warnings: r.warnings };
}

/**
 * A stylesheet that marks, in dmn-js' decision tables, the rules that matched (`data-row-id` is
 * the rule id) and, stronger, those the hit policy chose. CSS survives dmn-js re-rendering its
 * rows, which classes set on them would not.
 */
export function highlightCss(audit: readonly DecisionAudit[], scope = '.fd-dmn-container'): string {
  const rules: string[] = [];
  for (const d of audit) {
    for (const t of d.tables) {
      for (const m of t.matched) {
        if (!m.id) continue;
        const chosen = t.chosen.includes(m.index);
        const row = `${scope} tr:has(> td[data-row-id="${cssString(m.id)}"])`;
        rules.push(`${row} > td { background: ${chosen ? 'var(--fd-rule-chosen, #c8f0d0)' : 'var(--fd-rule-matched, #fff3c4)'} !important; }`);
        rules.push(`${row} > td.rule-index::after { content: "${chosen ? ' ✓' : ' •'}"; }`);
      }
    }
  }
  return rules.join('\n');
}

function cssString(s: string): string {
  return s.replace(/["\\\n]/g, (c) => (c === '\n' ? '\\a ' : `\\${c}`));
}

/** The evaluation as a TCK test case: its inputs and, as expected values, the results it gave. */
export function toTestCase(ev: StudioEvaluation, id: string, description?: string): TckTestCase {
  const inputs = Object.entries(ev.variables).map(([name, value]) => ({ name, value: feelToTck(fromJson(value)) }));
  if (ev.target.kind === 'decisionService') {
    return { id, description, type: 'decisionService', invocableName: ev.target.name, inputs, results: [{ name: ev.target.name, errorResult: false, expected: feelToTck(ev.value) }] };
  }
  return { id, description, type: 'decision', inputs, results: [{ name: ev.target.name, errorResult: false, expected: feelToTck(ev.value) }] };
}

import type { DecisionTrace, HistoryEvent } from '../../engine';

/** A `decisionEvaluated` history event. */
export type DecisionEvaluatedEvent = Extract<HistoryEvent, { type: 'decisionEvaluated' }>;

/** One evaluation as the instance view lists it. */
export interface EvaluationRow {
  seq: number;
  time: number;
  elementId: string;
  decision: string;
  /** `v3`, or `` when the evaluator gave no version. */
  version: string;
  /** Inputs of the called decision (the first of the trail holding it), as `name: JSON`. */
  inputs: Array<{ name: string; value: string }>;
  /** Per decision and table: the matched rules, 1-based as a modeler numbers them, `*` on the ones the hit policy used. */
  rules: Array<{ decisionId: string; tableId: string | null; hitPolicy: string; matched: Array<{ label: string; id: string | null; chosen: boolean }>; usedDefaults: boolean }>;
  result: string;
  warnings: string[];
  truncated: boolean;
}

/**
 * The decision evaluations of a history, oldest first; only those of `elementId` when given (the
 * element clicked in the diagram).
 * @example
 * evaluationRows(history, 'Decide')[0].rules[0].matched; // [{ label: '1', id: 'R1', chosen: true }, ...]
 */
export function evaluationRows(history: readonly HistoryEvent[], elementId: string | null = null): EvaluationRow[] {
  const rows: EvaluationRow[] = [];
  for (const e of history) {
    if (e.type !== 'decisionEvaluated' || (elementId !== null && e.elementId !== elementId)) continue;
    const own = ownTrace(e);
    rows.push({
      seq: e.seq,
      time: e.time,
      elementId: e.elementId,
      decision: e.decisionId,
      version: e.decisionVersion === null ? '' : `v${e.decisionVersion}`,
      inputs: Object.entries(own?.inputs ?? {}).map(([name, value]) => ({ name, value: shown(value) })),
      rules: e.decisions.flatMap((d) => d.tables.map((t) => ({
        decisionId: d.decisionId,
        tableId: t.tableId,
        hitPolicy: t.hitPolicy,
        matched: t.matched.map((m) => ({ label: String(m.index + 1), id: m.id, chosen: t.chosen.includes(m.index) })),
        usedDefaults: t.usedDefaults,
      }))),
      result: shown(e.result),
      warnings: e.warnings,
      truncated: e.truncated,
    });
  }
  return rows;
}

/** The elements that evaluated a decision, for the filter. */
export function evaluatingElements(history: readonly HistoryEvent[]): string[] {
  return [...new Set(history.filter((e) => e.type === 'decisionEvaluated').map((e) => (e as DecisionEvaluatedEvent).elementId))];
}

/** The trail of the decision the task called (by id or name), else the last one (DMN audits list required decisions first). */
function ownTrace(e: DecisionEvaluatedEvent): DecisionTrace | undefined {
  return e.decisions.find((d) => d.decisionId === e.decisionId || d.decisionName === e.decisionId) ?? e.decisions[e.decisions.length - 1];
}

function shown(value: unknown): string {
  if (value !== null && typeof value === 'object' && (value as { $truncated?: unknown }).$truncated === true) {
    const t = value as { chars: number; preview: string };
    return `${t.preview} (${t.chars.toLocaleString('en')} characters, truncated)`;
  }
  return JSON.stringify(value) ?? 'null';
}

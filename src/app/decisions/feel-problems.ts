/**
 * The FEEL problems of a DMN model as it is edited, pure: every cell, literal expression and boxed
 * expression compiled by our own FEEL parser (eagerly, also in large tables), each problem with the
 * decision, the rule and entry, and the line and column in the cell; and a stylesheet that marks
 * the faulty cells in dmn-js' decision tables.
 */
import { compileDmn, parseDmn, type DecisionTable } from '../../dmn';

export interface FeelProblem {
  readonly decisionId?: string;
  /** The decision's name (or id) for people. */
  readonly decisionName: string;
  /** Where inside it: `decisionTable t1 > rule r3 > inputEntry 2`, `literalExpression`, … */
  readonly element: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
  /** A decision-table cell: its rule id and 1-based column (inputs first, then outputs). */
  readonly cell?: { readonly ruleId: string; readonly column: number };
}

const CELL = /^decisionTable \S+ > rule (\S+) > (inputEntry|outputEntry) (\d+)$/;

/** The model's problems, or why it cannot be read at all (then the model's reader message, with its line). */
export function feelProblemsOf(xml: string): { problems: FeelProblem[]; unreadable?: string } {
  let model;
  try {
    model = parseDmn(xml);
  } catch (e) {
    return { problems: [], unreadable: (e as Error).message };
  }
  const compiled = compileDmn(model, { compileCells: 'eager' });
  const decisions = new Map(model.decisions.map((d) => [d.id, d]));
  const named = new Map<string, string>([...model.bkms, ...model.decisionServices, ...model.inputData, ...model.decisions].map((e) => [e.id, e.name || e.id]));
  return {
    problems: compiled.problems.map((p) => {
      const m = CELL.exec(p.element);
      const expression = p.decisionId === undefined ? undefined : decisions.get(p.decisionId)?.expression;
      const table = expression?.kind === 'decisionTable' ? (expression as DecisionTable) : undefined;
      const cell = m && table ? { ruleId: m[1]!, column: (m[2] === 'inputEntry' ? 0 : table.inputs.length) + Number(m[3]) } : undefined;
      const base = { decisionId: p.decisionId, decisionName: (p.decisionId && named.get(p.decisionId)) || p.decisionId || 'the model', element: p.element, message: p.message, severity: p.severity };
      return cell ? { ...base, cell } : base;
    }),
  };
}

/** A stylesheet marking the problems' cells in dmn-js tables (`td[data-row-id]` is the rule id; the first cell of a row is its number). */
export function problemCss(problems: readonly FeelProblem[], scope = '.fd-dmn-container'): string {
  return problems.filter((p) => p.cell).map((p) => {
    const row = `${scope} tr:has(> td[data-row-id="${p.cell!.ruleId.replace(/["\\]/g, '\\$&')}"])`;
    const colour = p.severity === 'error' ? '#dc2626' : '#d97706';
    return `${row} > td:nth-child(${p.cell!.column + 1}) { box-shadow: inset 0 0 0 2px ${colour}; background: ${p.severity === 'error' ? '#fef2f2' : '#fffbeb'} !important; }`;
  }).join('\n');
}

/** A problem's place for people: `rule big, input 1` or the element path. */
export function placeOf(p: FeelProblem): string {
  const m = CELL.exec(p.element);
  return m ? `rule ${m[1]}, ${m[2] === 'inputEntry' ? 'input' : 'output'} ${m[3]}` : p.element;
}

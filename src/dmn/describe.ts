import type { CompiledDmn } from './drg/compile-dmn';
import type { DrgNode } from './drg/graph';
import { DmnError } from './errors';
import { typeName } from './types/dmn-type';

/** An input data element a decision depends on (directly or through required decisions). */
export interface DecisionInput {
  readonly id: string;
  readonly name: string;
  readonly namespace: string;
  /** Display name of its type (`number`, `tPerson`, `Any`). */
  readonly type: string;
  /** Import names leading from the main model to the input's model (empty for the main model). */
  readonly importPath: readonly string[];
}

/**
 * The input data a decision needs, transitively through its required decisions (not through
 * BKMs, which take parameters), in first-seen order. For building input forms and scenarios.
 *
 * @example
 * decisionInputs(compiled, 'Approval Status').map((i) => i.name); // ['Age', 'RiskCategory', 'isAffordable']
 */
export function decisionInputs(compiled: CompiledDmn, decision: string): DecisionInput[] {
  const start = compiled.graph.find(decision, ['decision'], compiled.main.namespace);
  if (!start) throw new DmnError(`no decision '${decision}' in model '${compiled.main.name}'`, { decisionId: decision, element: 'decision' });
  const seen = new Set<string>();
  const out: DecisionInput[] = [];
  const visit = (node: DrgNode) => {
    if (seen.has(node.key)) return;
    seen.add(node.key);
    if (node.kind === 'inputData') {
      out.push({ id: node.id, name: node.name, namespace: node.namespace, type: typeName(node.type), importPath: compiled.importPaths.get(node.namespace) ?? [] });
      return;
    }
    if (node.kind !== 'decision') return;
    for (const req of node.requirements) {
      const target = compiled.graph.get(req.key);
      if (target) visit(target);
    }
  };
  visit(start);
  return out;
}

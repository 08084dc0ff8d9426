import type { CompileProblem } from '../compile/feel-port';
import { kindName, type DrgGraph, type DrgNode } from './graph';

/**
 * Requirement cycles: a decision that (through other decisions or business knowledge models)
 * requires itself. The DMN specification asks for an acyclic graph; evaluating a cycle only gives
 * null with a warning, so a model with one would deploy and quietly decide nothing. One problem
 * per cycle, naming each element on it (`a -> b -> a`).
 *
 * Walks iteratively, so that a hostile model with a requirement chain thousands deep cannot
 * overflow the stack here. Decision services are not followed: the decisions a service encapsulates
 * run with its inputs fixed, and a service that ends up invoking itself runs out of its depth
 * budget at evaluation.
 *
 * @example findCycles(graph) // [{ severity: 'error', decisionId: 'a', element: 'requirement', message: 'requirement cycle: a -> b -> a' }]
 */
export function findCycles(graph: DrgGraph): CompileProblem[] {
  const problems: CompileProblem[] = [];
  const state = new Map<string, 'open' | 'done'>();
  for (const start of graph.nodes.values()) {
    if (state.has(start.key)) continue;
    // Each frame: a node and the index of the next requirement to follow.
    const stack: { node: DrgNode; reqs: readonly string[]; next: number }[] = [{ node: start, reqs: requirementsOf(start), next: 0 }];
    state.set(start.key, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const reqs = top.reqs;
      if (top.next >= reqs.length) {
        state.set(top.node.key, 'done');
        stack.pop();
        continue;
      }
      const target = graph.get(reqs[top.next++]!);
      if (!target) continue;
      const seen = state.get(target.key);
      if (seen === 'open') {
        const from = stack.findIndex((f) => f.node.key === target.key);
        const path = [...stack.slice(from).map((f) => f.node), target];
        problems.push({
          severity: 'error',
          decisionId: target.id,
          element: 'requirement',
          message: `requirement cycle: ${path.map((n) => n.id).join(' -> ')} (${kindName(target)} '${target.name}' requires itself)`,
        });
      } else if (seen === undefined) {
        state.set(target.key, 'open');
        stack.push({ node: target, reqs: requirementsOf(target), next: 0 });
      }
    }
  }
  return problems;
}

function requirementsOf(node: DrgNode): readonly string[] {
  if (node.kind === 'decision' || node.kind === 'bkm') return node.requirements.map((r) => r.key);
  return [];
}

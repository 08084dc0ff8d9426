import { conformsTo as feelConformsTo, parseType, type FeelType } from '../../feel';
import { toFeelType } from '../types/feel-type';
import type { FeelValue } from '../../feel/values';
import { deeper, type CompileContext } from '../compile/context';
import { compileBoxed, compileFunction } from '../compile/expressions';
import { FeelCompiler, NameScope, type CompileProblem } from '../compile/feel-port';
import { Session } from '../compile/session';
import type { DmnModel } from '../model/types';
import type { TableIndexMode } from '../table/decision-table';
import type { DmnType } from '../types/dmn-type';
import { TypeRegistry } from '../types/type-registry';
import { findCycles } from './cycles';
import { DrgGraph, type DrgNode, type Requirement } from './graph';

/** Options for {@link compileDmn}. */
export interface CompileDmnOptions {
  /** Decision-table rule lookup: `auto` (default) indexes tables of 8 rules or more. */
  readonly tableIndex?: TableIndexMode;
  /**
   * `auto` (default) compiles the cells of tables with 200 rules or more on first use (their
   * syntax errors then surface at evaluation); `eager` compiles every cell now, so that `problems`
   * lists every syntax error (deployments use it).
   */
  readonly compileCells?: 'auto' | 'eager';
}

/**
 * One or more DMN models compiled together (a main model and the models it imports). Immutable
 * and reusable: evaluate it as many times as needed.
 */
export interface CompiledDmn {
  /** The first model given: decisions are looked up there first. */
  readonly main: DmnModel;
  readonly models: readonly DmnModel[];
  /** Problems found while compiling (syntax errors, unknown types, unsupported elements). */
  readonly problems: readonly CompileProblem[];
  /** @internal */
  readonly graph: DrgGraph;
  /** @internal import-name path from the main model to each model's namespace. */
  readonly importPaths: ReadonlyMap<string, readonly string[]>;
}

/**
 * Compiles models: resolves requirements and types and compiles every FEEL expression once (cached
 * per model). The first model is the main one; the others are the models it imports.
 *
 * @example
 * const compiled = compileDmn([parseDmn(mainXml), parseDmn(importedXml)]);
 * evaluateDecision(compiled, 'Approval', { Age: 42 }).value;
 */
export function compileDmn(models: DmnModel | readonly DmnModel[], options: CompileDmnOptions = {}): CompiledDmn {
  const list = Array.isArray(models) ? (models as readonly DmnModel[]) : [models as DmnModel];
  if (list.length === 0) throw new Error('compileDmn needs at least one model');
  const compilers = new Map<string, FeelCompiler>();
  const compilerFor = (ns: string) => {
    let c = compilers.get(ns);
    if (!c) {
      // `instance of tPerson` in FEEL sees the item definitions of the expression's model.
      c = new FeelCompiler((name) => {
        const t = types.find(ns, name);
        return t ? toFeelType(t) : undefined;
      });
      compilers.set(ns, c);
    }
    return c;
  };
  const typeProblems: CompileProblem[] = [];
  const typeSession = new Session(() => 0);
  const types: TypeRegistry = new TypeRegistry(list, {
    compileTest: (text, where) => {
      const test = compilerFor('').unaryTests(text, new NameScope(new Set()), { element: where });
      return (v: FeelValue) => test(v, new Map(), typeSession) === true;
    },
    feelType: (text, resolve) => {
      let parsed: FeelType;
      try {
        parsed = parseType(text);
      } catch {
        return undefined;
      }
      // A bare name that is not built in names nothing we know.
      if (parsed.kind === 'name') return undefined;
      const resolver = (name: string) => {
        const t = resolve(name);
        return t ? toFeelType(t) : undefined;
      };
      return { kind: 'builtin', name: text, conforms: (v: FeelValue) => feelConformsTo(v, parsed, resolver) } satisfies DmnType;
    },
    problem: (message) => typeProblems.push({ severity: 'warning', element: 'typeRef', message }),
  });
  const graph = new DrgGraph(list, types);
  const componentNames = [...types.componentNames()];

  for (const node of graph.nodes.values()) {
    if (node.kind !== 'decision' && node.kind !== 'bkm') continue;
    const model = list.find((m) => m.namespace === node.namespace)!;
    const names = new NameScope(new Set([...visibleNames(node.requirements), ...componentNames, ...model.imports.map((i) => i.name).filter(Boolean)]));
    const cx: CompileContext = {
      feel: compilerFor(node.namespace),
      types,
      namespace: node.namespace,
      site: { decisionId: node.id, decisionName: node.name, element: '', kind: node.kind === 'bkm' ? 'business knowledge model' : undefined },
      names,
      componentNames,
      tableIndex: options.tableIndex,
      compileCells: options.compileCells,
    };
    if (node.kind === 'decision') {
      const expr = node.decision.expression;
      // A decision table labels itself (`decisionTable dt1 > rule r3 > …`).
      if (expr) node.evaluator = compileBoxed(expr, expr.kind === 'decisionTable' ? cx : deeper(cx, expr.kind === 'literal' ? 'literalExpression' : expr.kind));
    } else if (node.bkm.logic) {
      node.evaluator = compileFunction(node.bkm.logic, deeper(cx, 'encapsulatedLogic'), node.name);
    }
  }

  const problems = [...graph.problems, ...findCycles(graph), ...typeProblems];
  for (const c of compilers.values()) problems.push(...c.problems);
  return { main: list[0]!, models: list, problems, graph, importPaths: importPaths(list) };
}

function visibleNames(reqs: readonly Requirement[]): string[] {
  return reqs.map((r) => r.prefix ?? r.name);
}

/** Breadth-first import names from the main model to every reachable model. */
function importPaths(models: readonly DmnModel[]): Map<string, string[]> {
  const byNs = new Map(models.map((m) => [m.namespace, m]));
  const paths = new Map<string, string[]>([[models[0]!.namespace, []]]);
  const queue = [models[0]!];
  while (queue.length) {
    const m = queue.shift()!;
    for (const imp of m.imports) {
      const target = byNs.get(imp.namespace);
      if (!target || paths.has(imp.namespace)) continue;
      paths.set(imp.namespace, [...paths.get(m.namespace)!, ...(imp.name ? [imp.name] : [])]);
      queue.push(target);
    }
  }
  return paths;
}

export type { DrgNode };

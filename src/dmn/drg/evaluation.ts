import { makeFunction, toJson } from '../../feel';
import { FeelContext, type FeelValue } from '../../feel/values';
import { coerceAt } from '../compile/context';
import { coerce } from '../types/conformance';
import { fromTypedJson } from '../types/typed-json';
import { located, type Scope } from '../compile/feel-port';
import type { Session } from '../compile/session';
import type { CompiledDmn } from './compile-dmn';
import { type BkmNode, type DecisionNode, type DrgNode, kindName, type Requirement, type ServiceNode } from './graph';

/** Supplies the value of an input data element (already a FEEL value, or null). */
export interface InputSource {
  read(node: DrgNode): FeelValue;
}

/** Supplies nothing: inside a decision service only its parameters are known. */
const NO_INPUTS: InputSource = { read: () => null };
const NO_VALUES: ReadonlyMap<string, FeelValue> = new Map();
/** Marks a node whose evaluation has begun and not ended. */
const IN_PROGRESS: unique symbol = Symbol('in progress');

/**
 * One evaluation over a compiled DRG: evaluates decisions on demand, each at most once (memoized
 * by `namespace#id`), records an audit entry per decision and collects warnings in the session.
 *
 * @example
 * const ev = new Evaluation(compiled, session, inputs);
 * ev.value(decisionNode.key);
 */
export class Evaluation {
  /** Results by key; `IN_PROGRESS` while a node is being evaluated (a cycle meets it). */
  private readonly memo = new Map<string, FeelValue | typeof IN_PROGRESS>();

  constructor(
    private readonly compiled: CompiledDmn,
    private readonly session: Session,
    private readonly inputs: InputSource,
    /** Values fixed from outside (decision service parameters): they replace evaluation. */
    private readonly fixed: ReadonlyMap<string, FeelValue> = NO_VALUES,
    /**
     * Variables visible to the main model's decisions beneath their requirements, as Camunda-style
     * tables expect (they read process variables without declaring input data).
     */
    private readonly globals: ReadonlyMap<string, FeelValue> = NO_VALUES,
  ) {}

  /** The value of any DRG element: decision result, input value, BKM or service function. */
  value(key: string): FeelValue {
    if (this.fixed.size > 0 && this.fixed.has(key)) return this.fixed.get(key)!;
    const known = this.memo.get(key);
    if (known !== undefined && known !== IN_PROGRESS) return known;
    const node = this.compiled.graph.get(key);
    if (!node) return null;
    if (known === IN_PROGRESS) {
      this.session.warn({ decisionId: node.id, element: 'requirement' }, `circular requirement through '${node.name}'`);
      return null;
    }
    this.memo.set(key, IN_PROGRESS);
    // A requirement chain nests like calls do: a model 10,000 decisions deep runs out of depth, not stack.
    const budget = this.session.budget;
    budget.enter(node.name);
    let v: FeelValue;
    try {
      v = this.compute(node);
    } catch (e) {
      this.memo.delete(key);
      // Outside any FEEL (a requirement chain too deep, say): the element being evaluated is where.
      throw located(e, { decisionId: node.id, decisionName: node.name, element: '', kind: node.kind === 'decision' ? undefined : kindName(node) });
    } finally {
      budget.leave();
    }
    this.memo.set(key, v);
    return v;
  }

  private compute(node: DrgNode): FeelValue {
    switch (node.kind) {
      case 'inputData':
        return coerceAt(fromTypedJson(this.inputs.read(node), node.type), node.type, this.session, { decisionId: node.id, element: 'inputData' }, `input '${node.name}'`);
      case 'decision':
        return this.decide(node);
      case 'bkm':
        return this.bkm(node);
      case 'decisionService':
        return this.serviceFunction(node);
    }
  }

  /**
   * The scope a decision or BKM sees: its requirements by name, imported ones under the import name.
   * `seen`, when given, receives the audit's view of them.
   */
  private scopeFor(requirements: readonly Requirement[], seen: Record<string, unknown> | undefined, globals?: ReadonlyMap<string, FeelValue>): Scope {
    const scope: Scope = globals !== undefined && globals.size > 0 ? new Map(globals) : new Map();
    for (let i = 0; i < requirements.length; i++) {
      const req = requirements[i]!;
      const v = this.value(req.key);
      if (req.prefix) {
        const existing = scope.get(req.prefix);
        const ctx = existing instanceof FeelContext ? existing : new FeelContext(new Map());
        ctx.entries.set(req.name, v);
        scope.set(req.prefix, ctx);
        if (seen) seen[`${req.prefix}.${req.name}`] = toJson(v);
      } else {
        scope.set(req.name, v);
        if (seen) seen[req.name] = toJson(v);
      }
    }
    return scope;
  }

  private decide(node: DecisionNode): FeelValue {
    const site = { decisionId: node.id, decisionName: node.name, element: 'decision' };
    const audited = this.session.recordAudit;
    const globals = node.namespace === this.compiled.main.namespace ? this.globals : undefined;
    const seen: Record<string, unknown> | undefined = audited ? {} : undefined;
    const scope = this.scopeFor(node.requirements, seen, globals);
    if (!node.evaluator) {
      // No decision logic: the value may be supplied from outside, as for input data.
      const supplied = fromTypedJson(this.inputs.read(node), node.type);
      const v = coerceAt(supplied, node.type, this.session, site, `decision '${node.name}'`);
      if (supplied === null) this.session.warn(site, 'decision has no decision logic');
      if (audited) this.session.audits.push({ decisionId: node.id, decisionName: node.name, namespace: node.namespace, inputs: seen!, tables: [], output: toJson(v) });
      return v;
    }
    const outer = this.session.currentTables;
    const tables: NonNullable<Session['currentTables']> = [];
    this.session.currentTables = audited ? tables : undefined;
    let raw: FeelValue;
    try {
      raw = node.evaluator(scope, this.session);
    } catch (e) {
      throw located(e, site);
    } finally {
      this.session.currentTables = outer;
    }
    const v = coerceAt(raw, node.type, this.session, site, `decision '${node.name}' result`);
    if (audited) this.session.audits.push({ decisionId: node.id, decisionName: node.name, namespace: node.namespace, inputs: seen!, tables, output: toJson(v) });
    return v;
  }

  private bkm(node: BkmNode): FeelValue {
    if (!node.evaluator) {
      this.session.warn({ decisionId: node.id, element: 'businessKnowledgeModel' }, `business knowledge model '${node.name}' has no logic`);
      return makeFunction([], () => null, node.name);
    }
    const scope = this.scopeFor(node.requirements, undefined);
    // The BKM sees itself, so that recursive BKMs work.
    const fn = node.evaluator(scope, this.session);
    scope.set(node.name, fn);
    return fn;
  }

  private serviceFunction(node: ServiceNode): FeelValue {
    return makeFunction(node.parameters.map((p) => p.name), (args) => {
      const params = new Map<string, FeelValue>();
      for (const [i, p] of node.parameters.entries()) {
        const target = this.compiled.graph.get(p.key);
        const arg = target ? coerce(args[i] ?? null, target.type) : { value: args[i] ?? null };
        // Invoked as a function, a wrong argument type fails the call rather than becoming null.
        if (arg.error) {
          this.session.warn({ decisionId: node.id, element: 'decisionService' }, `${node.name}(): parameter '${p.name}': ${arg.error}`);
          return null;
        }
        params.set(p.name, arg.value);
      }
      return invokeService(this.compiled, this.session, node, params);
    }, node.name);
  }
}

/**
 * Invokes a decision service: its parameters (input data, then input decisions) are taken from
 * `params` by name; its output decisions are evaluated afresh. One output gives its value, several
 * give a context keyed by output decision name.
 */
export function invokeService(compiled: CompiledDmn, session: Session, node: ServiceNode, params: ReadonlyMap<string, FeelValue>): FeelValue {
  const site = { decisionId: node.id, decisionName: node.name, element: 'decisionService' };
  const fixed = new Map<string, FeelValue>();
  for (const p of node.parameters) {
    const target = compiled.graph.get(p.key);
    const v = params.get(p.name) ?? null;
    fixed.set(p.key, target ? coerceAt(fromTypedJson(v, target.type), target.type, session, site, `parameter '${p.name}'`) : v);
  }
  // Nesting (a service invoking services) is counted by FEEL's `invoke`, which calls the service's function.
  const inner = new Evaluation(compiled, session, NO_INPUTS, fixed);
  const outputs = node.outputs.map((o) => [o.name, inner.value(o.key)] as const);
  const result = outputs.length === 1 ? outputs[0]![1] : new FeelContext(new Map(outputs));
  // The service's variable is typed either as its output or as a function type with an output type.
  const outputType = node.type.kind === 'item' && node.type.functionType ? node.type.functionType.output : node.type;
  return coerceAt(result, outputType, session, site, 'decision service result');
}

import { exhaustedStack, fromJson, toJson, type FeelLimits } from '../feel';
import type { FeelValue } from '../feel/values';
import type { DecisionAudit } from './audit';
import { Session, type DmnWarning } from './compile/session';
import type { CompiledDmn } from './drg/compile-dmn';
import { Evaluation, invokeService, type InputSource } from './drg/evaluation';
import type { DrgNode, ServiceNode } from './drg/graph';
import { DmnError } from './errors';

/** Options of one evaluation. */
export interface EvaluateOptions {
  /** Clock for `now()` and `today()`; read once per evaluation. Defaults to the host clock. */
  readonly now?: () => Date | number;
  /**
   * Inputs of imported models, by model namespace then input name. Without it, an imported input is
   * read under its import path (`{ "Model B": { "Person name": … } }`) and then by its bare name.
   */
  readonly inputsByNamespace?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Record the audit trail (default true); turn off in hot loops that do not read it. */
  readonly audit?: boolean;
  /**
   * The evaluation's budget (default `DEFAULT_LIMITS`): one budget for the decision and everything
   * it requires. Running out throws `FeelBudgetError`, whose `where` names the decision and element.
   */
  readonly limits?: FeelLimits;
}

/** The outcome of evaluating a decision (or decision service). */
export interface DecisionResult {
  /** The result as a FEEL value (null on error). */
  readonly value: FeelValue;
  /**
   * The result as plain JSON (numbers as JS numbers, temporals as ISO strings), made on first read:
   * copy it out (`r.json`) before sending a result through postMessage.
   */
  readonly json: unknown;
  /** One entry per decision evaluated, in evaluation order (required decisions first). */
  readonly audit: readonly DecisionAudit[];
  readonly warnings: readonly DmnWarning[];
}

/**
 * Evaluates a decision of the main model (by id, name or `namespace#id`) with the given input
 * values (plain JSON or FEEL values). Required decisions are evaluated once each.
 *
 * @throws DmnError when no such decision exists.
 * @example
 * const r = evaluateDecision(compiled, 'Approval Status', { Age: 18, RiskCategory: 'Medium', isAffordable: true });
 * r.json; // 'Approved'
 */
export function evaluateDecision(
  compiled: CompiledDmn,
  decision: string,
  variables: Readonly<Record<string, unknown>>,
  options: EvaluateOptions = {},
): DecisionResult {
  const node = findDecision(compiled, decision);
  const session = new Session(options.now, options.audit ?? true, options.limits);
  const maxDepth = session.budget.limits.maxValueDepth;
  // No closures on this path: it runs once per evaluation (a hot loop in simulations and the TCK).
  try {
    const value = evaluation(compiled, session, variables, options).value(node.key);
    return result(value, session, maxDepth, `the result of decision '${node.name}'`);
  } catch (e) {
    // A JS stack overflow (DMN code outside FEEL recursing into a deep value) is reported as the
    // depth budget running out, as FEEL reports its own.
    throw exhaustedStack(e, session.budget.limits);
  }
}

/** The outcome of evaluating several decisions in one evaluation. */
export interface DecisionsResult {
  /** One FEEL value per decision asked for, in the order asked. */
  readonly values: readonly FeelValue[];
  /** One entry per decision evaluated (each once, required decisions first). */
  readonly audit: readonly DecisionAudit[];
  readonly warnings: readonly DmnWarning[];
}

/**
 * Evaluates several decisions of the main model in one evaluation, as a model is run once and read
 * at several decisions (the TCK's result nodes): a decision that several of them require is
 * evaluated once, with one clock reading and one budget for all. Each value equals what
 * `evaluateDecision` gives for that decision alone.
 *
 * @throws DmnError when one of the decisions does not exist (before anything is evaluated).
 * @example
 * evaluateDecisions(compiled, ['Eligibility', 'Routing'], { Applicant: { age: 30 } }).values;
 */
export function evaluateDecisions(
  compiled: CompiledDmn,
  decisions: readonly string[],
  variables: Readonly<Record<string, unknown>>,
  options: EvaluateOptions = {},
): DecisionsResult {
  const nodes = decisions.map((d) => findDecision(compiled, d));
  const session = new Session(options.now, options.audit ?? true, options.limits);
  try {
    const ev = evaluation(compiled, session, variables, options);
    const values = nodes.map((node) => ev.value(node.key));
    return { values, audit: session.audits, warnings: session.warnings };
  } catch (e) {
    throw exhaustedStack(e, session.budget.limits);
  }
}

function findDecision(compiled: CompiledDmn, decision: string): DrgNode {
  const node = compiled.graph.find(decision, ['decision'], compiled.main.namespace);
  if (!node) throw new DmnError(`no decision '${decision}' in model '${compiled.main.name}'`, { decisionId: decision, element: 'decision' });
  return node;
}

/** The evaluation of the main model's decisions over the given variables (also its globals). */
function evaluation(compiled: CompiledDmn, session: Session, variables: Readonly<Record<string, unknown>>, options: EvaluateOptions): Evaluation {
  const maxDepth = session.budget.limits.maxValueDepth;
  const globals = new Map<string, FeelValue>();
  for (const k in variables) {
    if (Object.prototype.hasOwnProperty.call(variables, k)) globals.set(k, fromJson(variables[k], { maxDepth, name: k }));
  }
  return new Evaluation(compiled, session, new InputReader(compiled, variables, options, maxDepth), NO_VALUES, globals);
}

const NO_VALUES: ReadonlyMap<string, FeelValue> = new Map();

/** The result; its JSON form is made when first read (hot loops and the TCK read only `value`). */
function result(value: FeelValue, session: Session, maxDepth: number, what: string): DecisionResult {
  return new LazyResult(value, session.audits, session.warnings, maxDepth, what);
}

class LazyResult implements DecisionResult {
  private madeJson: unknown;
  private made = false;
  constructor(
    readonly value: FeelValue,
    readonly audit: readonly DecisionAudit[],
    readonly warnings: readonly DmnWarning[],
    private readonly maxDepth: number,
    private readonly what: string,
  ) {}

  get json(): unknown {
    if (!this.made) {
      this.madeJson = toJson(this.value, { maxDepth: this.maxDepth, what: this.what });
      this.made = true;
    }
    return this.madeJson;
  }
}

/**
 * Invokes a decision service of the main model directly: `variables` supply its parameters (its
 * input data and input decisions) by name.
 *
 * @example
 * evaluateDecisionService(compiled, 'Eligibility Service', { Applicant: { age: 30 } }).json;
 */
export function evaluateDecisionService(
  compiled: CompiledDmn,
  service: string,
  variables: Readonly<Record<string, unknown>>,
  options: EvaluateOptions = {},
): DecisionResult {
  const node = compiled.graph.find(service, ['decisionService'], compiled.main.namespace) as ServiceNode | undefined;
  if (!node) throw new DmnError(`no decision service '${service}' in model '${compiled.main.name}'`, { decisionId: service, element: 'decisionService' });
  const session = new Session(options.now, options.audit ?? true, options.limits);
  const maxDepth = session.budget.limits.maxValueDepth;
  try {
    const params = new Map<string, FeelValue>();
    for (const p of node.parameters) {
      params.set(p.name, Object.prototype.hasOwnProperty.call(variables, p.name) ? fromJson(variables[p.name], { maxDepth, name: p.name }) : null);
    }
    const value = invokeService(compiled, session, node, params);
    return result(value, session, maxDepth, `the result of decision service '${node.name}'`);
  } catch (e) {
    throw exhaustedStack(e, session.budget.limits);
  }
}

/** Reads input values: by namespace, then along the import path from the main model, then by name. */
class InputReader implements InputSource {
  constructor(
    private readonly compiled: CompiledDmn,
    private readonly variables: Readonly<Record<string, unknown>>,
    private readonly options: EvaluateOptions,
    private readonly maxDepth: number,
  ) {}

  read(node: DrgNode): FeelValue {
    const byNs = this.options.inputsByNamespace?.[node.namespace];
    if (byNs && has(byNs, node.name)) return this.json(byNs[node.name], node);
    if (node.namespace !== this.compiled.main.namespace) {
      const path = this.compiled.importPaths.get(node.namespace);
      if (path && path.length > 0) {
        let cursor: unknown = this.variables;
        for (const step of path) cursor = has(cursor, step) ? cursor[step] : undefined;
        if (has(cursor, node.name)) return this.json(cursor[node.name], node);
      }
    }
    return has(this.variables, node.name) ? this.json(this.variables[node.name], node) : null;
  }

  private json(v: unknown, node: DrgNode): FeelValue {
    return fromJson(v, { maxDepth: this.maxDepth, name: node.name });
  }
}

function has(o: unknown, k: string): o is Record<string, unknown> {
  return typeof o === 'object' && o !== null && Object.prototype.hasOwnProperty.call(o, k);
}

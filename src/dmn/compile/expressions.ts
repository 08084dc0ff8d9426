import { invoke, iterationSequence, javaFunction, makeFunction } from '../../feel';
import { FeelContext, FeelFunction, type FeelValue } from '../../feel/values';
import type {
  ContextExpr, Expression, FilterExpr, FunctionDefinitionExpr, InvocationExpr, IteratorExpr, RelationExpr,
} from '../model/types';
import { compileDecisionTable } from '../table/decision-table';
import { coerce } from '../types/conformance';
import { coerceAt, deeper, typeOf, type CompileContext, type Evaluator } from './context';
import type { Scope } from './feel-port';
import type { Session } from './session';

/**
 * Compiles any boxed expression into an evaluator.
 *
 * @example
 * const ev = compileBoxed(decision.expression, cx);
 * ev(new Map([['Age', new Decimal(18)]]), session);
 */
export function compileBoxed(expr: Expression, cx: CompileContext): Evaluator {
  switch (expr.kind) {
    case 'literal': {
      if (expr.expressionLanguage && !/feel/i.test(expr.expressionLanguage)) {
        return unsupported(cx, `expression language '${expr.expressionLanguage}' is not supported`);
      }
      return cx.feel.expression(expr.text, cx.names, cx.site);
    }
    case 'decisionTable':
      return compileDecisionTable(expr, cx);
    case 'context':
      return compileContext(expr, cx);
    case 'relation':
      return compileRelation(expr, cx);
    case 'list': {
      const items = expr.items.map((e, i) => compileBoxed(e, deeper(cx, `list item ${i + 1}`)));
      return (scope, session) => items.map((ev) => ev(scope, session));
    }
    case 'invocation':
      return compileInvocation(expr, cx);
    case 'function':
      return compileFunction(expr, cx);
    case 'conditional': {
      const c = compileBoxed(expr.if, deeper(cx, 'if'));
      const a = compileBoxed(expr.then, deeper(cx, 'then'));
      const b = compileBoxed(expr.else, deeper(cx, 'else'));
      return (scope, session) => {
        const test = c(scope, session);
        if (test !== null && typeof test !== 'boolean') {
          session.warn(cx.site, 'conditional: the if expression is not a boolean');
          return null;
        }
        return test === true ? a(scope, session) : b(scope, session);
      };
    }
    case 'filter':
      return compileFilter(expr, cx);
    case 'for':
    case 'some':
    case 'every':
      return compileIterator(expr, cx);
    case 'unsupported':
      return unsupported(cx, `unsupported expression element <${expr.element}>`);
  }
}

function unsupported(cx: CompileContext, message: string): Evaluator {
  cx.feel.problems.push({ severity: 'warning', decisionId: cx.site.decisionId, element: cx.site.element, message });
  return (_scope, session) => {
    session.warn(cx.site, message);
    return null;
  };
}

function compileContext(expr: ContextExpr, cx: CompileContext): Evaluator {
  let names = cx.names;
  const steps: { name?: string; ev: Evaluator; type: ReturnType<typeof typeOf> }[] = [];
  for (const [i, entry] of expr.entries.entries()) {
    const name = entry.variable?.name;
    // A function entry may call itself: its own name is visible inside it.
    const inner: CompileContext = { ...deeper(cx, `context entry ${name ?? `#${i + 1}`}`), names: name ? names.with(name) : names };
    steps.push({ name, ev: compileBoxed(entry.value, inner), type: typeOf(cx, entry.variable?.typeRef ?? entry.value.typeRef) });
    if (name) names = names.with(name);
  }
  return (scope, session) => {
    const local: Scope = new Map(scope);
    const entries = new Map<string, FeelValue>();
    for (const step of steps) {
      const raw = step.ev(local, session);
      if (step.name === undefined) return coerceAt(raw, step.type, session, cx.site, 'context result');
      const v = coerceAt(raw, step.type, session, cx.site, `context entry '${step.name}'`);
      local.set(step.name, v);
      entries.set(step.name, v);
    }
    return new FeelContext(entries);
  };
}

function compileRelation(expr: RelationExpr, cx: CompileContext): Evaluator {
  const columns = expr.columns.map((c) => ({ name: c.name, type: typeOf(cx, c.typeRef) }));
  const rows = expr.rows.map((row, r) => row.map((cell, c) => compileBoxed(cell, deeper(cx, `relation row ${r + 1} column ${c + 1}`))));
  return (scope, session) =>
    rows.map((row) => {
      const entries = new Map<string, FeelValue>();
      columns.forEach((col, i) => {
        const cell = row[i];
        entries.set(col.name, coerceAt(cell ? cell(scope, session) : null, col.type, session, cx.site, `relation column '${col.name}'`));
      });
      return new FeelContext(entries);
    });
}

function compileInvocation(expr: InvocationExpr, cx: CompileContext): Evaluator {
  const callee = compileBoxed(expr.callee, deeper(cx, 'invoked function'));
  const bindings = expr.bindings.map((b) => ({
    name: b.parameter.name,
    ev: b.value ? compileBoxed(b.value, deeper(cx, `binding ${b.parameter.name}`)) : () => null,
  }));
  return (scope, session) => {
    const fn = callee(scope, session);
    const args = new Map<string, FeelValue>();
    for (const b of bindings) args.set(b.name, b.ev(scope, session));
    return callFunction(fn, args, session, cx);
  };
}

/**
 * Invokes a FEEL function value. FEEL's `invoke` counts the call against the session's budget
 * (a step and a level of nesting), so recursive BKMs and functions run out of depth, not stack.
 */
export function callFunction(fn: FeelValue, args: FeelValue[] | Map<string, FeelValue>, session: Session, cx: CompileContext): FeelValue {
  if (!(fn instanceof FeelFunction)) {
    session.warn(cx.site, `cannot invoke a value that is not a function`);
    return null;
  }
  return invoke(fn, args, session.callContext(cx.site));
}

/**
 * Compiles a function definition into an evaluator that yields a FEEL function value closing over
 * the scope it was evaluated in. Parameters and result follow DMN type conversion.
 */
export function compileFunction(expr: FunctionDefinitionExpr, cx: CompileContext, name = 'function'): Evaluator {
  if (expr.functionKind === 'Java') return compileJavaFunction(expr, cx, name);
  if (expr.functionKind !== 'FEEL') {
    const message = `${expr.functionKind} function definitions are not supported`;
    cx.feel.problems.push({ severity: 'warning', decisionId: cx.site.decisionId, element: cx.site.element, message });
    return (_scope, session) =>
      makeFunction(expr.parameters.map((p) => p.name), () => {
        session.warn(cx.site, message);
        return null;
      }, name);
  }
  const params = expr.parameters.map((p) => ({ name: p.name, type: typeOf(cx, p.typeRef) }));
  const body = expr.body
    ? compileBoxed(expr.body, deeper(cx, 'function body', ...params.map((p) => p.name)))
    : () => null;
  // The body's own typeRef (as on a BKM's literal expression) constrains the result too.
  const resultType = typeOf(cx, expr.typeRef);
  const bodyType = typeOf(cx, expr.body?.typeRef);
  return (scope, session) =>
    makeFunction(params.map((p) => p.name), (args) => {
      const local: Scope = new Map(scope);
      for (const [i, p] of params.entries()) {
        // An argument of the wrong type makes the whole invocation fail (DMN 1.5 §10.3.2.9.4).
        const arg = coerce(args[i] ?? null, p.type);
        if (arg.error) {
          session.warn(cx.site, `${name}(): parameter '${p.name}': ${arg.error}`);
          return null;
        }
        local.set(p.name, arg.value);
      }
      // The call itself was counted by FEEL's `invoke`, through which every function value is called.
      const result = coerceAt(body(local, session), bodyType, session, cx.site, 'function body result');
      return coerceAt(result, resultType, session, cx.site, 'function result');
    }, name);
}

/**
 * A Java function definition: its body is a context naming `class` and `method signature`. Java
 * cannot run here; FEEL emulates a whitelist of side-effect-free JDK methods (java.lang.Math…),
 * anything else yields null with a warning when called.
 */
function compileJavaFunction(expr: FunctionDefinitionExpr, cx: CompileContext, name: string): Evaluator {
  const body = expr.body ? compileBoxed(expr.body, deeper(cx, 'function body')) : () => null;
  const params = expr.parameters.map((p) => ({ name: p.name }));
  return (scope, session) => {
    const spec = body(scope, session);
    const cls = spec instanceof FeelContext ? spec.entries.get('class') : null;
    const signature = spec instanceof FeelContext ? spec.entries.get('method signature') : null;
    const fn = typeof cls === 'string' && typeof signature === 'string' ? javaFunction(cls, signature, params) : null;
    if (fn) return fn;
    return makeFunction(params.map((p) => p.name), () => {
      session.warn(cx.site, `Java function ${typeof cls === 'string' ? `${cls}.` : ''}${typeof signature === 'string' ? signature : ''} is not supported (only whitelisted JDK methods are)`);
      return null;
    }, name);
  };
}

function compileFilter(expr: FilterExpr, cx: CompileContext): Evaluator {
  const source = compileBoxed(expr.in, deeper(cx, 'filter in'));
  const match = compileBoxed(expr.match, deeper(cx, 'filter match', 'item', ...cx.componentNames));
  return (scope, session) => {
    const raw = source(scope, session);
    if (raw === null) return null;
    const list = Array.isArray(raw) ? raw : [raw];
    const kept: FeelValue[] = [];
    for (const item of list) {
      session.budget.step();
      const local: Scope = new Map(scope);
      if (item instanceof FeelContext) for (const [k, v] of item.entries) local.set(k, v);
      local.set('item', item);
      const m = match(local, session);
      if (m !== null && typeof m !== 'boolean') {
        session.warn(cx.site, 'filter: the match expression is not a boolean');
        return null;
      }
      if (m === true) kept.push(item);
    }
    return kept;
  };
}

function compileIterator(expr: IteratorExpr, cx: CompileContext): Evaluator {
  const source = compileBoxed(expr.in, deeper(cx, `${expr.kind} in`));
  const body = compileBoxed(expr.body, deeper(cx, expr.kind === 'for' ? 'return' : 'satisfies', expr.variable));
  return (scope, session) => {
    const raw = source(scope, session);
    if (raw === null) return null;
    // As in FEEL: lists and ranges; a range that cannot be walked makes the result null, never a
    // plausible `false` (some) or `true` (every).
    const seq = iterationSequence(raw, undefined, session.callContext(cx.site));
    if (seq === null) return null;
    const budget = session.budget;
    if (expr.kind === 'for' && seq.length > budget.limits.maxCollectionSize) budget.checkSize(seq.length, `for ${expr.variable}`);
    const results: FeelValue[] = [];
    for (let i = 0; i < seq.length; i++) {
      budget.step();
      const local: Scope = new Map(scope);
      local.set(expr.variable, Array.isArray(seq) ? (seq as readonly FeelValue[])[i]! : (seq as { at(i: number, b: typeof budget): FeelValue }).at(i, budget));
      results.push(body(local, session));
    }
    if (expr.kind === 'for') return results;
    if (results.some((r) => r !== null && typeof r !== 'boolean')) {
      session.warn(cx.site, `${expr.kind}: the satisfies expression is not a boolean`);
      return null;
    }
    if (expr.kind === 'some') return results.some((r) => r === true);
    return results.every((r) => r === true);
  };
}

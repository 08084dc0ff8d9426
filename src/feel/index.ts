/**
 * FEEL (DMN 1.5): parse once, compile to closures, evaluate many times. See README.md.
 *
 * @example
 * const e = compileExpression('Monthly Income * 12 > 50000', { names: ['Monthly Income'] });
 * e.evaluate({ 'Monthly Income': new Decimal(5000) }).value; // true
 */
import type { CompileOptions, CompiledExpression, CompiledUnaryTests, EvalOptions, FeelScope, FeelWarning } from './api';
import { compileNode, compileWithTypes } from './compile';
import { anyTest, compileTest } from './compile-tests';
import { exhaustedStack, FeelBudgetError, isStackOverflow } from './budget';
import { Decimal } from './decimal';
import { FeelSyntaxError } from './errors';
import { fromJson, toJson } from './json';
import { NameSet, Parser } from './parser';
import { EvalState, Scope } from './scope';
import { parseDate, parseDateTime, parseDuration, parseTime } from './temporal';
import type { CallContext, FeelValue } from './values';

export type { CompileOptions, CompiledExpression, CompiledUnaryTests, EvalOptions, FeelResult, FeelScope, FeelWarning } from './api';
export { Decimal } from './decimal';
export { FeelSyntaxError } from './errors';
export { Budget, DEFAULT_LIMITS, exhaustedStack, FeelBudgetError, feelLimits } from './budget';
export type { BudgetKind, FeelLimits } from './budget';
export {
  FeelContext, FeelDate, FeelDateTime, FeelDaysTimeDuration, FeelFunction, FeelRange, FeelTime, FeelYearsMonthsDuration,
  typeNameOf,
} from './values';
export type { CallContext, FeelDuration, FeelParam, FeelValue } from './values';
export { fromJson, toJson, toJsonExact } from './json';
export type { FromJsonOptions, ToJsonOptions } from './json';
export { feelEquals, feelCompare } from './ops';
export { invoke, makeFunction } from './functions';
export { iterationSequence } from './compile-iteration';
export type { Sequence } from './compile-iteration';
export { conformsTo, parseType, typeOf } from './types';
export type { FeelType, TypeResolver } from './types';
export { feelToString } from './builtins/format';
export { BUILTINS } from './builtins';
export { javaFunction } from './external-java';

// Models compile thousands of expressions against the same few name collections: index each
// array or set once (keyed by identity and size; the parse itself works on an overlay).
const nameSets = new WeakMap<object, { size: number; set: NameSet }>();
function namesFor(names: Iterable<string> | undefined): NameSet {
  if (!names) return new NameSet();
  if (Array.isArray(names) || names instanceof Set) {
    const size = Array.isArray(names) ? names.length : (names as Set<string>).size;
    let hit = nameSets.get(names);
    if (!hit || hit.size !== size) {
      hit = { size, set: new NameSet(names) };
      nameSets.set(names, hit);
    }
    return hit.set.extend();
  }
  return new NameSet(names);
}

/**
 * An error inside evaluation: ordinary ones give null with a warning, as FEEL errors do; an
 * exhausted budget (or the JS stack, which deep recursion exhausts first) is rethrown for the host.
 */
function fail(st: EvalState, e: unknown): null {
  if (e instanceof FeelBudgetError) throw e;
  if (isStackOverflow(e)) throw exhaustedStack(e, st.budget.limits);
  st.warn(`evaluation failed: ${e instanceof Error ? e.message : String(e)}`);
  return null;
}

/**
 * Compiles a FEEL expression. Throws FeelSyntaxError on invalid source.
 * @example compileExpression('if x > 1 then "big" else "small"').evaluate({ x: new Decimal(2) })
 */
export function compileExpression(source: string, options?: CompileOptions): CompiledExpression {
  const node = new Parser(source, namesFor(options?.names)).parseExpressionSource();
  const ev = compileWithTypes(options?.types, () => compileNode(node));
  return {
    evaluate(scope: FeelScope, opts?: EvalOptions) {
      const st = new EvalState(opts?.now, opts?.budget, opts?.limits);
      let value: FeelValue;
      try {
        value = ev(rootScope(scope, opts, st), st);
      } catch (e) {
        value = fail(st, e);
      }
      return { value, warnings: st.warnings };
    },
  };
}

/** The caller's scope as the root link: a map of FEEL values as a frame (read as is), else converted on read. */
function rootScope(scope: FeelScope, opts: EvalOptions | undefined, st: EvalState): Scope {
  if (opts?.feelValues === true && scope instanceof Map) return new Scope(null, scope);
  return new Scope(null, null, null, null, scope, st.maxValueDepth);
}

/**
 * Compiles unary tests (a decision-table input entry: `< 10`, `"a","b"`, `not([1..5])`, `-`,
 * `? > 3`). `test` answers whether the input satisfies them. Throws FeelSyntaxError.
 * @example compileUnaryTests('[1..10), > 20').test(new Decimal(5), {}).value // true
 */
export function compileUnaryTests(source: string, options?: CompileOptions): CompiledUnaryTests {
  const src = source.trim() === '' ? '-' : source;
  const parsed = new Parser(src, namesFor(options?.names)).parseUnaryTestsSource();
  let run: (input: FeelValue, sc: Scope, st: EvalState) => boolean | null;
  if (!Array.isArray(parsed)) {
    if (parsed.t === 'any') run = () => true;
    else if (parsed.t === 'not') {
      const tests = compileWithTypes(options?.types, () => parsed.tests.map(compileTest));
      run = (input, sc, st) => {
        const r = anyTest(tests, input, sc, st);
        return r === null ? null : !r;
      };
    } else throw new FeelSyntaxError('not unary tests', 1, 1, 0);
  } else if (parsed.length === 1) {
    const t = compileWithTypes(options?.types, () => compileTest(parsed[0]));
    run = (input, sc, st) => t(input, sc, st);
  } else {
    const tests = compileWithTypes(options?.types, () => parsed.map(compileTest));
    run = (input, sc, st) => anyTest(tests, input, sc, st);
  }
  return {
    test(input: FeelValue, scope: FeelScope, opts?: EvalOptions) {
      const st = new EvalState(opts?.now, opts?.budget, opts?.limits);
      let value: FeelValue;
      try {
        value = run(input, rootScope(scope, opts, st), st);
      } catch (e) {
        value = fail(st, e);
      }
      return { value, warnings: st.warnings };
    },
  };
}

/**
 * Convenience: JSON variables in, JSON out. Throws FeelSyntaxError on invalid source.
 * @example evaluate('a + b', { a: 1, b: 2 }) // 3
 */
export function evaluate(source: string, variables: Record<string, unknown> = {}, options?: EvalOptions): unknown {
  const scope = new Map<string, FeelValue>();
  for (const [k, v] of Object.entries(variables)) scope.set(k, fromJson(v));
  return toJson(compileExpression(source, { names: scope.keys() }).evaluate(scope, options).value);
}

/**
 * A call context for host code that invokes FEEL functions directly (`invoke`); read its
 * `warnings` afterwards.
 */
export function createCallContext(options?: EvalOptions): CallContext & { readonly warnings: FeelWarning[] } {
  return new EvalState(options?.now, options?.budget, options?.limits);
}

// ---- converters for typed text (TCK values, item definitions) -------------------------------

/** `"123.45"` -> number; null when not a decimal literal. */
export function decimalFromString(s: string): Decimal | null {
  return /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(s) ? new Decimal(s.trim()) : null;
}
/** `"2024-01-31"` -> date, or null. */
export const dateFromString = parseDate;
/** `"10:30:00+01:00"` -> time, or null. */
export const timeFromString = parseTime;
/** `"2024-01-31T10:30:00@Europe/Paris"` -> date and time, or null. */
export const dateTimeFromString = parseDateTime;
/** `"P1Y2M"` / `"P2DT3H"` -> duration, or null. */
export const durationFromString = parseDuration;

import type { Budget, FeelLimits } from './budget';
import type { TypeResolver } from './types';
import type { FeelValue } from './values';

/** A problem met while evaluating; the offending sub-expression evaluated to null. */
export interface FeelWarning {
  message: string;
}

/** The outcome of an evaluation: a value (null on error) and what went wrong on the way. */
export interface FeelResult {
  value: FeelValue;
  warnings: FeelWarning[];
}

/**
 * Per-evaluation options. `now` is the clock behind `now()` and `today()`; the global Date is never
 * read. Every evaluation runs on a budget (see `FeelLimits`): `limits` sets a fresh one's limits
 * (build them once with `feelLimits`), `budget` shares one across evaluations (a DMN decision).
 * An exhausted budget throws `FeelBudgetError`.
 */
export interface EvalOptions {
  now?: () => Date | number;
  /** Limits of this evaluation's own budget (default `DEFAULT_LIMITS`); ignored with `budget`. */
  limits?: FeelLimits;
  /** A budget shared with other evaluations; its limits apply. */
  budget?: Budget;
  /**
   * The scope (a `Map`) holds FEEL values only, as a DMN evaluation's scopes do: reads return them
   * as they are, without the check and conversion of host values (plain numbers, objects, arrays)
   * that every read of a caller's variable otherwise pays. A host value in such a scope is not
   * converted. Ignored for a plain-object scope.
   */
  feelValues?: boolean;
}

/** Compile options. `names` are the known variable names, which may contain spaces (`Monthly Income`). */
export interface CompileOptions {
  names?: Iterable<string>;
  /**
   * Resolves type names that are not built in (item definitions) for `instance of`, e.g.
   * `(name) => name === 'tAge' ? parseType('number') : undefined`. Constraints (allowed values)
   * are not part of `instance of`, so resolve to the base type.
   */
  types?: TypeResolver;
}

/**
 * Variables visible to an expression. Values should be FEEL values; plain JS numbers, objects and
 * arrays are tolerated and converted as by `fromJson` when read.
 */
export type FeelScope = ReadonlyMap<string, FeelValue> | Record<string, FeelValue>;

/** A compiled FEEL expression: parse once, evaluate many times. Safe to cache and share. */
export interface CompiledExpression {
  evaluate(scope: FeelScope, options?: EvalOptions): FeelResult;
}

/** Compiled unary tests (a decision-table input entry). `value` is true, false or null. */
export interface CompiledUnaryTests {
  test(input: FeelValue, scope: FeelScope, options?: EvalOptions): FeelResult;
}

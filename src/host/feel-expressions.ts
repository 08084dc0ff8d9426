import { compileExpression, compileUnaryTests, feelLimits, FeelSyntaxError, fromJson, toJson } from '../feel';
import type { CompiledExpression as FeelCompiled, CompiledUnaryTests, FeelLimits, FeelScope } from '../feel';
import type { CompiledExpression, ExpressionLanguage } from '../engine';
import { ExpressionSyntaxError } from '../engine';

type Kind = 'expression' | 'unaryTests';

/** Options of {@link FeelExpressions}. */
export interface FeelExpressionsOptions {
  /**
   * The budget of every evaluation (defaults: `DEFAULT_LIMITS` of src/feel: 1,000,000 steps,
   * lists of 1,000,000, call depth 200, strings of 1,000,000 characters, values nested 1,000 deep).
   */
  readonly limits?: Partial<FeelLimits>;
}

/**
 * The engine's {@link ExpressionLanguage}, backed by src/feel. Variables go in as JSON (FEEL reads
 * plain numbers, objects and arrays as numbers, contexts and lists) and results come back as JSON
 * (`toJson`: decimals to numbers, dates and durations to ISO strings).
 *
 * - Compiled expressions are cached per source text, so the same condition in many processes or
 *   deployments compiles once.
 * - FEEL names may contain spaces (`Monthly Income`), which the parser can only read when it knows
 *   them. Those names are known only at evaluation, so an expression whose variables include such
 *   a name is recompiled once for that set of names (and cached).
 * - `unaryTests` take their input from the variable `?`.
 * - Every evaluation runs on a budget (`options.limits`). Running out throws `FeelBudgetError`
 *   ("FEEL evaluation exceeded 1,000,000 steps"), which the engine turns into an `expression`
 *   incident naming the element and the expression. So does a variable nested deeper than
 *   `maxValueDepth`. Ordinary FEEL errors stay null with a warning.
 *
 * @example
 * const feel = new FeelExpressions();
 * feel.compile('amount > 100', 'expression').evaluate({ amount: 150 }, Date.now()); // { value: true, warnings: [] }
 * feel.compile('[1..10]', 'unaryTests').evaluate({ '?': 5 }, Date.now()).value;      // true
 * @throws ExpressionSyntaxError from `compile`, with the 1-based line and column of the problem.
 */
export class FeelExpressions implements ExpressionLanguage {
  private readonly cache = new Map<string, CompiledExpression>();
  private readonly limits: FeelLimits;

  constructor(options: FeelExpressionsOptions = {}) {
    this.limits = feelLimits(options.limits);
  }

  /** Number of distinct compiled sources (for diagnostics and tests). */
  get size(): number {
    return this.cache.size;
  }

  compile(source: string, kind: Kind): CompiledExpression {
    const key = kind === 'expression' ? `e:${source}` : `u:${source}`;
    let compiled = this.cache.get(key);
    if (compiled === undefined) {
      compiled = kind === 'expression' ? expression(source, this.limits) : unaryTests(source, this.limits);
      this.cache.set(key, compiled);
    }
    return compiled;
  }
}

function expression(source: string, limits: FeelLimits): CompiledExpression {
  const base = syntaxChecked(() => compileExpression(source));
  const spaced = new SpacedNames(source, (names) => compileExpression(source, { names }));
  const out = { maxDepth: limits.maxValueDepth, what: 'the result' };
  return {
    evaluate(variables, now) {
      const compiled = spaced.variantFor(variables) ?? base;
      const r = compiled.evaluate(variables as FeelScope, { now: () => now, limits });
      return { value: toJson(r.value, out), warnings: r.warnings.map((w) => w.message) };
    },
  };
}

function unaryTests(source: string, limits: FeelLimits): CompiledExpression {
  const base = syntaxChecked(() => compileUnaryTests(source));
  const spaced = new SpacedNames(source, (names) => compileUnaryTests(source, { names }));
  const input = { maxDepth: limits.maxValueDepth, name: '?' };
  const out = { maxDepth: limits.maxValueDepth, what: 'the result' };
  return {
    evaluate(variables, now) {
      const compiled = spaced.variantFor(variables) ?? base;
      const r = compiled.test(fromJson(variables['?'] ?? null, input), variables as FeelScope, { now: () => now, limits });
      return { value: toJson(r.value, out), warnings: r.warnings.map((w) => w.message) };
    },
  };
}

function syntaxChecked<T>(compile: () => T): T {
  try {
    return compile();
  } catch (error) {
    if (error instanceof FeelSyntaxError) {
      // FeelSyntaxError appends "(line, column)" to its message; the port carries them as fields.
      const message = error.message.replace(/ \(line \d+, column \d+\)$/, '');
      throw new ExpressionSyntaxError(message, error.line, error.column);
    }
    throw error;
  }
}

/** Recompiles a source for variable names with spaces that occur in it; one variant per name set. */
class SpacedNames<T extends FeelCompiled | CompiledUnaryTests> {
  private readonly variants = new Map<string, T>();
  /** Sources without a space can never mention a spaced name: skip the scan. */
  private readonly possible: boolean;

  constructor(
    private readonly source: string,
    private readonly compileWith: (names: string[]) => T,
  ) {
    this.possible = /\S\s+\S/.test(source);
  }

  variantFor(variables: Readonly<Record<string, unknown>>): T | undefined {
    if (!this.possible) return undefined;
    let names: string[] | undefined;
    for (const name in variables) {
      if (name.includes(' ') && this.source.includes(name)) (names ??= []).push(name);
    }
    if (names === undefined) return undefined;
    const key = names.sort().join('\u0000');
    let variant = this.variants.get(key);
    if (variant === undefined) {
      variant = syntaxChecked(() => this.compileWith(names));
      this.variants.set(key, variant);
    }
    return variant;
  }
}

/**
 * The budget of one evaluation. FEEL is total in principle but not in practice: a recursive
 * function, nested iterations over large ranges or a string that doubles itself can run for hours
 * or fill the heap. Every evaluation therefore counts its work, and running out of any limit
 * throws {@link FeelBudgetError}, which no FEEL construct catches: the host (engine, DMN) turns it
 * into an incident or a failed decision instead of a plausible but wrong value.
 */

/** The limits of one evaluation (a FEEL expression, or a whole DMN decision with its requirements). */
export interface FeelLimits {
  /**
   * Evaluation steps: one per function call, per iteration of `for`/`some`/`every`, per item a
   * filter tests, per element a built-in produces or compares, per 16 characters of a string built.
   */
  readonly maxSteps: number;
  /** Elements of one list built during evaluation (`for` results, `concatenate`, `flatten`…). */
  readonly maxCollectionSize: number;
  /** Nested function calls: FEEL functions, built-ins calling back, BKMs, decision services. */
  readonly maxDepth: number;
  /** Characters (UTF-16 units) of one string built during evaluation. */
  readonly maxStringLength: number;
  /** Nesting levels of a value converted from or to JSON (variables in, results out). */
  readonly maxValueDepth: number;
}

/** The defaults: generous for real decisions, and a hostile evaluation ends within about a second. */
export const DEFAULT_LIMITS: FeelLimits = Object.freeze({
  maxSteps: 1_000_000,
  maxCollectionSize: 1_000_000,
  maxDepth: 200,
  maxStringLength: 1_000_000,
  maxValueDepth: 1_000,
});

/**
 * Full limits from a partial set (the rest default). Build them once and pass the result with
 * every evaluation.
 *
 * @example const limits = feelLimits({ maxSteps: 50_000 });
 */
export function feelLimits(partial: Partial<FeelLimits> = {}): FeelLimits {
  const out = { ...DEFAULT_LIMITS, ...partial };
  for (const [k, v] of Object.entries(out)) {
    if (typeof v !== 'number' || !(v >= 0)) throw new RangeError(`FEEL limit ${k} must be a non-negative number, got ${String(v)}`);
  }
  return Object.freeze(out);
}

/** Which limit ran out. */
export type BudgetKind = 'steps' | 'collection' | 'depth' | 'string' | 'value depth';

/**
 * An evaluation ran out of budget. Never caught by FEEL itself (unlike ordinary errors, which
 * give null and a warning): hosts report it as a failure naming where it happened.
 *
 * @example
 * try { e.evaluate(scope); } catch (err) { if (err instanceof FeelBudgetError) err.budget; } // 'steps'
 */
export class FeelBudgetError extends Error {
  override readonly name = 'FeelBudgetError';
  /**
   * Where the budget ran out, set once by the innermost host layer that knows (a DMN decision and
   * element, for instance); FEEL alone leaves it undefined.
   */
  where?: string;

  constructor(
    readonly budget: BudgetKind,
    readonly limit: number,
    message: string,
  ) {
    super(message);
  }
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Throws the error for an exhausted limit (kept out of the hot paths below). */
export function exhausted(budget: BudgetKind, limit: number, detail?: string): never {
  switch (budget) {
    case 'steps':
      throw new FeelBudgetError(budget, limit, `FEEL evaluation exceeded ${fmt(limit)} steps`);
    case 'collection':
      throw new FeelBudgetError(budget, limit, `FEEL evaluation built a list of more than ${fmt(limit)} elements${detail ? ` (${detail})` : ''}`);
    case 'depth':
      throw new FeelBudgetError(budget, limit, `FEEL evaluation: recursion deeper than ${fmt(limit)} levels${detail ? ` (${detail})` : ''}`);
    case 'string':
      throw new FeelBudgetError(budget, limit, `FEEL evaluation built a string longer than ${fmt(limit)} characters${detail ? ` (${detail})` : ''}`);
    case 'value depth':
      throw new FeelBudgetError(budget, limit, `${detail ?? 'value'} is nested deeper than ${fmt(limit)} levels`);
  }
}

/**
 * The counters of one evaluation. Shared by every FEEL evaluation of one DMN decision (pass it as
 * `EvalOptions.budget`), so that a decision's BKMs and tables draw on one budget.
 *
 * @example
 * const budget = new Budget(feelLimits({ maxSteps: 10_000 }));
 * compileExpression('for x in 1..100 return x').evaluate({}, { budget });
 * budget.steps; // 100 or so
 */
export class Budget {
  /** Steps taken so far. */
  steps = 0;
  /** Current call nesting. */
  depth = 0;

  constructor(readonly limits: FeelLimits = DEFAULT_LIMITS) {}

  /** Takes `n` steps (default one). */
  step(n = 1): void {
    if ((this.steps += n) > this.limits.maxSteps) exhausted('steps', this.limits.maxSteps);
  }

  /** Enters a function call (or a required decision) named `name`; pair with {@link leave} in a `finally`. */
  enter(name?: string): void {
    if (this.depth >= this.limits.maxDepth) exhausted('depth', this.limits.maxDepth, name && name !== 'anonymous' ? `at '${name}'` : undefined);
    this.depth++;
  }

  leave(): void {
    this.depth--;
  }

  /** Checks that a list about to be built, of `size` elements, is allowed, and pays a step per element. */
  collection(size: number, what?: string): void {
    if (size > this.limits.maxCollectionSize) exhausted('collection', this.limits.maxCollectionSize, what);
    this.step(size);
  }

  /** Checks that a list growing one element at a time (already paid for) may reach `size`. */
  checkSize(size: number, what?: string): void {
    if (size > this.limits.maxCollectionSize) exhausted('collection', this.limits.maxCollectionSize, what);
  }

  /**
   * Checks that a string about to be built, of `length` units, is allowed, and pays one step per
   * 16 units (so that many large strings also run out of steps).
   */
  text(length: number, what?: string): void {
    if (length > this.limits.maxStringLength) exhausted('string', this.limits.maxStringLength, what);
    if (length > 64) this.step(length >>> 4);
  }
}

/** A JS stack overflow (RangeError from V8/SpiderMonkey/JSC), which we report as a depth failure. */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack|too much recursion/i.test(e.message);
}

/** `e`, or the depth failure it stands for when it is a JS stack overflow. */
export function exhaustedStack(e: unknown, limits: FeelLimits): unknown {
  if (!isStackOverflow(e)) return e;
  return new FeelBudgetError('depth', limits.maxDepth, `FEEL evaluation: recursion deeper than the JavaScript stack allows (the limit is ${fmt(limits.maxDepth)} levels)`);
}

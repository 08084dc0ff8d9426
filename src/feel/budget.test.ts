import { describe, expect, it } from 'vitest';
import { Budget, compileExpression, Decimal, DEFAULT_LIMITS, FeelBudgetError, feelLimits, type FeelLimits } from './index';

/** Evaluates and returns the budget error it throws (or fails the test when it does not throw). */
function exhaust(source: string, limits?: FeelLimits): FeelBudgetError {
  const e = compileExpression(source);
  try {
    const r = e.evaluate({}, { limits });
    throw new Error(`expected a budget failure, got ${String(r.value)}`);
  } catch (err) {
    if (!(err instanceof FeelBudgetError)) throw err;
    return err;
  }
}

describe('FEEL evaluation budget', () => {
  it('given an exponentially recursive function, when evaluated, then it stops with a steps failure instead of running for hours', () => {
    const err = exhaust('{f: function(n) if n = 0 then 0 else f(n-1) + f(n-1)}.f(40)');
    expect(err.budget).toBe('steps');
    expect(err.message).toBe('FEEL evaluation exceeded 1,000,000 steps');
  });

  it('given deep recursion, when evaluated, then it stops with a depth failure before the JS stack overflows', () => {
    const err = exhaust('{f: function(n) if n = 0 then 0 else 1 + f(n-1)}.f(100000)');
    expect(err.budget).toBe('depth');
    expect(err.message).toMatch(/recursion deeper than 200 levels/);
  });

  it('given recursion within the depth limit, then it computes', () => {
    expect(compileExpression('{f: function(n) if n = 0 then 0 else 1 + f(n-1)}.f(150)').evaluate({}).value).toEqual(new Decimal(150));
  });

  it('given nested quantifiers over two large ranges, when nothing satisfies them, then they stop with a steps failure', () => {
    expect(exhaust('some x in 1..100000, y in 1..100000 satisfies x * y = -1').budget).toBe('steps');
  });

  it('given a huge for product, when evaluated, then steps run out before memory does', () => {
    expect(exhaust('for x in 1..100000, y in 1..100000 return x').budget).toBe('steps');
  });

  it('given a list built past the collection limit, then a collection failure names the construct', () => {
    const err = exhaust('for x in 1..50 return x', feelLimits({ maxCollectionSize: 10 }));
    expect(err.budget).toBe('collection');
    expect(err.message).toMatch(/more than 10 elements \(for\)/);
    expect(exhaust('concatenate(for x in 1..8 return x, for x in 1..8 return x)', feelLimits({ maxCollectionSize: 10 })).message).toMatch(/concatenate/);
  });

  it('given a string that doubles itself, when evaluated, then a string failure stops it', () => {
    const err = exhaust('{f: function(s, n) if n = 0 then s else f(s + s, n - 1)}.f("ab", 40)');
    expect(err.budget).toBe('string');
    expect(err.message).toMatch(/string longer than 1,000,000 characters/);
    expect(exhaust('{f: function(s, n) if n = 0 then s else f(string join([s, s], ""), n - 1)}.f("ab", 40)').message).toMatch(/string join/);
  });

  it('given smaller limits, when the same expression is evaluated, then they apply; the defaults let it run', () => {
    const src = 'sum(for x in 1..1000 return x)';
    expect(compileExpression(src).evaluate({}).value).toEqual(new Decimal(500500));
    expect(exhaust(src, feelLimits({ maxSteps: 500 })).message).toBe('FEEL evaluation exceeded 500 steps');
  });

  it('given a shared budget, when several evaluations draw on it, then their steps add up', () => {
    const budget = new Budget(feelLimits({ maxSteps: 150 }));
    const e = compileExpression('for x in 1..60 return x');
    e.evaluate({}, { budget });
    e.evaluate({}, { budget });
    expect(budget.steps).toBeGreaterThanOrEqual(120);
    expect(() => e.evaluate({}, { budget })).toThrow(FeelBudgetError);
  });

  it('given an ordinary error, then it is still null with a warning (only budgets throw)', () => {
    const r = compileExpression('1 + "a"').evaluate({});
    expect(r.value).toBeNull();
    expect(r.warnings[0]!.message).toMatch(/\+/);
  });

  it('given invalid limits, then feelLimits says which', () => {
    expect(() => feelLimits({ maxSteps: -1 })).toThrow(/maxSteps/);
    expect(feelLimits()).toEqual(DEFAULT_LIMITS);
  });

  it('given a sort with a comparator that recurses into sort, then depth or steps run out', () => {
    const err = exhaust('{s: function(l) sort(l, function(a, b) count(s(l)) > 0)}.s([3, 1, 2])');
    expect(['depth', 'steps']).toContain(err.budget);
  });
});

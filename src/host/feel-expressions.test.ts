import { describe, expect, it } from 'vitest';
import { ExpressionSyntaxError } from '../engine';
import { FeelExpressions } from './feel-expressions';

const NOW = Date.UTC(2024, 4, 17, 12, 0, 0);

describe('FeelExpressions', () => {
  it('given JSON variables, when an expression is evaluated, then the result is JSON', () => {
    const feel = new FeelExpressions();
    const r = feel.compile('{ total: sum(items.price) * 1.1, due: today() + duration("P1D") }', 'expression')
      .evaluate({ items: [{ price: 10 }, { price: 20 }] }, NOW);
    expect(r).toEqual({ value: { total: 33, due: '2024-05-18' }, warnings: [] });
  });

  it('given a missing variable, then the value is null and a warning says why', () => {
    const r = new FeelExpressions().compile('amount > 100', 'expression').evaluate({}, NOW);
    expect(r.value).toBeNull();
    expect(r.warnings.join(' ')).toMatch(/amount/);
  });

  it('given unary tests, then the input comes from the variable "?"', () => {
    const tests = new FeelExpressions().compile('[1..10], > 100', 'unaryTests');
    expect(tests.evaluate({ '?': 5 }, NOW).value).toBe(true);
    expect(tests.evaluate({ '?': 50 }, NOW).value).toBe(false);
    expect(tests.evaluate({ '?': 500 }, NOW).value).toBe(true);
  });

  it('given the same source twice, then it is compiled once', () => {
    const feel = new FeelExpressions();
    const a = feel.compile('x + 1', 'expression');
    expect(feel.compile('x + 1', 'expression')).toBe(a);
    feel.compile('x + 1', 'unaryTests');
    expect(feel.size).toBe(2);
  });

  it('given a variable name with spaces, then it is read', () => {
    const e = new FeelExpressions().compile('Monthly Income * 12', 'expression');
    expect(e.evaluate({ 'Monthly Income': 1000 }, NOW).value).toBe(12000);
  });

  it('given invalid FEEL, then an ExpressionSyntaxError carries line and column without repeating them in the message', () => {
    let error: unknown;
    try {
      new FeelExpressions().compile('a +\n  * 2', 'expression');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExpressionSyntaxError);
    expect(error).toMatchObject({ line: 2, column: 3 });
    expect((error as Error).message).not.toMatch(/line \d/);
  });
});

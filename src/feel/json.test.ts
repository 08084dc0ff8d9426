import { describe, expect, it } from 'vitest';
import { compileExpression, Decimal, FeelBudgetError, FeelContext, feelLimits, fromJson, toJson, toJsonExact, type FeelScope } from './index';
import { nested } from './hostile/corpus';

describe('JSON in and out of FEEL, with a depth limit', () => {
  it('given a value nested deeper than 1,000 levels, then fromJson names the variable instead of overflowing the stack', () => {
    expect(() => fromJson(nested(3000, 1), { name: 'order' })).toThrow("variable 'order' is nested deeper than 1,000 levels");
    expect(() => fromJson(nested(3000, 1, 'array'))).toThrow(FeelBudgetError);
    expect(fromJson(nested(999, 1))).toBeInstanceOf(FeelContext);
    expect(() => fromJson(nested(20, 1), { maxDepth: 10 })).toThrow('a value is nested deeper than 10 levels');
  });

  it('given a deep variable read by an expression, then the evaluation throws the same error, also through a path', () => {
    const limits = feelLimits({ maxValueDepth: 50 });
    // Plain JSON is a valid scope: FEEL converts it on read.
    const json = (payload: unknown) => ({ payload }) as unknown as FeelScope;
    expect(() => compileExpression('payload').evaluate(json(nested(60, 1)), { limits })).toThrow("variable 'payload' is nested deeper than 50 levels");
    expect(() => compileExpression('payload.a.a').evaluate(json(nested(60, 1)), { limits })).toThrow("variable 'payload'");
    expect(compileExpression('payload.a.a').evaluate(json(nested(40, 1)), { limits }).value).toBeInstanceOf(FeelContext);
  });

  it('given nested arrays of numbers, then each level is converted once (it took 2^depth)', () => {
    const v = fromJson(nested(500, 7, 'array'));
    let x: unknown = v;
    for (let i = 0; i < 500; i++) x = (x as unknown[])[0];
    expect(x).toEqual(new Decimal(7));
  });

  it('given a value built deeper than the limit, then toJson says what is too deep', () => {
    const deep = compileExpression('{f: function(n) if n = 0 then 1 else [[[[[f(n - 1)]]]]]}.f(100)').evaluate({}).value;
    expect(() => toJson(deep, { maxDepth: 300, what: 'the result' })).toThrow('the result is nested deeper than 300 levels');
    expect(() => toJsonExact(deep, { maxDepth: 300 })).toThrow(FeelBudgetError);
    expect(Array.isArray(toJson(deep))).toBe(true);
  });

  it('given keys that are names of Object.prototype, then they stay plain keys and variables', () => {
    const json = toJson(compileExpression('{"__proto__": 1, "constructor": 2}').evaluate({}).value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
    expect(Object.keys(json)).toEqual(['__proto__', 'constructor']);
    for (const name of ['constructor', 'toString', '__proto__']) {
      const r = compileExpression(name).evaluate({});
      expect(r.value, name).toBeNull();
      expect(r.warnings[0]!.message).toBe(`no variable named '${name}'`);
    }
    expect(compileExpression('__proto__.a').evaluate(JSON.parse('{"__proto__": {"a": 5}}')).value).toEqual(new Decimal(5));
  });
});

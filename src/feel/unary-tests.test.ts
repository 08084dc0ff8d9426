import { describe, expect, it } from 'vitest';
import { compileUnaryTests, Decimal, fromJson, type FeelValue } from './index';

function t(tests: string, input: unknown, scope: Record<string, unknown> = {}): FeelValue {
  const s = new Map<string, FeelValue>(Object.entries(scope).map(([k, v]) => [k, fromJson(v)]));
  return compileUnaryTests(tests, { names: Object.keys(scope) }).test(fromJson(input), s).value;
}

describe('FEEL unary tests (decision table input entries)', () => {
  it('given -, when testing any input, then it always matches', () => {
    expect(t('-', 5)).toBe(true);
    expect(t('-', null)).toBe(true);
    expect(t('', 'x')).toBe(true);
  });

  it('given comparisons, when the input is compared to the endpoint, then numbers, strings and dates order', () => {
    expect(t('< 10', 5)).toBe(true);
    expect(t('<= 10', 10)).toBe(true);
    expect(t('> 10', 10)).toBe(false);
    expect(t('>= "b"', 'c')).toBe(true);
    expect(t('< date("2024-01-01")', null)).toBe(null);
  });

  it('given intervals and lists of tests, when any test matches, then the entry matches', () => {
    expect(t('[1..10)', 10)).toBe(false);
    expect(t('[1..10), > 20', 25)).toBe(true);
    expect(t('"gold", "silver"', 'silver')).toBe(true);
    expect(t('"gold", "silver"', 'bronze')).toBe(false);
  });

  it('given not(...), when the inner tests match, then the result is negated', () => {
    expect(t('not("gold")', 'silver')).toBe(true);
    expect(t('not([1..5])', 3)).toBe(false);
    expect(t('not(< 3, > 7)', 5)).toBe(true);
  });

  it('given expressions with ?, when evaluated, then ? is the input', () => {
    expect(t('? > 3 and ? < 6', 5)).toBe(true);
    expect(t('starts with(?, "ab")', 'abc')).toBe(true);
    expect(t('count(?) > 1', [1, 2])).toBe(true);
  });

  it('given a plain expression, when it yields a value, a list or a range, then equality, membership or inclusion applies', () => {
    expect(t('limit', 100, { limit: 100 })).toBe(true);
    expect(t('limit * 2', 100, { limit: 100 })).toBe(false);
    expect(t('[1, 2, 3]', 2)).toBe(true);
    expect(t('allowed', 'b', { allowed: ['a', 'b'] })).toBe(true);
    expect(t('null', null)).toBe(true);
    expect(t('true', true)).toBe(true);
    expect(t('false', true)).toBe(false);
  });

  it('given = and != tests, when evaluated, then they compare for equality', () => {
    expect(t('= 5', 5)).toBe(true);
    expect(t('!= 5', 5)).toBe(false);
  });

  it('given a compiled test, when reused on many inputs, then each answer is independent', () => {
    const c = compileUnaryTests('> 100');
    const answers = [50, 150, 100, 101].map((n) => c.test(new Decimal(n), {}).value);
    expect(answers).toEqual([false, true, false, true]);
  });

  it('given invalid tests, when compiled, then a syntax error is thrown', () => {
    expect(() => compileUnaryTests('> ')).toThrow(/line 1/);
    expect(() => compileUnaryTests('[1..')).toThrow();
  });
});

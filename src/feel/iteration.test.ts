import { describe, expect, it } from 'vitest';
import { compileExpression, FeelBudgetError } from './index';
import { feel, run } from './test-support/helpers';

/** Iteration contexts that cannot be walked: each must make the whole expression null. */
const REFUSED = ['> 5', '[10..1]', '1.5..3', 'null', '"a".."z"', '@"2020-01-01"..5', '(< 3)'];

describe('FEEL iteration that cannot proceed', () => {
  for (const ctx of REFUSED) {
    for (const [construct, src] of [
      ['some', `some x in ${ctx} satisfies x > 1`],
      ['every', `every x in ${ctx} satisfies x > 1`],
      ['for', `for x in ${ctx} return x`],
      ['nested some', `some y in [1, 2], x in ${ctx} satisfies true`],
      ['nested every', `every y in [1, 2], x in ${ctx} satisfies false`],
      ['filter over it', `(for x in ${ctx} return x)[item > 1]`],
      ['built-in over it', `count(for x in ${ctx} return x)`],
    ] as const) {
      it(`given ${construct} over ${ctx}, then the result is null with a warning, never a plausible boolean`, () => {
        const r = run(src);
        expect(r.value).toBeNull();
        expect(r.warnings.length).toBeGreaterThan(0);
      });
    }
  }

  it('given a range far larger than any list, then quantifiers walk it lazily and answer correctly', () => {
    expect(feel('some x in 1..100000000 satisfies x > 5')).toBe('true');
    expect(feel('every x in 1..100000000 satisfies x < 5')).toBe('false');
    expect(feel('some x in 100000000..1 satisfies x = 99999999')).toBe('true');
    expect(feel('some x in 9007199254740990..9007199254741000 satisfies x = 9007199254740999')).toBe('true');
  });

  it('given a range whose every element must be checked, then the budget stops it (an incident, not `true`)', () => {
    expect(() => compileExpression('every x in 1..100000000 satisfies x > 0').evaluate({})).toThrow(FeelBudgetError);
  });

  it('given date ranges, then days are walked in either direction, ends included or not', () => {
    expect(feel('for d in @"2024-02-28"..@"2024-03-01" return string(d)')).toBe('["2024-02-28", "2024-02-29", "2024-03-01"]');
    expect(feel('for d in @"2024-01-03"..@"2024-01-01" return day of week(d)')).toBe('["Wednesday", "Tuesday", "Monday"]');
    expect(feel('for d in (@"2024-01-01"..@"2024-01-04") return string(d)')).toBe('["2024-01-02", "2024-01-03"]');
    expect(feel('for x in (1..4] return x')).toBe('[2, 3, 4]');
  });

  it('given built-ins whose callback cannot answer, then they are null with a warning', () => {
    for (const src of ['sort([3, 1, 2], function(a, b) a > "x")', 'list replace([1, 2], function(item, newItem) null, 0)', 'all([true, "x"])', 'any([false, 1])']) {
      const r = run(src);
      expect(r.value, src).toBeNull();
      expect(r.warnings.length, src).toBeGreaterThan(0);
    }
  });
});

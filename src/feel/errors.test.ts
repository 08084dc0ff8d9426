import { describe, expect, it } from 'vitest';
import { compileExpression, compileUnaryTests, Decimal } from './index';
import { run } from './test-support/helpers';

describe('FEEL null-on-error with warnings', () => {
  const cases: [string, RegExp][] = [
    ['unknown + 1', /no variable named 'unknown'/],
    ['abs("x")', /abs\(\): 'n' must be a number, got string/],
    ['substring("abc")', /expects 2 arguments|substring/],
    ['nofn(1)', /no variable named 'nofn'|'nofn' is not a function/],
    ['date("2024-13-01")', /not a valid date/],
    ['sqrt(-1)', /negative/],
    ['@"2024-99-99"', /not a valid date/],
    ['{a: 1}.a.b', /number has no property 'b'/],
    ['modulo(1, 0)', /division by zero/],
    ['date("2024-01-01") < 1', /cannot compare date and number/],
    ['string length(sum: 1)', /has no parameter named 'sum'/],
  ];
  for (const [src, msg] of cases) {
    it(`given ${src}, when evaluated, then null with a warning saying what went wrong`, () => {
      const r = run(src);
      expect(r.value).toBeNull();
      expect(r.warnings.map((w) => w.message).join('\n')).toMatch(msg);
    });
  }

  it('given an error inside a larger expression, when evaluated, then only that part is null', () => {
    const r = run('[1, abs("x"), 3]');
    expect(r.value).toHaveLength(3);
    expect((r.value as unknown[])[1]).toBeNull();
    expect(r.warnings).toHaveLength(1);
  });

  it('given a successful evaluation, when inspected, then there are no warnings', () => {
    expect(run('1 + 1').warnings).toEqual([]);
  });
});

describe('FEEL constant folding keeps run-time warnings', () => {
  it('given a literal-only expression that fails, when evaluated twice, then each evaluation warns', () => {
    const e = compileExpression('1 / 0');
    expect(e.evaluate({}).warnings).toHaveLength(1);
    expect(e.evaluate({}).warnings).toHaveLength(1);
  });

  it('given a literal range in unary tests, when tested repeatedly, then answers stay correct', () => {
    const t = compileUnaryTests('[1..10), -5');
    expect([t.test(new Decimal(10), {}).value, t.test(new Decimal(1), {}).value, t.test(new Decimal(-5), {}).value]).toEqual([false, true, true]);
  });
});

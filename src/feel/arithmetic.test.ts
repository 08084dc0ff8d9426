import { describe, expect, it } from 'vitest';
import { compileExpression, Decimal } from './index';
import { feel, run } from './test-support/helpers';

describe('FEEL numbers and arithmetic', () => {
  it('given decimal literals, when added, then the result is exact decimal (1.1 + 1.3 = 2.4)', () => {
    expect(feel('1.1 + 1.3')).toBe('2.4');
    expect(feel('0.1 + 0.2 = 0.3')).toBe('true');
    expect(feel('1.1 + 1.3 = 2.4')).toBe('true');
  });

  it('given a division with an infinite expansion, when evaluated, then it keeps 34 significant digits', () => {
    expect(feel('1 / 3')).toBe('0.3333333333333333333333333333333333');
    expect(feel('2 / 3')).toBe('0.6666666666666666666666666666666667');
  });

  it('given the private Decimal, when others change the global decimal.js config, then FEEL is unaffected', async () => {
    const Global = (await import('decimal.js')).default;
    const saved = Global.precision;
    Global.set({ precision: 5 });
    try {
      expect(feel('1 / 3')).toHaveLength(36);
    } finally {
      Global.set({ precision: saved });
    }
    expect(Decimal.precision).toBe(34);
  });

  it('given large and small magnitudes, when formatted, then no exponent notation appears', () => {
    expect(feel('10 ** 30')).toBe('1000000000000000000000000000000');
    expect(feel('1 / 10 ** 20')).toBe('0.00000000000000000001');
  });

  it('given exponentiation, when the exponent is negative or fractional, then a number results', () => {
    expect(feel('2 ** -2')).toBe('0.25');
    expect(feel('4 ** 0.5')).toBe('2');
  });

  it('given null operands, when combined arithmetically, then the result is null without crashing', () => {
    expect(feel('null + 1')).toBe('null');
    expect(feel('1 * null')).toBe('null');
    expect(feel('-null')).toBe('null');
  });

  it('given mismatched operand types, when combined, then the result is null with a warning', () => {
    const r = run('"a" + 1');
    expect(r.value).toBeNull();
    expect(r.warnings[0].message).toMatch(/cannot apply '\+' to string and number/);
  });

  it('given division by zero, when evaluated, then the result is null with a warning', () => {
    const r = run('5 / 0');
    expect(r.value).toBeNull();
    expect(r.warnings.map((w) => w.message)).toContain('division by zero');
  });

  it('given strings, when added, then they concatenate', () => {
    expect(feel('"foo" + "bar"')).toBe('"foobar"');
  });

  it('given comparisons of numbers and strings, when evaluated, then ordering is numeric or lexicographic', () => {
    expect(feel('10 > 9')).toBe('true');
    expect(feel('"10" < "9"')).toBe('true');
    expect(feel('1.0 = 1')).toBe('true');
    expect(feel('1 != 2')).toBe('true');
    expect(feel('1 < "a"')).toBe('null');
  });

  it('given three-valued logic, when and/or meet null, then the spec truth tables apply', () => {
    expect(feel('false and null')).toBe('false');
    expect(feel('true and null')).toBe('null');
    expect(feel('true or null')).toBe('true');
    expect(feel('false or null')).toBe('null');
    expect(feel('1 and true')).toBe('null');
  });

  it('given equality of null, when compared, then null = null is true and null = 1 is false', () => {
    expect(feel('null = null')).toBe('true');
    expect(feel('null = 1')).toBe('false');
    expect(feel('null != 1')).toBe('true');
  });
});

describe('FEEL decimals from other decimal.js clones', () => {
  it('given a variable holding a decimal of a low-precision clone, when divided, then FEEL precision applies', async () => {
    const Global = (await import('decimal.js')).default;
    const Low = Global.clone({ precision: 5 });
    const r = compileExpression('x / 3').evaluate({ x: new Low(1) as unknown as Decimal });
    expect(String(r.value)).toBe('0.3333333333333333333333333333333333');
  });
});

import { describe, expect, it } from 'vitest';
import { feel } from './test-support/helpers';

describe('FEEL numeric and conversion built-ins', () => {
  it('given rounding functions, when scales vary, then each rounding mode applies', () => {
    expect(feel('decimal(1/3, 2)')).toBe('0.33');
    expect(feel('decimal(2.5, 0)')).toBe('2');
    expect(feel('decimal(3.5, 0)')).toBe('4');
    expect(feel('floor(-1.5)')).toBe('-2');
    expect(feel('floor(1.56, 1)')).toBe('1.5');
    expect(feel('ceiling(1.51, 1)')).toBe('1.6');
    expect(feel('round up(-5.5, 0)')).toBe('-6');
    expect(feel('round down(5.9, 0)')).toBe('5');
    expect(feel('round half up(-5.5, 0)')).toBe('-6');
    expect(feel('round half down(5.5, 0)')).toBe('5');
    expect(feel('round half up(1234, -2)')).toBe('1200');
  });

  it('given math functions, when applied, then exact or 34-digit results come back', () => {
    expect(feel('abs(-3)')).toBe('3');
    expect(feel('abs(duration("-P1D"))')).toBe('P1D');
    expect(feel('modulo(12, 5)')).toBe('2');
    expect(feel('modulo(-12, 5)')).toBe('3');
    expect(feel('modulo(12, -5)')).toBe('-3');
    expect(feel('sqrt(16)')).toBe('4');
    expect(feel('decimal(log(10), 6)')).toBe('2.302585');
    expect(feel('decimal(exp(1), 6)')).toBe('2.718282');
    expect(feel('odd(5)')).toBe('true');
    expect(feel('even(5)')).toBe('false');
    expect(feel('even(2.5)')).toBe('null');
  });

  it('given number(), when separators are given, then the text is read as a number', () => {
    expect(feel('number("1 000,5", " ", ",")')).toBe('1000.5');
    expect(feel('number("1,000.5", ",", ".")')).toBe('1000.5');
    expect(feel('number("12")')).toBe('12');
    expect(feel('number("1.5e2")')).toBe('150');
    expect(feel('number("abc")')).toBe('null');
    expect(feel('number("1.0", ".", ".")')).toBe('null');
  });

  it('given not() and boolean inputs, when applied, then negation is three-valued', () => {
    expect(feel('not(true)')).toBe('false');
    expect(feel('not(null)')).toBe('null');
    expect(feel('not(1)')).toBe('null');
  });

  it('given if/then/else, when the condition is not true, then the else branch is taken', () => {
    expect(feel('if null then 1 else 2')).toBe('2');
    expect(feel('if "x" then 1 else 2')).toBe('2');
    expect(feel('if true then 1 else 2')).toBe('1');
  });
});

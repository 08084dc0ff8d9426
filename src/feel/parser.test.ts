import { describe, expect, it } from 'vitest';
import { compileExpression, FeelSyntaxError } from './index';
import { feel, run } from './test-support/helpers';

describe('FEEL parser', () => {
  it('given arithmetic, when parsed, then precedence is ** over * over + and unary minus binds tightest', () => {
    expect(feel('1 + 2 * 3')).toBe('7');
    expect(feel('(1 + 2) * 3')).toBe('9');
    expect(feel('2 * 3 ** 2')).toBe('18');
    expect(feel('10 - 2 - 3')).toBe('5');
    expect(feel('-2 + 5')).toBe('3');
    expect(feel('2 ** 3 ** 2')).toBe('64');
  });

  it('given comparisons and boolean operators, when parsed, then comparison binds tighter than and/or', () => {
    expect(feel('1 < 2 and 3 > 2 or false')).toBe('true');
    expect(feel('1 + 1 = 2')).toBe('true');
    expect(feel('false or 1 = 1 and 2 = 3')).toBe('false');
  });

  it('given names with spaces declared to the compiler, when referenced, then they resolve as one name', () => {
    expect(feel('Monthly Income * 12', { 'Monthly Income': 1000 })).toBe('12000');
    expect(feel('Is Affordable or not', { 'Is Affordable or not': true })).toBe('true');
    expect(feel('Loan-to-value + 1', { 'Loan-to-value': 1 })).toBe('2');
    expect(feel("Applicant's age", { "Applicant's age": 40 })).toBe('40');
  });

  it('given undeclared multi-word names, when referenced, then consecutive words are joined into one name', () => {
    const e = compileExpression('Order Total > 100');
    expect(e.evaluate({ 'Order Total': fromNumber(150) }).value).toBe(true);
  });

  it('given built-in names with keywords, when called, then they parse as one function name', () => {
    expect(feel('date and time("2024-01-01T10:00:00").hour')).toBe('10');
    expect(feel('years and months duration(date("2020-01-01"), date("2021-03-01"))')).toBe('P1Y2M');
    expect(feel('day of week(date("2024-02-29"))')).toBe('"Thursday"');
    expect(feel('index of([1, 2, 1], 1)')).toBe('[1, 3]');
  });

  it('given comments, when parsed, then they are ignored', () => {
    expect(feel('1 + /* two */ 2 // trailing\n + 3')).toBe('6');
  });

  it('given string escapes, when parsed, then they are decoded and unknown escapes kept', () => {
    expect(feel('"a\\"b\\n"')).toBe(JSON.stringify('a"b\n'));
    expect(feel('"\\u0041\\U01F600"')).toBe(JSON.stringify('A\u{1F600}'));
    expect(feel('string length("\\s")')).toBe('2');
  });

  it('given named arguments, when a function is invoked, then arguments bind by parameter name', () => {
    expect(feel('substring(string: "foobar", start position: 3, length: 2)')).toBe('"ob"');
    expect(feel('(function(a, b) a - b)(b: 1, a: 5)')).toBe('4');
  });

  it('given a range literal closed by [, when followed by a path, then the [ closes the range', () => {
    expect(feel('[1..10[.start included')).toBe('true');
    expect(feel('[1..10[.end included')).toBe('false');
    expect(feel(']1..10].start included')).toBe('false');
  });

  it('given invalid source, when compiled, then a FeelSyntaxError reports line and column', () => {
    let err: unknown;
    try {
      compileExpression('1 +\n  * 2');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FeelSyntaxError);
    const s = err as FeelSyntaxError;
    expect([s.line, s.column, s.offset]).toEqual([2, 3, 6]);
    expect(() => compileExpression('if x then 1')).toThrow(/expected 'else'/);
    expect(() => compileExpression('"unterminated')).toThrow(FeelSyntaxError);
    expect(() => compileExpression('[1, 2')).toThrow(FeelSyntaxError);
  });

  it('given a compiled expression, when evaluated twice with different scopes, then each result follows its scope', () => {
    const e = compileExpression('x * 2');
    expect(String(e.evaluate({ x: fromNumber(2) }).value)).toBe('4');
    expect(String(e.evaluate({ x: fromNumber(5) }).value)).toBe('10');
    expect(run('x', {}).warnings[0].message).toMatch(/no variable named 'x'/);
  });
});

function fromNumber(n: number) {
  return run(String(n)).value;
}

describe('FEEL parser: name edge cases', () => {
  it('given an undeclared name ending in a number, when referenced, then the words and digits form one name', () => {
    expect(feel('Loan 1 + 1', { 'Loan 1': 1 }, [])).toBe('2');
  });

  it('given a literal with more than 34 significant digits, when evaluated, then it rounds to 34', () => {
    expect(feel('123456789012345678901234567890123456789')).toBe('123456789012345678901234567890123500000');
  });

  it('given keywords inside expressions, when next to names, then they are not swallowed into the name', () => {
    expect(feel('x in [1, 2] and y between 1 and 3', { x: 1, y: 2 })).toBe('true');
    expect(feel('for a in [1] return a instance of number')).toBe('[true]');
  });
});

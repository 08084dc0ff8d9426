import { describe, expect, it } from 'vitest';
import { parseVariables } from './json-variables';

describe('parseVariables (the variables editor)', () => {
  it('given empty text, when parsed, then it is an empty object', () => {
    expect(parseVariables('  \n')).toEqual({ ok: true, value: {} });
  });

  it('given a JSON object, when parsed, then its value comes back', () => {
    expect(parseVariables('{"amount": 3, "items": ["a"]}')).toEqual({ ok: true, value: { amount: 3, items: ['a'] } });
  });

  it('given a syntax error on the second line, when parsed, then the message names line and column', () => {
    const r = parseVariables('{\n  "a": 1,,\n}');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/line 2, column \d+/);
  });

  it.each([['[1, 2]', 'an array'], ['null', 'null'], ['42', 'a number'], ['"x"', 'a string']])('given %s, when parsed, then it is refused as %s', (text, what) => {
    expect(parseVariables(text)).toEqual({ ok: false, message: `Variables must be a JSON object, not ${what}` });
  });
});

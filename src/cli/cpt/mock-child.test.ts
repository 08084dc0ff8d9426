import { describe, expect, it } from 'vitest';
import { FeelExpressions } from '../../host/feel-expressions';
import { feelLiteral, mockChildProcessXml } from './mock-child';

describe('mocked child processes', () => {
  it.each([
    ['text with "quotes" and \\ backslash', 'text with "quotes" and \\ backslash'],
    [1e21, 1e21],
    [1.5e-7, 1.5e-7],
    [-42.5, -42.5],
    [{ nested: { list: [1, 'two', null, true] }, 'a key': false }, { nested: { list: [1, 'two', null, true] }, 'a key': false }],
  ])('given the JSON value %j, when written as a FEEL literal and evaluated, then it gives the value back', (value, expected) => {
    const feel = new FeelExpressions().compile(feelLiteral(value), 'expression');
    expect(feel.evaluate({}, 0).value).toEqual(expected);
  });

  it('given a variable name that is no plain name, then the mock is refused naming it', () => {
    expect(() => mockChildProcessXml('check', { 'two words': 1 })).toThrow('the variable name "two words" of the mocked child process check is not a plain name');
  });

  it('given a process id with XML characters, then the XML stays well formed', () => {
    expect(mockChildProcessXml('a"<b>&', {})).toContain('id="a&quot;&lt;b&gt;&amp;"');
  });
});

import { describe, expect, it } from 'vitest';
import { feelCompletions, feelDiagnostics, feelHover, feelTokens } from './editing';

describe('FEEL editing support', () => {
  it('given an expression, when tokenized, then keywords, built-ins, names, numbers, strings and operators are told apart', () => {
    const src = 'if string length(name) > 3 then "long" else null';
    const kinds = feelTokens(src).map((t) => [src.slice(t.start, t.end), t.kind]);
    expect(kinds).toEqual([
      ['if', 'keyword'], ['string', 'builtin'], ['length', 'builtin'], ['(', 'operator'], ['name', 'name'], [')', 'operator'],
      ['>', 'operator'], ['3', 'number'], ['then', 'keyword'], ['"long"', 'string'], ['else', 'keyword'], ['null', 'keyword'],
    ]);
  });

  it('given an unterminated string, when tokenized, then the rest is invalid and the start still highlights', () => {
    const tokens = feelTokens('a + "open');
    expect(tokens.map((t) => t.kind)).toEqual(['name', 'operator', 'invalid']);
    expect(tokens[2]).toMatchObject({ start: 4, end: 9 });
  });

  it('given a syntax error, when diagnosed, then the message and its line and column come back; valid text gives none', () => {
    expect(feelDiagnostics('amount * 1.2')).toEqual([]);
    expect(feelDiagnostics('= amount > 10')).toEqual([]);
    const [d] = feelDiagnostics('if x > 1\nthen "a" else');
    expect(d).toMatchObject({ line: 2 });
    expect(d!.message).not.toMatch(/\(line/);
    expect(d!.offset).toBeGreaterThan(8);
    expect(feelDiagnostics('[1..10), > 20', { unaryTests: true })).toEqual([]);
    expect(feelDiagnostics('[1..', { unaryTests: true })).toHaveLength(1);
    expect(feelDiagnostics('Monthly Income * 12', { names: ['Monthly Income'] })).toEqual([]);
  });

  it('given a prefix, when completing, then variables in scope come first with their source, then built-ins with signatures', () => {
    const vars = [{ name: 'subtotal', source: 'result variable of Price' }, { name: 'customer', source: 'start form field' }];
    const items = feelCompletions('sub', vars);
    expect(items[0]).toEqual({ label: 'subtotal', kind: 'variable', detail: 'result variable of Price', insertText: 'subtotal' });
    const substring = items.find((i) => i.label === 'substring');
    expect(substring).toMatchObject({ kind: 'function', insertText: 'substring(' });
    expect(substring!.detail).toMatch(/^substring\(string, start position, length\?\)/);
    expect(feelCompletions('the').some((i) => i.kind === 'keyword' && i.label === 'then')).toBe(true);
    expect(feelCompletions('zzz', vars)).toEqual([]);
  });

  it('given a position on a variable or built-in, when hovered, then it says where the variable comes from or the signature', () => {
    const vars = [{ name: 'Monthly Income', source: 'input mapping of Assess' }];
    const src = 'Monthly Income * 12 + abs(x)';
    expect(feelHover(src, 3, vars)).toBe('Monthly Income: input mapping of Assess');
    expect(feelHover(src, src.indexOf('abs') + 1, vars)).toMatch(/^abs\(/);
    expect(feelHover(src, src.indexOf('12'), vars)).toBeUndefined();
  });
});

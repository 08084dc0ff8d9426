import { describe, expect, it } from 'vitest';
import { feelHoverAt, feelLineTokens, feelMarkers, feelSuggestions } from './feel-language-parts';

describe('Monaco FEEL language parts', () => {
  it('given a line, when tokenized for Monaco, then each token starts where the parser put it and gaps are plain', () => {
    const line = 'if x > 1 then "a" // note';
    const tokens = feelLineTokens(line);
    expect(tokens.slice(0, 4)).toEqual([
      { startIndex: 0, scopes: 'keyword' },
      { startIndex: 2, scopes: '' },
      { startIndex: 3, scopes: 'identifier' },
      { startIndex: 4, scopes: '' },
    ]);
    expect(tokens.find((t) => t.startIndex === line.indexOf('"a"'))).toEqual({ startIndex: 14, scopes: 'string' });
    expect(tokens.at(-1)).toEqual({ startIndex: 17, scopes: 'comment' });
    expect(feelLineTokens('abs(-1)')[0]).toEqual({ startIndex: 0, scopes: 'predefined' });
    expect(feelLineTokens('"open').at(-1)).toEqual({ startIndex: 0, scopes: 'invalid' });
  });

  it('given a syntax error in the middle, when marked, then the marker covers the word where the parser stopped', () => {
    const [m] = feelMarkers('a + * b');
    expect(m).toMatchObject({ startLineNumber: 1, startColumn: 5, endLineNumber: 1, endColumn: 6 });
    expect(m!.message).not.toMatch(/\(line/);
  });

  it('given an error at the end of the text, when marked, then the marker covers the last character (never zero width)', () => {
    const text = 'if x > 1\nthen "a" else';
    const [m] = feelMarkers(text);
    expect(m!.startLineNumber).toBe(2);
    expect(m!.endColumn - m!.startColumn).toBeGreaterThan(0);
    expect(m!.endColumn).toBeLessThanOrEqual('then "a" else'.length + 1);
    expect(feelMarkers('= amount * 2')).toEqual([]);
    expect(feelMarkers('> 10, [1..5]', { unaryTests: true })).toEqual([]);
    expect(feelMarkers('Monthly Income * 12', { names: ['Monthly Income'] })).toEqual([]);
  });

  it('given a word, when completing, then variables come first with their source, built-ins as snippets with their required parameters', () => {
    const items = feelSuggestions('sub', [{ name: 'subtotal', source: 'result variable of Price' }]);
    expect(items[0]).toMatchObject({ label: 'subtotal', kind: 'variable', insertText: 'subtotal', snippet: false, documentation: 'subtotal: result variable of Price' });
    const substring = items.find((i) => i.label === 'substring');
    expect(substring).toMatchObject({ kind: 'function', snippet: true, insertText: 'substring(${1:string}, ${2:start position})$0' });
    expect(substring!.detail).toMatch(/length\?/);
    const order = items.map((i) => i.sortText);
    expect([...order].sort()).toEqual(order);
    expect(feelSuggestions('now').find((i) => i.label === 'now')!.insertText).toBe('now()$0');
  });

  it('given a name with spaces partly typed, when completing, then the suggestion replaces every typed word of it', () => {
    const vars = [{ name: 'Monthly Income', source: 'input data' }];
    const items = feelSuggestions('In', vars, 'if Monthly In');
    expect(items.find((i) => i.label === 'Monthly Income')).toMatchObject({ replace: 'Monthly In'.length });
    expect(feelSuggestions('le', [], 'string le').find((i) => i.label === 'string length')).toMatchObject({ replace: 'string le'.length });
    // A one-word name replaces only its word, not the text before it.
    expect(feelSuggestions('sub', [], 'x + sub').find((i) => i.label === 'substring')).toMatchObject({ replace: 3 });
    expect(feelSuggestions('', [], 'x + ').find((i) => i.label === 'abs')).toMatchObject({ replace: 0 });
  });

  it('given a line and column, when hovered, then the variable under it names its source', () => {
    const vars = [{ name: 'amount', source: 'start form field (Order)' }];
    expect(feelHoverAt('1 +\n amount * 2', 2, 3, vars)).toBe('amount: start form field (Order)');
    expect(feelHoverAt('1 +\n amount * 2', 1, 1, vars)).toBeUndefined();
  });
});

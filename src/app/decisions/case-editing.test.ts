import { describe, expect, it } from 'vitest';
import { readTestFile, writeTestFile, type TckTestCase } from '../../dmn';
import { caseDraftOf, caseProblems, editedCase, literalValue, tckLiteral } from './case-editing';

const stored: TckTestCase = {
  id: '001', type: 'decision', description: 'gold customer',
  inputs: [
    { name: 'tier', value: { kind: 'simple', type: 'string', text: 'gold' } },
    { name: 'since', value: { kind: 'simple', type: 'date', text: '2024-03-01' } },
    { name: 'orders', value: { kind: 'list', items: [{ kind: 'simple', type: 'decimal', text: '12.5' }, { kind: 'nil' }] } },
    { name: 'address', value: { kind: 'context', entries: [{ name: 'city', value: { kind: 'simple', type: 'string', text: 'Bonn' } }, { name: 'zip code', value: { kind: 'simple', type: 'string', text: '53111' } }] } },
  ],
  results: [{ name: 'Discount', errorResult: false, expected: { kind: 'simple', type: 'decimal', text: '0.1' } }],
};

describe('editing a stored decision test case', () => {
  it('given stored values of every kind, when shown as FEEL literals and read back, then they are the same values', () => {
    const d = caseDraftOf(stored);
    expect(d.inputs.map((i) => i.text)).toEqual(['"gold"', 'date("2024-03-01")', '[12.5, null]', '{city: "Bonn", "zip code": "53111"}']);
    expect(d.results[0].text).toBe('0.1');
    expect(editedCase(stored, d)).toEqual(stored);
    expect(literalValue('duration("P2DT3H")', 'x')).toEqual({ kind: 'simple', type: 'duration', text: 'P2DT3H' });
    expect(literalValue('date and time("2026-01-05T09:00:00@Europe/Berlin")', 'x')).toEqual({ kind: 'simple', type: 'dateTime', text: '2026-01-05T09:00:00@Europe/Berlin' });
  });

  it('given edits, when saved, then the XML holds the new values with their types and a renamed description', () => {
    const d = caseDraftOf(stored);
    d.description = 'silver customer';
    d.inputs[0].text = '"silver"';
    d.inputs[1].text = 'date("2025-01-01")';
    d.results[0].text = '0.05';
    const xml = writeTestFile('discounts.dmn', [editedCase(stored, d)]);
    const [back] = readTestFile(xml).testCases;
    expect(back.description).toBe('silver customer');
    expect(back.inputs[1].value).toEqual({ kind: 'simple', type: 'date', text: '2025-01-01' });
    expect(back.results[0].expected).toEqual({ kind: 'simple', type: 'decimal', text: '0.05' });
  });

  it('given a syntax error, an invalid date, a duplicate and an empty name, when checked, then each problem names its field', () => {
    const d = caseDraftOf(stored);
    d.inputs[0].text = '"gold';
    d.inputs[1].text = 'date("2025-13-45")';
    d.inputs[2].name = 'tier';
    d.inputs[3].name = '';
    d.results[0].text = '[1..';
    const p = caseProblems(d);
    expect(p.any).toBe(true);
    expect(p.inputs[0]).toMatch(/^input tier: .*line 1, column \d+/);
    expect(p.inputs[1]).toMatch(/^input since: /);
    expect(p.inputs[2]).toBe('input tier: given twice');
    expect(p.inputs[3]).toBe('input 4: needs the name of an input data or decision');
    expect(p.results[0]).toMatch(/^expected Discount: /);
    expect(caseProblems(caseDraftOf(stored)).any).toBe(false);
  });

  it('given a range typed as a value, when read, then it is refused: a test file has no ranges', () => {
    expect(() => literalValue('[1..5]', 'input n')).toThrow('input n: a range has no test-file form');
    expect(tckLiteral({ kind: 'simple', type: 'weird', text: 'x"y' })).toBe('"x\\"y"');
  });
});

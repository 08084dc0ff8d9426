import { describe, expect, it } from 'vitest';
import { evaluateDecision } from '../index';
import { compileFixtures, decide } from '../test-support/fixtures';

const compiled = compileFixtures([new URL('./item-definitions.dmn', import.meta.url)]);
const person = { name: 'Ada', age: 36, addresses: [{ street: 'Main', zip: '1000' }] };

describe('item definitions and type conversion', () => {
  it('allowed values accept listed values and turn others into null with a warning', () => {
    expect(decide(compiled, 'Status Echo', { Status: 'OPEN' })).toBe('OPEN');
    const r = evaluateDecision(compiled, 'Status Echo', { Status: 'PENDING' });
    expect(r.value).toBeNull();
    expect(r.warnings[0]!.message).toMatch(/input 'Status'.*does not conform to type tStatus/);
  });

  it('structured types check every component, recursively, including collections of structures', () => {
    expect(decide(compiled, 'Person Echo', { Person: person })).toEqual(person);
    expect(decide(compiled, 'Person Echo', { Person: { ...person, age: 200 } })).toBeNull();
    expect(decide(compiled, 'Person Echo', { Person: { ...person, addresses: [{ street: 1, zip: '1' }] } })).toBeNull();
    expect(decide(compiled, 'Person Echo', { Person: { name: 'Ada', age: 3 } })).toBeNull();
  });

  it('a single value becomes a singleton list where a collection is expected', () => {
    expect(decide(compiled, 'Total', { Numbers: [1, 2, 3] })).toBe(6);
    expect(decide(compiled, 'Total', { Numbers: 5 })).toBe(5);
    expect(decide(compiled, 'Wrapped', { Value: 5 })).toEqual([5]);
  });

  it('a singleton list becomes its element where a single value is expected; longer lists do not', () => {
    expect(decide(compiled, 'Unwrapped', { Value: [7] })).toBe(7);
    expect(decide(compiled, 'Unwrapped', { Value: [7, 8] })).toBeNull();
    expect(decide(compiled, 'Unwrapped', { Value: 'seven' })).toBeNull();
  });

  it('typeConstraint restricts the collection as a whole', () => {
    expect(decide(compiled, 'Short List', { Value: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(decide(compiled, 'Short List', { Value: ['a', 'b', 'c'] })).toBeNull();
  });

  it('FEEL type expressions work as typeRefs', () => {
    expect(decide(compiled, 'Dates', { Value: ['2024-01-31'] })).toEqual(['2024-01-31']);
  });

  it('FEEL instance of sees the item definitions of the model', () => {
    expect(decide(compiled, 'Is Address', { Value: { street: 'Main', zip: '1000' } })).toBe(true);
    expect(decide(compiled, 'Is Address', { Value: { street: 'Main' } })).toBe(false);
    expect(decide(compiled, 'Is Address', { Value: 'Main' })).toBe(false);
  });

  it('ISO strings become temporal values where the input type asks for one, also inside structures', () => {
    expect(decide(compiled, 'Due Year', { Due: '2024-01-31' })).toBe(2024);
    expect(decide(compiled, 'Due Year', { Due: 'not a date' })).toBeNull();
    expect(decide(compiled, 'Meeting End', { Meeting: { start: '2024-01-31T10:00:00', length: 'PT90M' } })).toBe('2024-01-31T11:30:00');
  });

  it('an unknown type is reported at compile time and treated as Any', () => {
    expect(compiled.problems.some((p) => /unknown type 'tDoesNotExist'/.test(p.message))).toBe(true);
    expect(decide(compiled, 'Loose')).toBe(42);
  });
});

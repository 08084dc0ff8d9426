import { describe, expect, it } from 'vitest';
import { feel, run } from './test-support/helpers';

describe('FEEL contexts', () => {
  it('given a context literal, when later entries use earlier ones, then they see them', () => {
    expect(feel('{a: 1, b: a + 1}')).toBe('{a: 1, b: 2}');
    expect(feel('{"first name": "Ada", greeting: "Hi " + first name}.greeting')).toBe('"Hi Ada"');
    expect(feel('{a: {b: {c: 5}}}.a.b.c')).toBe('5');
  });

  it('given keys with spaces and string keys, when accessed by path, then the entry is found', () => {
    expect(feel('{monthly salary: 1000}.monthly salary * 12')).toBe('12000');
    expect(feel('{"+": 1}')).toBe('{"+": 1}');
  });

  it('given a duplicate key, when the context is built, then the result is null with a warning', () => {
    const r = run('{a: 1, a: 2}');
    expect(r.value).toBeNull();
    expect(r.warnings[0].message).toMatch(/duplicate context key 'a'/);
  });

  it('given a missing entry, when accessed, then null results', () => {
    expect(feel('{a: 1}.b')).toBe('null');
  });

  it('given context functions, when applied, then entries are read and built', () => {
    expect(feel('get value({a: 1}, "a")')).toBe('1');
    expect(feel('get value({a: 1}, "z")')).toBe('null');
    expect(feel('get entries({a: 1, b: 2})')).toBe('[{key: "a", value: 1}, {key: "b", value: 2}]');
    expect(feel('context([{key: "a", value: 1}, {key: "b", value: 2}])')).toBe('{a: 1, b: 2}');
    expect(feel('context([{key: "a", value: 1}, {key: "a", value: 2}])')).toBe('null');
    expect(feel('context put({a: 1}, "b", 2)')).toBe('{a: 1, b: 2}');
    expect(feel('context put({a: {b: 1}}, ["a", "c"], 2)')).toBe('{a: {b: 1, c: 2}}');
    expect(feel('context put(context: {a: 1}, key: ["a", "b"], value: 2)')).toBe('null');
    expect(feel('context put(context: {a: 1}, keys: ["a"], value: 2)')).toBe('{a: 2}');
    expect(feel('context merge([{a: 1}, {a: 2, b: 3}])')).toBe('{a: 2, b: 3}');
  });

  it('given contexts, when compared, then equality is entry-wise and order-independent', () => {
    expect(feel('{a: 1, b: 2} = {b: 2, a: 1}')).toBe('true');
    expect(feel('{a: 1} = {a: 2}')).toBe('false');
  });

  it('given JSON variables, when objects are read, then they are contexts with nested paths', () => {
    expect(feel('applicant.address.city', { applicant: { address: { city: 'Oslo' } } })).toBe('"Oslo"');
  });
});

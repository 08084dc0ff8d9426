import { describe, expect, it } from 'vitest';
import { feel } from './test-support/helpers';

describe('FEEL lists', () => {
  it('given a filter, when boolean or numeric, then it selects items or indexes (1-based, negative from the end)', () => {
    expect(feel('[1, 2, 3, 4][item > 2]')).toBe('[3, 4]');
    expect(feel('[1, 2, 3][1]')).toBe('1');
    expect(feel('[1, 2, 3][-1]')).toBe('3');
    expect(feel('[1, 2, 3][4]')).toBe('null');
    expect(feel('[{a: 1}, {a: 2}][a > 1]')).toBe('[{a: 2}]');
    expect(feel('[{item: 1}, {item: 3}][item > 2]')).toBe('[{item: 3}]');
    expect(feel('5[item > 2]')).toBe('[5]');
  });

  it('given a path on a list of contexts, when evaluated, then it maps over the items', () => {
    expect(feel('[{a: 1}, {a: 2}].a')).toBe('[1, 2]');
  });

  it('given for expressions, when iterating lists, ranges and several contexts, then results are collected', () => {
    expect(feel('for x in [1, 2] return x * 10')).toBe('[10, 20]');
    expect(feel('for i in 1..3 return i')).toBe('[1, 2, 3]');
    expect(feel('for i in 3..1 return i')).toBe('[3, 2, 1]');
    expect(feel('for x in [1, 2], y in [3, 4] return x * y')).toBe('[3, 4, 6, 8]');
    expect(feel('for i in 0..4 return if i = 0 then 1 else i * partial[-1]')).toBe('[1, 1, 2, 6, 24]');
    expect(feel('for d in @"2024-02-28"..@"2024-03-01" return d')).toBe('[2024-02-28, 2024-02-29, 2024-03-01]');
    expect(feel('for i in [1..3] return i')).toBe('[1, 2, 3]');
  });

  it('given quantified expressions, when evaluated, then some/every answer over all iterations', () => {
    expect(feel('some x in [1, 2, 3] satisfies x > 2')).toBe('true');
    expect(feel('every x in [1, 2, 3] satisfies x > 2')).toBe('false');
    expect(feel('every x in [] satisfies x > 2')).toBe('true');
    expect(feel('some x in [1, 2], y in [2, 3] satisfies x = y')).toBe('true');
  });

  it('given aggregate functions, when applied to lists or varargs, then they compute over numbers', () => {
    expect(feel('min([3, 1, 2])')).toBe('1');
    expect(feel('max(3, 1, 2)')).toBe('3');
    expect(feel('sum([1, 2, 3])')).toBe('6');
    expect(feel('sum([])')).toBe('null');
    expect(feel('mean(1, 2, 3, 4)')).toBe('2.5');
    expect(feel('median([3, 1, 4, 2])')).toBe('2.5');
    expect(feel('product(2, 3, 4)')).toBe('24');
    expect(feel('stddev(2, 4, 7, 5)')).toBe('2.081665999466132735282297706979931');
    expect(feel('mode([6, 3, 9, 6, 6, 3, 3])')).toBe('[3, 6]');
    expect(feel('count([1, 2, 3])')).toBe('3');
    expect(feel('sum([1, "a"])')).toBe('null');
    expect(feel('max(["a", "c", "b"])')).toBe('"c"');
  });

  it('given all/any, when lists hold booleans and nulls, then three-valued results follow', () => {
    expect(feel('all([true, false])')).toBe('false');
    expect(feel('all([true, null])')).toBe('null');
    expect(feel('all([])')).toBe('true');
    expect(feel('any([false, true])')).toBe('true');
    expect(feel('any([false, null])')).toBe('null');
    expect(feel('any([])')).toBe('false');
  });

  it('given list manipulation functions, when applied, then new lists result', () => {
    expect(feel('sublist([1, 2, 3, 4], 2, 2)')).toBe('[2, 3]');
    expect(feel('sublist([1, 2, 3], -2)')).toBe('[2, 3]');
    expect(feel('append([1], 2, 3)')).toBe('[1, 2, 3]');
    expect(feel('append([1], [2])')).toBe('[1, [2]]');
    expect(feel('concatenate([1, 2], [3])')).toBe('[1, 2, 3]');
    expect(feel('insert before([1, 3], 2, 2)')).toBe('[1, 2, 3]');
    expect(feel('remove([1, 2, 3], 2)')).toBe('[1, 3]');
    expect(feel('reverse([1, 2, 3])')).toBe('[3, 2, 1]');
    expect(feel('index of([1, 2, 3, 2], 2)')).toBe('[2, 4]');
    expect(feel('union([1, 2], [2, 3])')).toBe('[1, 2, 3]');
    expect(feel('distinct values([1, 2, 3, 2, 1])')).toBe('[1, 2, 3]');
    expect(feel('flatten([[1, 2], [[3]], 4])')).toBe('[1, 2, 3, 4]');
    expect(feel('list contains([1, 2, 3], 2)')).toBe('true');
    expect(feel('list replace([1, 2, 3], 2, 9)')).toBe('[1, 9, 3]');
    expect(feel('list replace([2, 4, 7], function(item, newItem) item < newItem, 5)')).toBe('[5, 5, 7]');
  });

  it('given sort, when a precedes function or natural order is used, then items are ordered', () => {
    expect(feel('sort([3, 1, 2])')).toBe('[1, 2, 3]');
    expect(feel('sort([3, 1, 2], function(x, y) x > y)')).toBe('[3, 2, 1]');
    expect(feel('sort(list: ["b", "a"], precedes: function(x, y) x < y)')).toBe('["a", "b"]');
    expect(feel('sort([1, "a"])')).toBe('null');
  });

  it('given out-of-range positions, when list functions are called, then null results', () => {
    expect(feel('sublist([1, 2], 5)')).toBe('null');
    expect(feel('remove([1, 2], 0)')).toBe('null');
    expect(feel('insert before([1], 3, 0)')).toBe('null');
  });
});

describe('FEEL filters and calls: edge cases', () => {
  it('given an empty list, when indexed or filtered, then null or [] result', () => {
    expect(feel('[][1]')).toBe('null');
    expect(feel('[][item > 1]')).toBe('[]');
  });

  it('given a variable named like a built-in, when the built-in is called, then the call still works', () => {
    expect(feel('count([1, 2]) + count', { count: 5 })).toBe('7');
    expect(feel('f(2)', { f: 1 })).toBe('null');
  });
});

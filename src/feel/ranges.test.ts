import { describe, expect, it } from 'vitest';
import { feel } from './test-support/helpers';

describe('FEEL ranges', () => {
  it('given range literals, when testing membership with in, then open and closed ends apply', () => {
    expect(feel('5 in [1..5]')).toBe('true');
    expect(feel('5 in [1..5)')).toBe('false');
    expect(feel('5 in [1..5[')).toBe('false');
    expect(feel('1 in ]1..5]')).toBe('false');
    expect(feel('1 in (1..5]')).toBe('false');
    expect(feel('"b" in ["a".."c"]')).toBe('true');
    expect(feel('@"2024-01-15" in [@"2024-01-01"..@"2024-01-31"]')).toBe('true');
  });

  it('given unary comparisons as ranges, when used, then they behave as half-open ranges', () => {
    expect(feel('5 in < 10')).toBe('true');
    expect(feel('5 in (> 5, < 2)')).toBe('false');
    expect(feel('5 in (>= 5)')).toBe('true');
    expect(feel('(< 10).end')).toBe('10');
    expect(feel('(< 10).start')).toBe('null');
    expect(feel('(<= 10).end included')).toBe('true');
  });

  it('given a null endpoint, when testing membership, then the answer is null', () => {
    expect(feel('5 in (null..10]')).toBe('null');
  });

  it('given equal-looking ranges of different syntax, when compared, then only identical forms are equal', () => {
    expect(feel('[1..10) = [1..10[')).toBe('true');
    expect(feel('(< 10) = (null..10)')).toBe('false');
    expect(feel('(= 10) = [10..10]')).toBe('false');
    expect(feel('(!= 10) = (!= 10)')).toBe('true');
  });

  it('given between and in with lists, when evaluated, then they test inclusively and by equality', () => {
    expect(feel('5 between 1 and 5')).toBe('true');
    expect(feel('0 between 1 and 5')).toBe('false');
    expect(feel('"b" between "a" and "c"')).toBe('true');
    expect(feel('2 in (1, 2, 3)')).toBe('true');
    expect(feel('2 in [1, 2, 3]')).toBe('true');
    expect(feel('[1, 2] in [[1, 2], [3]]')).toBe('true');
  });

  it('given range functions, when comparing points and ranges, then Allen relations hold', () => {
    expect(feel('before(1, 10)')).toBe('true');
    expect(feel('before([1..5], [5..10])')).toBe('false');
    expect(feel('before([1..5), [5..10])')).toBe('true');
    expect(feel('after(10, [1..5])')).toBe('true');
    expect(feel('meets([1..5], [5..10])')).toBe('true');
    expect(feel('met by([5..10], [1..5])')).toBe('true');
    expect(feel('overlaps([1..5], [3..8])')).toBe('true');
    expect(feel('overlaps before([1..5], [3..8])')).toBe('true');
    expect(feel('overlaps after([3..8], [1..5])')).toBe('true');
    expect(feel('finishes(5, [1..5])')).toBe('true');
    expect(feel('finished by([1..5], [3..5])')).toBe('true');
    expect(feel('includes([1..10], 5)')).toBe('true');
    expect(feel('includes([1..10], [4..6])')).toBe('true');
    expect(feel('during(5, [1..10])')).toBe('true');
    expect(feel('starts(1, [1..5])')).toBe('true');
    expect(feel('started by([1..10], [1..5])')).toBe('true');
    expect(feel('coincides([1..5], [1..5])')).toBe('true');
    expect(feel('before(point1: 1, point2: 10)')).toBe('true');
    expect(feel('coincides(range1: [1..5], range2: [1..5])')).toBe('true');
    expect(feel('before(1, "a")')).toBe('null');
    expect(feel('before(< 5, 7)')).toBe('true');
  });

  it('given range(), when parsing a string, then only literal ascending intervals are accepted', () => {
    expect(feel('range("[1..3]") = [1..3]')).toBe('true');
    expect(feel('range("(18..21]")')).toBe('(18..21]');
    expect(feel('range("[date(\\"2024-01-01\\")..@\\"2024-02-01\\"]").end')).toBe('2024-02-01');
    expect(feel('range(">=10")')).toBe('null');
    expect(feel('range("[3..1]")')).toBe('null');
    expect(feel('range("[x..3]")')).toBe('null');
  });
});

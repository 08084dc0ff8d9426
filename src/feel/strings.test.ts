import { describe, expect, it } from 'vitest';
import { feel, run } from './test-support/helpers';

describe('FEEL string functions', () => {
  it('given substring, when positions are positive, negative or with length, then code points are sliced', () => {
    expect(feel('substring("foobar", 3)')).toBe('"obar"');
    expect(feel('substring("foobar", 3, 3)')).toBe('"oba"');
    expect(feel('substring("foobar", -2, 1)')).toBe('"a"');
    expect(feel('substring("\\U01F40Eab", 2)')).toBe('"ab"');
    expect(feel('substring("abc", 0)')).toBe('null');
  });

  it('given length and case functions, when applied, then they count code points and map case', () => {
    expect(feel('string length("\\U01F40Eab")')).toBe('3');
    expect(feel('upper case("aBc4")')).toBe('"ABC4"');
    expect(feel('lower case("aBc4")')).toBe('"abc4"');
  });

  it('given search functions, when applied, then they find substrings', () => {
    expect(feel('substring before("foobar", "bar")')).toBe('"foo"');
    expect(feel('substring after("foobar", "ob")')).toBe('"ar"');
    expect(feel('substring after("foobar", "x")')).toBe('""');
    expect(feel('contains("foobar", "of")')).toBe('false');
    expect(feel('starts with("foobar", "fo")')).toBe('true');
    expect(feel('ends with("foobar", "r")')).toBe('true');
  });

  it('given XML Schema regexes, when matching with flags, then s/m/i/x/q flags apply', () => {
    expect(feel('matches("foobar", "^fo*b")')).toBe('true');
    expect(feel('matches("FooBar", "foo", "i")')).toBe('true');
    expect(feel('matches("a\nb", "a.b", "s")')).toBe('true');
    expect(feel('matches("a\nb", "^b$", "m")')).toBe('true');
    expect(feel('matches("hello world", "hello\\ sworld", "x")')).toBe('true');
    expect(feel('matches("a.b", ".", "q")')).toBe('true');
    expect(feel('matches("X", "[A-Z-[OI]]")')).toBe('true');
    expect(feel('matches("O", "[A-Z-[OI]]")')).toBe('false');
    expect(run('matches("a", "(")').warnings[0].message).toMatch(/invalid pattern/);
    expect(feel('matches("a", "a", "z")')).toBe('null');
  });

  it('given replace, when using groups and $0, then XPath replacement syntax is honoured', () => {
    expect(feel('replace("abcd", "(ab)|(a)", "[1=$1][2=$2]")')).toBe('"[1=ab][2=]cd"');
    expect(feel('replace("banana", "[aeiou]", "[$0]")')).toBe('"b[a]n[a]n[a]"');
    expect(feel('replace("a.b", ".", "\\\\$", "q")')).toBe('"a\\\\$b"');
    expect(feel('replace("abc", "b", "$")')).toBe('null');
  });

  it('given split and string join, when applied, then they split on regexes and join with a delimiter', () => {
    expect(feel('split("John Doe", "\\s")')).toBe('["John", "Doe"]');
    expect(feel('split("a;b;;c", ";")')).toBe('["a", "b", "", "c"]');
    expect(feel('string join(["a", "b", "c"], ", ")')).toBe('"a, b, c"');
    expect(feel('string join(["a", null, "c"])')).toBe('"ac"');
    expect(feel('string join(["a", 1])')).toBe('null');
  });

  it('given string(), when converting values, then FEEL text results', () => {
    expect(feel('string(1.50)')).toBe('"1.5"');
    expect(feel('string(date("2024-01-02"))')).toBe('"2024-01-02"');
    expect(feel('string([1, "a"])')).toBe('"[1, \\"a\\"]"');
    expect(feel('string(null)')).toBe('null');
  });
});

describe('FEEL implicit conversions', () => {
  it('given a singleton list where a string or number is expected, when a built-in is called, then the element is used', () => {
    expect(feel('upper case(["bob"])')).toBe('"BOB"');
    expect(feel('abs([-2])')).toBe('2');
    expect(feel('upper case(["a", "b"])')).toBe('null');
  });
});

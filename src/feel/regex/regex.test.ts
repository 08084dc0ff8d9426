import { describe, expect, it } from 'vitest';
import { Budget, feelLimits } from '../budget';
import { feel, run } from '../test-support/helpers';
import { compileXsdRegex, RegexSyntaxError } from './index';

const unlimited = () => new Budget(feelLimits({ maxSteps: Number.MAX_SAFE_INTEGER }));
const span = (pattern: string, input: string, flags = '') => compileXsdRegex(pattern, flags).search(input, 0, unlimited())?.slice(0, 2) ?? null;

/** Steps the matcher pays to search `input`. */
function stepsFor(pattern: string, input: string): number {
  const b = unlimited();
  compileXsdRegex(pattern, '').search(input, 0, b);
  return b.steps;
}

describe('XML Schema regular expressions', () => {
  it('given catastrophic patterns, when matched against long inputs, then the work grows linearly with the input', () => {
    for (const pattern of ['(a+)+$', '(a|a)*b', '(a*)*b', '(x+x+)+y', '(a|aa)+c', '^(\\w+\\s?)*$']) {
      const small = stepsFor(pattern, `${'a'.repeat(2000)}!`);
      const large = stepsFor(pattern, `${'a'.repeat(4000)}!`);
      expect(large / small, pattern).toBeLessThan(2.2);
    }
    expect(feel('matches("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "(a+)+$")')).toBe('false');
    expect(feel('matches("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "(a+)+$")')).toBe('true');
  });

  it('given back-references (which no automaton matches), when a pattern is catastrophic, then the budget stops it', () => {
    expect(feel('matches("aA", "(a)\\1", "i")')).toBe('true');
    expect(feel('matches("abab", "^(ab)\\1$")')).toBe('true');
    expect(feel('matches("abba", "^(ab)\\1$")')).toBe('false');
    expect(() => run(`matches("${'a'.repeat(40)}!", "(a+)+\\1$")`)).toThrow(/exceeded 1,000,000 steps/);
  });

  it('given class subtraction, categories, blocks and name escapes, then XML Schema sets result', () => {
    expect(span('[a-z-[aeiou]]+', 'aeibcdo')).toEqual([3, 6]);
    expect(span('[\\p{L}-[\\p{Lu}]]+', 'ABcdéF')).toEqual([2, 5]);
    expect(span('\\p{IsGreek}+', 'abγδε')).toEqual([2, 5]);
    expect(span('\\P{IsBasicLatin}', 'abcé')).toEqual([3, 4]);
    expect(span('\\i\\c*', '-1 _x.y-z')).toEqual([3, 9]);
    expect(span('\\d+', 'a١٢٣b')).toEqual([1, 4]);
    expect(span('\\w+', '¿¡hola!')).toEqual([2, 6]);
    expect(span('[^\\s]+', '  ab  ')).toEqual([2, 4]);
    expect(span('.', '\n\r\u{1F600}')).toEqual([2, 4]);
    expect(span('.', '\n', 's')).toEqual([0, 1]);
  });

  it('given the i flag, then ranges and characters fold case (Kelvin sign too) but categories do not', () => {
    expect(feel('matches("\\u212A", "k", "i")')).toBe('true');
    expect(feel('matches("x", "[A-Z-[OI]]", "i")')).toBe('true');
    expect(feel('matches("i", "[A-Z-[OI]]", "i")')).toBe('false');
    expect(feel('matches("q", "[^Q]", "i")')).toBe('false');
    expect(feel('matches("a", "\\p{Lu}", "i")')).toBe('false');
  });

  it('given anchors and the m flag, then ^ and $ match at line boundaries', () => {
    expect(span('^b$', 'a\nb\nc', 'm')).toEqual([2, 3]);
    expect(span('^b$', 'a\nb\nc')).toBeNull();
    expect(span('^$', 'ab\n\ncd', 'm')).toEqual([3, 3]);
    expect(span('a$', 'a\n')).toBeNull();
  });

  it('given greedy and reluctant quantifiers, then leftmost-first priorities decide the match', () => {
    expect(feel('replace("abracadabra", "a.*?a", "*")')).toBe('"*c*bra"');
    expect(feel('replace("abracadabra", "a.*a", "*")')).toBe('"*"');
    expect(feel('replace("AAAA", "A+?", "b")')).toBe('"bbbb"');
    expect(span('a{2,3}', 'aaaa')).toEqual([0, 3]);
    expect(span('a{2,3}?', 'aaaa')).toEqual([0, 2]);
    expect(span('(?:ab){2}', 'abababab')).toEqual([0, 4]);
    expect(span('a|ab', 'ab')).toEqual([0, 1]);
  });

  it('given replacements, then $N follows XPath (longest group number, $0, \\$), and invalid ones are null', () => {
    expect(feel('replace("abc", "(a)(b)(c)", "$3$2$1")')).toBe('"cba"');
    expect(feel('replace("abc", "(a)", "$12")')).toBe('"a2bc"');
    expect(feel('replace("abc", "b", "[$0]")')).toBe('"a[b]c"');
    expect(feel('replace("abc", "b", "\\\\$")')).toBe('"a$c"');
    expect(feel('replace("abc", "(b)|(x)", "[$2]")')).toBe('"a[]c"');
    expect(feel('replace("abc", "b", "$")')).toBe('null');
    expect(run('replace("abc", "x*", "-")').warnings[0]!.message).toMatch(/empty string/);
  });

  it('given split, then the pieces between delimiter matches come back, empty ones kept', () => {
    expect(feel('split("a;b;;c;", ";")')).toBe('["a", "b", "", "c", ""]');
    expect(feel('split("a1b22c", "[0-9]+")')).toBe('["a", "b", "c"]');
    expect(feel('split("abc", "x*")')).toBe('["a", "b", "c"]');
    expect(feel('split("", ",")')).toBe('[""]');
  });

  it('given invalid XSD patterns (including JavaScript-only syntax), then they are refused', () => {
    const invalid = ['(', 'a)', '[a', '[]', '[b-a]', 'a**', '*a', 'a{2,1}', '(?=a)', '(?<=a)b', '(?!a)', '\\0', '\\3', '(a)\\2', '[\\1]',
      '\\p{Greek}', '\\p{IsNoSuchBlock}', '\\p{ IsBasicLatin}', '\\k', 'a{', '}', ']', 'a{99999}', '[a-\\d]', '^*'];
    for (const p of invalid) expect(() => compileXsdRegex(p, ''), p).toThrow(RegexSyntaxError);
    expect(() => compileXsdRegex('a', 'g')).toThrow(/flags/);
    expect(run('matches("a", "(?=a)")').warnings[0]!.message).toMatch(/matches\(\): invalid pattern .*lookaround/);
  });

  it('given the x and q flags, then whitespace is stripped outside classes and q makes the pattern literal', () => {
    expect(feel('matches("hello world", "hello\\ sworld", "x")')).toBe('true');
    expect(feel('matches("hello world", "\\p{ I s B a s i c L a t i n }+", "x")')).toBe('true');
    expect(feel('matches("a b", "a[ ]b", "x")')).toBe('true');
    expect(feel('matches("x[y-z]", "x[y-z]", "q")')).toBe('true');
    expect(feel('matches("X[Y-Z]", "x[y-z]", "qi")')).toBe('true');
    expect(feel('replace("a.b", ".", "$", "q")')).toBe('"a$b"');
  });

  it('given random patterns of the syntax JavaScript shares, then the match found is the one JavaScript finds', () => {
    // A small deterministic generator (xorshift) over a 3-letter alphabet. Quantifiers apply only
    // to what cannot match the empty string: engines differ on empty iterations (ECMAScript
    // rejects them, even for `?`; RE2 and Perl do not), and XPath does not say.
    let seed = 0x2545f491;
    const rnd = (n: number) => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    type Gen = [source: string, nullable: boolean];
    const atom = (d: number): Gen => {
      switch (rnd(d > 2 ? 4 : 7)) {
        case 0: return ['a', false];
        case 1: return ['b', false];
        case 2: return ['[ab]', false];
        case 3: return ['.', false];
        case 4: { const [p, n] = pattern(d + 1); return [`(${p})`, n]; }
        case 5: { const [p, n] = pattern(d + 1); return [`(?:${p})`, n]; }
        default: return ['[^a]', false];
      }
    };
    const piece = (d: number): Gen => {
      const [a, nullable] = atom(d);
      const q = nullable ? '' : ['', '', '*', '+', '?', '{1,2}', '*?', '+?', '??', '{2,}'][rnd(10)]!;
      return [a + q, nullable || q.startsWith('?') || q.startsWith('*')];
    };
    const pattern = (d: number): Gen => {
      const branch = (): Gen => {
        const pieces = Array.from({ length: 1 + rnd(3) }, () => piece(d));
        return [pieces.map((p) => p[0]).join(''), pieces.every((p) => p[1])];
      };
      if (rnd(4) !== 0) return branch();
      const [a, an] = branch();
      const [b, bn] = branch();
      return [`${a}|${b}`, an || bn];
    };
    for (let i = 0; i < 600; i++) {
      const [p] = pattern(0);
      const input = Array.from({ length: rnd(12) }, () => 'abc'[rnd(3)]).join('');
      const js = new RegExp(p, 'u').exec(input);
      expect(span(p, input), `${p} on '${input}'`).toEqual(js ? [js.index, js.index + js[0].length] : null);
    }
  });
});

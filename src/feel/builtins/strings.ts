import { Decimal } from '../decimal';
import type { CallContext, FeelFunction, FeelValue } from '../values';
import { def, fail, int, list, str } from './define';
import { parseReplacement, regexFor, replaceAll, splitBy } from './regex';

/** FEEL strings count Unicode code points, not UTF-16 units. */
function chars(s: string): string[] {
  return Array.from(s);
}

export const STRINGS: FeelFunction[] = [
  def('substring', ['string, start position, length?'], ([s, st, ln], c) => {
    const x = str(s, c, 'substring', 'string');
    const start = int(st, c, 'substring', 'start position');
    if (x === null || start === null) return null;
    // Code points of a long string are an array as long: paid for like a list.
    c.budget.text(x.length, 'substring');
    const cs = chars(x);
    let len: number | null = cs.length;
    if (ln !== undefined) {
      const l = num2int(ln);
      if (l === null) return fail(c, 'substring(): length must be a number');
      len = l;
      if (len < 0) return fail(c, 'substring(): length must not be negative');
    }
    if (start === 0) return fail(c, 'substring(): start position 0 is out of range');
    const from = start > 0 ? start - 1 : cs.length + start;
    if (from < 0 || from >= cs.length + (start > 0 ? 1 : 0)) return fail(c, 'substring(): start position out of range');
    return cs.slice(from, from + len).join('');
  }),
  def('string length', ['string'], ([s], c) => {
    const x = str(s, c, 'string length', 'string');
    if (x === null) return null;
    c.budget.step(1 + (x.length >>> 4));
    let n = 0;
    for (let i = 0; i < x.length; i++) {
      const u = x.charCodeAt(i);
      // A surrogate pair is one code point.
      if (u < 0xd800 || u > 0xdbff || i + 1 >= x.length) n++;
      else {
        const v = x.charCodeAt(i + 1);
        n++;
        if (v >= 0xdc00 && v <= 0xdfff) i++;
      }
    }
    return new Decimal(n);
  }),
  def('upper case', ['string'], ([s], c) => built(str(s, c, 'upper case', 'string')?.toUpperCase() ?? null, c, 'upper case')),
  def('lower case', ['string'], ([s], c) => built(str(s, c, 'lower case', 'string')?.toLowerCase() ?? null, c, 'lower case')),
  def('substring before', ['string, match'], ([s, m], c) => {
    const x = str(s, c, 'substring before', 'string');
    const y = str(m, c, 'substring before', 'match');
    if (x === null || y === null) return null;
    const i = x.indexOf(y);
    return i < 0 ? '' : x.slice(0, i);
  }),
  def('substring after', ['string, match'], ([s, m], c) => {
    const x = str(s, c, 'substring after', 'string');
    const y = str(m, c, 'substring after', 'match');
    if (x === null || y === null) return null;
    const i = x.indexOf(y);
    return i < 0 ? '' : x.slice(i + y.length);
  }),
  def('contains', ['string, match'], ([s, m], c) => {
    const x = str(s, c, 'contains', 'string');
    const y = str(m, c, 'contains', 'match');
    return x === null || y === null ? null : x.includes(y);
  }),
  def('starts with', ['string, match'], ([s, m], c) => {
    const x = str(s, c, 'starts with', 'string');
    const y = str(m, c, 'starts with', 'match');
    return x === null || y === null ? null : x.startsWith(y);
  }),
  def('ends with', ['string, match'], ([s, m], c) => {
    const x = str(s, c, 'ends with', 'string');
    const y = str(m, c, 'ends with', 'match');
    return x === null || y === null ? null : x.endsWith(y);
  }),
  def('matches', ['input, pattern, flags?'], ([s, p, f], c) => {
    const x = str(s, c, 'matches', 'input');
    const y = str(p, c, 'matches', 'pattern');
    const fl = f === undefined || f === null ? '' : str(f, c, 'matches', 'flags');
    if (x === null || y === null || fl === null) return null;
    const re = regexFor(c, 'matches', y, fl);
    return re && re.test(x, c.budget);
  }),
  def('replace', ['input, pattern, replacement, flags?'], ([s, p, r, f], c) => {
    const x = str(s, c, 'replace', 'input');
    const y = str(p, c, 'replace', 'pattern');
    const z = str(r, c, 'replace', 'replacement');
    const fl = f === undefined || f === null ? '' : str(f, c, 'replace', 'flags');
    if (x === null || y === null || z === null || fl === null) return null;
    const re = regexFor(c, 'replace', y, fl);
    if (!re) return null;
    if (re.test('', c.budget)) return fail(c, 'replace(): the pattern matches the empty string');
    const rep = parseReplacement(z, re.groups, fl.includes('q'));
    if (rep === null) return fail(c, `replace(): invalid replacement '${z}'`);
    return replaceAll(x, re, rep, c.budget);
  }),
  def('split', ['string, delimiter'], ([s, d], c) => {
    const x = str(s, c, 'split', 'string');
    const y = str(d, c, 'split', 'delimiter');
    if (x === null || y === null) return null;
    const re = regexFor(c, 'split', y, '');
    return re && splitBy(x, re, c.budget);
  }),
  def('string join', ['list, delimiter?'], ([l, d], c) => {
    const xs = list(l, c, 'string join', 'list');
    if (xs === null) return null;
    const sep = d === undefined || d === null ? '' : str(d, c, 'string join', 'delimiter');
    if (sep === null) return null;
    const parts: string[] = [];
    let length = 0;
    for (const e of xs) {
      if (e === null) continue;
      if (typeof e !== 'string') return fail(c, 'string join(): list must contain strings');
      length += e.length + (parts.length ? sep.length : 0);
      parts.push(e);
    }
    // Checked before joining: a list of a thousand copies of a large string must not be built.
    c.budget.text(length, 'string join');
    return parts.join(sep);
  }),
];

/** A string built by a built-in, once the budget allows its size. */
function built(s: string | null, c: CallContext, fn: string): string | null {
  if (s !== null && s.length > 64) c.budget.text(s.length, fn);
  return s;
}

function num2int(v: FeelValue | undefined): number | null {
  return v instanceof Decimal ? v.trunc().toNumber() : null;
}

import type { Budget } from '../budget';
import { allMatches, compileXsdRegex, groupText, RegexSyntaxError, type XsdRegex } from '../regex';
import type { CallContext, FeelValue } from '../values';

/**
 * The regex side of the string built-ins: patterns compiled by `src/feel/regex` (linear time,
 * XML Schema syntax), XPath replacement strings, and `split` on a pattern.
 */

/** The compiled pattern, or null with a warning naming the function and the reason. */
export function regexFor(c: CallContext, fn: string, pattern: string, flags: string): XsdRegex | null {
  try {
    return compileXsdRegex(pattern, flags);
  } catch (e) {
    if (!(e instanceof RegexSyntaxError)) throw e;
    c.warn(`${fn}(): invalid pattern or flags '${pattern}' '${flags}': ${e.message}`);
    return null;
  }
}

/** A replacement as literal text and group numbers. */
type Replacement = readonly (string | number)[];

/**
 * Parses an XPath replacement string (F&O 3.1 `fn:replace`): `$N` names group N (digits are taken
 * while they name a group; beyond the groups, `$N` for N ≤ 9 is empty), `\$` and `\\` are literal.
 * Null when invalid (a lone `$`, any other `\`).
 */
export function parseReplacement(r: string, groups: number, literal: boolean): Replacement | null {
  if (literal) return [r];
  const out: (string | number)[] = [];
  let text = '';
  for (let i = 0; i < r.length; i++) {
    const ch = r[i]!;
    if (ch === '\\') {
      const n = r[i + 1];
      if (n !== '$' && n !== '\\') return null;
      text += n;
      i++;
    } else if (ch === '$') {
      if (!/[0-9]/.test(r[i + 1] ?? '')) return null;
      let j = i + 1;
      let n = 0;
      // The longest run of digits that still names a group (or is a single digit).
      while (j < r.length && /[0-9]/.test(r[j]!)) {
        const longer = n * 10 + Number(r[j]);
        if (j > i + 1 && longer > groups) break;
        n = longer;
        j++;
      }
      if (text) out.push(text);
      text = '';
      out.push(n);
      i = j - 1;
    } else text += ch;
  }
  if (text) out.push(text);
  return out;
}

/** Replaces every match; the result's size is checked as it grows, before it is built. */
export function replaceAll(input: string, re: XsdRegex, rep: Replacement, budget: Budget): string {
  const parts: string[] = [];
  let length = 0;
  let last = 0;
  const push = (s: string) => {
    length += s.length;
    if (length > budget.limits.maxStringLength) budget.text(length, 'replace');
    parts.push(s);
  };
  for (const m of allMatches(re, input, budget)) {
    push(input.slice(last, m[0]));
    for (const p of rep) push(typeof p === 'string' ? p : p <= re.groups ? groupText(input, m, p) : '');
    last = m[1]!;
  }
  push(input.slice(last));
  budget.text(length, 'replace');
  return parts.join('');
}

/**
 * The substrings between matches of the delimiter. As JavaScript's `split` (which FEEL engines
 * follow): an empty match at the start of a piece does not split; captured groups are not
 * included (FEEL returns the substrings only).
 */
export function splitBy(input: string, re: XsdRegex, budget: Budget): FeelValue[] {
  const out: FeelValue[] = [];
  let piece = 0;
  let from = 0;
  while (from < input.length) {
    const m = re.search(input, from, budget);
    if (!m || m[0]! >= input.length) break;
    if (m[1] === piece) {
      // An empty match where the piece starts: look one character further.
      from = m[0]! + (input.codePointAt(m[0]!)! > 0xffff ? 2 : 1);
      continue;
    }
    budget.checkSize(out.length + 1, 'split');
    out.push(input.slice(piece, m[0]));
    piece = m[1]!;
    from = piece;
  }
  out.push(input.slice(piece));
  return out;
}

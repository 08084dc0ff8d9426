/**
 * XML Schema / XPath regular expressions with a linear-time matcher (see ADR 0015): what FEEL's
 * `matches`, `replace`, `split` and Camunda's `extract` run on. The host's RegExp is never handed
 * a user pattern (it backtracks: `(a+)+$` on forty a's takes hours), only single code points
 * (for `\p{..}` categories).
 *
 * @example
 * const re = compileXsdRegex('(a+)+$', '');
 * re.search('a'.repeat(40) + '!', 0, budget); // null, in microseconds
 */
import type { Budget } from '../budget';
import { backtrackSearch, pikeSearch } from './match';
import { parseRegex, RegexSyntaxError } from './parse';
import { compileProgram, type Program } from './program';

export { RegexSyntaxError } from './parse';

/** A compiled pattern. Immutable; cached per pattern and flags. */
export interface XsdRegex {
  /** Capturing groups in the pattern. */
  readonly groups: number;
  /**
   * The leftmost-first match starting at or after `from` (a UTF-16 offset): its slots
   * `[start, end, g1start, g1end, …]` (-1 for a group that took no part), or null.
   */
  search(input: string, from: number, budget: Budget): readonly number[] | null;
  /** Whether the pattern matches anywhere in `input` (no groups tracked: cheaper than `search`). */
  test(input: string, budget: Budget): boolean;
}

class Compiled implements XsdRegex {
  constructor(
    private readonly prog: Program,
    private readonly backtrack: boolean,
    readonly groups: number,
    /** The pattern is this literal text (no metacharacters, no `i`): `indexOf` finds it. */
    private readonly literal: string | null,
  ) {}

  search(input: string, from: number, budget: Budget): readonly number[] | null {
    if (this.literal !== null) {
      budget.step(1 + (input.length >>> 6));
      const i = input.indexOf(this.literal, from);
      return i < 0 ? null : [i, i + this.literal.length];
    }
    return this.backtrack ? backtrackSearch(this.prog, input, from, budget) : pikeSearch(this.prog, input, from, budget);
  }

  test(input: string, budget: Budget): boolean {
    if (this.literal !== null || this.backtrack) return this.search(input, 0, budget) !== null;
    return pikeSearch(this.prog, input, 0, budget, false) !== null;
  }
}

const cache = new Map<string, XsdRegex | RegexSyntaxError>();
const CACHE_SIZE = 512;

/**
 * Compiles a pattern with XPath flags (`s m i x q`).
 * @throws RegexSyntaxError for an invalid pattern or flags (cached as such).
 */
export function compileXsdRegex(pattern: string, flags: string): XsdRegex {
  const key = `${flags}\u0000${pattern}`;
  let hit = cache.get(key);
  if (hit === undefined) {
    try {
      const parsed = parseRegex(pattern, flags);
      const literal = parsed.root.t === 'char' ? [parsed.root] : parsed.root.t === 'cat' && parsed.root.items.every((n) => n.t === 'char') ? parsed.root.items : null;
      const text = literal ? String.fromCodePoint(...literal.map((n) => (n as { cp: number }).cp)) : null;
      hit = new Compiled(compileProgram(parsed, parsed.hasBackrefs), parsed.hasBackrefs, parsed.groups, text);
    } catch (e) {
      if (!(e instanceof RegexSyntaxError)) throw e;
      hit = e;
    }
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(key, hit);
  }
  if (hit instanceof RegexSyntaxError) throw hit;
  return hit;
}

/**
 * Every non-overlapping match, left to right; after an empty match the search moves on one
 * character (as XPath's `analyze-string` and JavaScript's global matching do).
 */
export function* allMatches(re: XsdRegex, input: string, budget: Budget): Generator<readonly number[]> {
  let from = 0;
  while (from <= input.length) {
    const m = re.search(input, from, budget);
    if (!m) return;
    yield m;
    from = m[1]! > m[0]! ? m[1]! : m[1]! + (input.codePointAt(m[1]!)! > 0xffff ? 2 : 1);
  }
}

/** The text of group `g` of a match ('' when it took no part). */
export function groupText(input: string, m: readonly number[], g: number): string {
  const s = m[2 * g] ?? -1;
  const e = m[2 * g + 1] ?? -1;
  return s < 0 || e < 0 ? '' : input.slice(s, e);
}

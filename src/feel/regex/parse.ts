/**
 * Parses XML Schema regular expressions as XPath 3.1 (F&O §5.6.1) extends them, the dialect of
 * FEEL's `matches`, `replace` and `split`: `^`/`$` anchors, reluctant quantifiers, back-references,
 * non-capturing groups `(?:…)`, class subtraction `[a-z-[aeiou]]`, `\p{Lu}`, `\p{IsGreek}`,
 * `\i \c`. Anything else is invalid (JavaScript-only syntax such as lookahead included), so an
 * invalid XSD pattern never silently matches.
 */
import {
  Cached, CaseInsensitive, type CharSet, DOT, ANY, Difference, MULTI_CHAR_ESCAPES, Negated, propertySet, RangeSet, Union,
} from './charset';

export type RegexNode =
  | { readonly t: 'empty' }
  | { readonly t: 'char'; readonly cp: number }
  | { readonly t: 'set'; readonly set: CharSet }
  | { readonly t: 'bol' }
  | { readonly t: 'eol' }
  | { readonly t: 'group'; readonly index: number | null; readonly body: RegexNode }
  | { readonly t: 'cat'; readonly items: readonly RegexNode[] }
  | { readonly t: 'alt'; readonly items: readonly RegexNode[] }
  | { readonly t: 'repeat'; readonly body: RegexNode; readonly min: number; readonly max: number; readonly greedy: boolean }
  | { readonly t: 'backref'; readonly index: number };

export interface ParsedRegex {
  readonly root: RegexNode;
  /** Number of capturing groups. */
  readonly groups: number;
  readonly hasBackrefs: boolean;
  readonly flags: RegexFlags;
}

export interface RegexFlags {
  readonly dotAll: boolean;
  readonly multiline: boolean;
  readonly ignoreCase: boolean;
}

/** Thrown for an invalid pattern or flags; callers turn it into null with a warning. */
export class RegexSyntaxError extends Error {}

/** The largest `{n,m}` bound accepted; larger counts are refused rather than expanded. */
const MAX_COUNT = 10_000;

/** Parses `pattern` with XPath `flags` (`s m i x q`). @throws RegexSyntaxError */
export function parseRegex(pattern: string, flags: string): ParsedRegex {
  if (!/^[smixq]*$/.test(flags)) throw new RegexSyntaxError(`invalid flags '${flags}'`);
  const f: RegexFlags = { dotAll: flags.includes('s'), multiline: flags.includes('m'), ignoreCase: flags.includes('i') };
  const cps = Array.from(flags.includes('x') && !flags.includes('q') ? stripWhitespace(pattern) : pattern, (c) => c.codePointAt(0)!);
  if (flags.includes('q')) {
    return { root: { t: 'cat', items: cps.map((cp) => literal(cp, f)) }, groups: 0, hasBackrefs: false, flags: f };
  }
  const p = new PatternParser(cps, f);
  const root = p.alternation();
  if (p.pos < cps.length) throw new RegexSyntaxError(`unexpected '${String.fromCodePoint(cps[p.pos]!)}'`);
  return { root, groups: p.groups, hasBackrefs: p.hasBackrefs, flags: f };
}

function literal(cp: number, f: RegexFlags): RegexNode {
  return f.ignoreCase ? { t: 'set', set: new Cached(new CaseInsensitive(new RangeSet([[cp, cp]]))) } : { t: 'char', cp };
}

/** The `x` flag: whitespace goes, except inside character classes (escapes are kept whole). */
function stripWhitespace(p: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i]!;
    if (ch === '\\') {
      // An escape's letter may follow whitespace (`\ s` is `\s`) outside a class.
      let j = i + 1;
      if (depth === 0) while (j < p.length && /[\t\n\r ]/.test(p[j]!)) j++;
      out += ch + (p[j] ?? '');
      i = j;
      continue;
    }
    if (ch === '[') depth++;
    else if (ch === ']' && depth > 0) depth--;
    if (depth === 0 && /[\t\n\r ]/.test(ch)) continue;
    out += ch;
  }
  return out;
}

const cp = (s: string) => s.codePointAt(0)!;
const SINGLE_ESCAPES = new Map<number, number>([
  [cp('n'), 0x0a], [cp('r'), 0x0d], [cp('t'), 0x09],
  ...[...'\\|.?*+(){}-[]^$'].map((c) => [cp(c), cp(c)] as [number, number]),
]);

class PatternParser {
  pos = 0;
  groups = 0;
  hasBackrefs = false;
  /** Groups whose closing parenthesis has been read (back-references may only name those). */
  private readonly closed = new Set<number>();

  constructor(
    private readonly s: readonly number[],
    private readonly f: RegexFlags,
  ) {}

  private peek(k = 0): number | undefined {
    return this.s[this.pos + k];
  }

  private is(ch: string, k = 0): boolean {
    return this.s[this.pos + k] === cp(ch);
  }

  alternation(): RegexNode {
    const items = [this.branch()];
    while (this.is('|')) {
      this.pos++;
      items.push(this.branch());
    }
    return items.length === 1 ? items[0]! : { t: 'alt', items };
  }

  private branch(): RegexNode {
    const items: RegexNode[] = [];
    while (this.pos < this.s.length && !this.is('|') && !this.is(')')) items.push(this.piece());
    return items.length === 0 ? { t: 'empty' } : items.length === 1 ? items[0]! : { t: 'cat', items };
  }

  private piece(): RegexNode {
    const atom = this.atom();
    const q = this.quantifier();
    if (!q) return atom;
    if (atom.t === 'bol' || atom.t === 'eol') throw new RegexSyntaxError('an anchor cannot be repeated');
    if (this.quantifier()) throw new RegexSyntaxError('a quantifier cannot follow a quantifier');
    return { t: 'repeat', body: atom, ...q };
  }

  private quantifier(): { min: number; max: number; greedy: boolean } | undefined {
    let min: number;
    let max: number;
    if (this.is('?')) [min, max] = [0, 1];
    else if (this.is('*')) [min, max] = [0, Infinity];
    else if (this.is('+')) [min, max] = [1, Infinity];
    else if (this.is('{')) {
      this.pos++;
      min = this.number();
      max = min;
      if (this.is(',')) {
        this.pos++;
        max = this.is('}') ? Infinity : this.number();
      }
      if (!this.is('}')) throw new RegexSyntaxError("expected '}'");
      if (max < min) throw new RegexSyntaxError(`{${min},${max}}: the maximum is below the minimum`);
    } else return undefined;
    this.pos++;
    let greedy = true;
    if (this.is('?')) {
      this.pos++;
      greedy = false;
    }
    return { min, max, greedy };
  }

  private number(): number {
    const start = this.pos;
    while (this.peek() !== undefined && this.peek()! >= 0x30 && this.peek()! <= 0x39) this.pos++;
    if (this.pos === start) throw new RegexSyntaxError('expected a number in {…}');
    const n = Number(String.fromCodePoint(...this.s.slice(start, this.pos)));
    if (n > MAX_COUNT) throw new RegexSyntaxError(`repetition count ${n} is larger than ${MAX_COUNT}`);
    return n;
  }

  private atom(): RegexNode {
    const c = this.peek()!;
    switch (String.fromCodePoint(c)) {
      case '(':
        return this.group();
      case '[':
        return { t: 'set', set: new Cached(this.classExpr()) };
      case '.':
        this.pos++;
        return { t: 'set', set: this.f.dotAll ? ANY : DOT };
      case '^':
        this.pos++;
        return { t: 'bol' };
      case '$':
        this.pos++;
        return { t: 'eol' };
      case '\\':
        return this.escape();
      case '?': case '*': case '+': case '{': case '}': case ']': case ')':
        throw new RegexSyntaxError(`unexpected '${String.fromCodePoint(c)}'`);
    }
    this.pos++;
    return literal(c, this.f);
  }

  private group(): RegexNode {
    this.pos++;
    let index: number | null = null;
    if (this.is('?')) {
      if (!this.is(':', 1)) throw new RegexSyntaxError("'(?' is only valid as '(?:' (no lookaround in XML Schema)");
      this.pos += 2;
    } else index = ++this.groups;
    const body = this.alternation();
    if (!this.is(')')) throw new RegexSyntaxError("missing ')'");
    this.pos++;
    if (index !== null) this.closed.add(index);
    return { t: 'group', index, body };
  }

  private escape(): RegexNode {
    const c = this.peek(1);
    if (c === undefined) throw new RegexSyntaxError('pattern ends with a backslash');
    if (c >= 0x31 && c <= 0x39) return this.backref();
    const set = this.escapeSet();
    if (set) return { t: 'set', set };
    return literal(this.singleEscape(), this.f);
  }

  /** `\N`: the longest digit run naming a group closed before this point (F&O 3.1 §5.6.1). */
  private backref(): RegexNode {
    this.pos++;
    let n = this.peek()! - 0x30;
    this.pos++;
    while (this.peek() !== undefined && this.peek()! >= 0x30 && this.peek()! <= 0x39) {
      const longer = n * 10 + (this.peek()! - 0x30);
      if (!this.closed.has(longer)) break;
      n = longer;
      this.pos++;
    }
    if (!this.closed.has(n)) throw new RegexSyntaxError(`back-reference \\${n} names no group closed before it`);
    this.hasBackrefs = true;
    return { t: 'backref', index: n };
  }

  /** A multi-character or category escape at `\`, consumed; undefined for any other escape. */
  private escapeSet(): CharSet | undefined {
    const c = String.fromCodePoint(this.peek(1)!);
    const multi = MULTI_CHAR_ESCAPES.get(c);
    if (multi) {
      this.pos += 2;
      return multi;
    }
    if (c !== 'p' && c !== 'P') return undefined;
    this.pos += 2;
    if (!this.is('{')) throw new RegexSyntaxError(`expected '{' after \\${c}`);
    const end = this.s.indexOf(cp('}'), this.pos);
    if (end < 0) throw new RegexSyntaxError(`unterminated \\${c}{`);
    const name = String.fromCodePoint(...this.s.slice(this.pos + 1, end));
    this.pos = end + 1;
    const set = propertySet(name);
    if (!set) throw new RegexSyntaxError(`unknown character category or block '${name}'`);
    return c === 'P' ? new Negated(set) : set;
  }

  /** `\n \r \t` and escaped metacharacters; anything else is invalid. */
  private singleEscape(): number {
    const c = this.peek(1)!;
    const v = SINGLE_ESCAPES.get(c);
    if (v === undefined) throw new RegexSyntaxError(`invalid escape '\\${String.fromCodePoint(c)}'`);
    this.pos += 2;
    return v;
  }

  /**
   * `[...]`, `[^...]`, `[...-[...]]`. Ranges and single characters fold case under `i`;
   * category escapes do not (`\p{Lu}` stays upper case, as F&O specifies).
   */
  private classExpr(): CharSet {
    this.pos++;
    let negate = false;
    if (this.is('^')) {
      negate = true;
      this.pos++;
    }
    const ranges: [number, number][] = [];
    const escapes: CharSet[] = [];
    let subtract: CharSet | undefined;
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw new RegexSyntaxError("missing ']'");
      if (c === cp(']')) {
        if (first) throw new RegexSyntaxError('empty character class');
        break;
      }
      if (c === cp('-') && this.is('[', 1) && !first) {
        this.pos++;
        subtract = this.classExpr();
        if (!this.is(']')) throw new RegexSyntaxError("a subtraction must end its character class");
        break;
      }
      first = false;
      if (c === cp('[')) throw new RegexSyntaxError("'[' inside a character class must be escaped");
      if (c === cp('\\')) {
        const set = this.escapeSet();
        if (set) {
          escapes.push(set);
          continue;
        }
      }
      const lo = this.classChar();
      // `-` makes a range unless it ends the class or starts a subtraction; then it is itself.
      if (this.is('-') && !this.is(']', 1) && !this.is('[', 1) && this.peek(1) !== undefined) {
        this.pos++;
        if (this.is('\\') && this.escapeSetAhead()) throw new RegexSyntaxError('a range cannot end in a multi-character escape');
        const hi = this.classChar();
        if (hi < lo) throw new RegexSyntaxError('a character range must not be descending');
        ranges.push([lo, hi]);
      } else ranges.push([lo, lo]);
    }
    this.pos++;
    const folded = this.f.ignoreCase && ranges.length ? new CaseInsensitive(new RangeSet(ranges)) : new RangeSet(ranges);
    let set: CharSet = escapes.length ? new Union([folded, ...escapes]) : folded;
    if (negate) set = new Negated(set);
    if (subtract) set = new Difference(set, subtract);
    return set;
  }

  private escapeSetAhead(): boolean {
    const c = this.peek(1);
    return c !== undefined && (MULTI_CHAR_ESCAPES.has(String.fromCodePoint(c)) || c === cp('p') || c === cp('P'));
  }

  /** One character of a class: itself, or a single-character escape. */
  private classChar(): number {
    const c = this.peek()!;
    if (c === cp('\\')) return this.singleEscape();
    this.pos++;
    return c;
  }
}

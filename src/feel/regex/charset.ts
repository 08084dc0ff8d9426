/**
 * Character sets of XML Schema regular expressions: ranges, `\p{..}` categories and blocks, the
 * multi-character escapes (`\s \d \w \i \c` and complements), negation and class subtraction.
 * Every set answers `has(codePoint)` in constant time: ASCII from a bitmap built once, other code
 * points by a small cached test, so matching stays linear in the input.
 */
import { BLOCKS } from './blocks';

/** A set of code points. */
export interface CharSet {
  has(cp: number): boolean;
}

/** Sorted, inclusive `[lo, hi]` ranges. */
export class RangeSet implements CharSet {
  constructor(private readonly ranges: readonly (readonly [number, number])[]) {}

  has(cp: number): boolean {
    for (const [lo, hi] of this.ranges) if (cp >= lo && cp <= hi) return true;
    return false;
  }
}

/** A set with any of a code point's case variants in `inner` (XPath's case-insensitive mode). */
export class CaseInsensitive implements CharSet {
  constructor(private readonly inner: CharSet) {}

  has(cp: number): boolean {
    const vs = caseVariants(cp);
    for (let i = 0; i < vs.length; i++) if (this.inner.has(vs[i]!)) return true;
    return false;
  }
}

export class Union implements CharSet {
  constructor(private readonly parts: readonly CharSet[]) {}

  has(cp: number): boolean {
    for (const p of this.parts) if (p.has(cp)) return true;
    return false;
  }
}

export class Negated implements CharSet {
  constructor(private readonly inner: CharSet) {}

  has(cp: number): boolean {
    return !this.inner.has(cp);
  }
}

/** `[base-[minus]]`: XML Schema character class subtraction. */
export class Difference implements CharSet {
  constructor(
    private readonly base: CharSet,
    private readonly minus: CharSet,
  ) {}

  has(cp: number): boolean {
    return this.base.has(cp) && !this.minus.has(cp);
  }
}

/** Caches another set: an ASCII bitmap, and a bounded memo for the rest. */
export class Cached implements CharSet {
  private readonly ascii = new Uint8Array(128);
  private readonly memo = new Map<number, boolean>();

  constructor(private readonly inner: CharSet) {
    for (let c = 0; c < 128; c++) this.ascii[c] = inner.has(c) ? 1 : 0;
  }

  has(cp: number): boolean {
    if (cp < 128) return this.ascii[cp] === 1;
    let r = this.memo.get(cp);
    if (r === undefined) {
      r = this.inner.has(cp);
      if (this.memo.size < 4096) this.memo.set(cp, r);
    }
    return r;
  }
}

/** A Unicode property tested through the host's RegExp (one code point at a time: constant time). */
class Property implements CharSet {
  private readonly re: RegExp;
  constructor(source: string) {
    this.re = new RegExp(`^${source}$`, 'u');
  }

  has(cp: number): boolean {
    return this.re.test(String.fromCodePoint(cp));
  }
}

/** The general categories XML Schema names (`\p{Lu}`); scripts and binary properties are not XSD. */
const CATEGORIES = new Set([
  'L', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'M', 'Mn', 'Mc', 'Me', 'N', 'Nd', 'Nl', 'No', 'P', 'Pc', 'Pd', 'Ps', 'Pe',
  'Pi', 'Pf', 'Po', 'Z', 'Zs', 'Zl', 'Zp', 'S', 'Sm', 'Sc', 'Sk', 'So', 'C', 'Cc', 'Cf', 'Co', 'Cn',
]);

const properties = new Map<string, CharSet>();

/** `\p{name}`: a general category or an `Is` block; undefined for names XML Schema does not know. */
export function propertySet(name: string): CharSet | undefined {
  let set = properties.get(name);
  if (set) return set;
  if (CATEGORIES.has(name)) set = new Cached(new Property(`\\p{${name}}`));
  else if (name.startsWith('Is')) {
    const ranges = BLOCKS.get(name.slice(2));
    if (ranges) set = new RangeSet(ranges);
  }
  if (set) properties.set(name, set);
  return set;
}

// XML 1.0 (fifth edition) NameStartChar and NameChar, which XML Schema's \i and \c denote.
const NAME_START: [number, number][] = [
  [0x3a, 0x3a], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a], [0xc0, 0xd6], [0xd8, 0xf6], [0xf8, 0x2ff],
  [0x370, 0x37d], [0x37f, 0x1fff], [0x200c, 0x200d], [0x2070, 0x218f], [0x2c00, 0x2fef], [0x3001, 0xd7ff],
  [0xf900, 0xfdcf], [0xfdf0, 0xfffd], [0x10000, 0xeffff],
];
const NAME_EXTRA: [number, number][] = [[0x2d, 0x2e], [0x30, 0x39], [0xb7, 0xb7], [0x300, 0x36f], [0x203f, 0x2040]];

const nameStart = new Cached(new RangeSet(NAME_START));
const nameChar = new Cached(new Union([nameStart, new RangeSet(NAME_EXTRA)]));
const space = new RangeSet([[0x9, 0xa], [0xd, 0xd], [0x20, 0x20]]);
const digit = new Cached(new Property('\\p{Nd}'));
// \w is every character except punctuation, separators and "other" (XML Schema's definition).
const word = new Cached(new Negated(new Property('[\\p{P}\\p{Z}\\p{C}]')));

/** The multi-character escapes `\s \S \i \I \c \C \d \D \w \W`, by letter. */
export const MULTI_CHAR_ESCAPES: ReadonlyMap<string, CharSet> = new Map<string, CharSet>([
  ['s', space], ['S', new Negated(space)],
  ['i', nameStart], ['I', new Negated(nameStart)],
  ['c', nameChar], ['C', new Negated(nameChar)],
  ['d', digit], ['D', new Negated(digit)],
  ['w', word], ['W', new Negated(word)],
]);

/** `.`: every character but newline and carriage return (or every character with the `s` flag). */
export const DOT: CharSet = new Negated(new RangeSet([[0xa, 0xa], [0xd, 0xd]]));
export const ANY: CharSet = { has: () => true };

const variants = new Map<number, readonly number[]>();

/**
 * A code point and its simple case variants (lower, upper and their round trips), so that the
 * Kelvin sign matches `k` and `K` under the `i` flag. Variants spanning several code points
 * (`ß` → `SS`) are not simple case mappings and are left out.
 */
export function caseVariants(cp: number): readonly number[] {
  let vs = variants.get(cp);
  if (vs) return vs;
  const s = String.fromCodePoint(cp);
  const out = [cp];
  for (const t of [s.toLowerCase(), s.toUpperCase(), s.toUpperCase().toLowerCase(), s.toLowerCase().toUpperCase()]) {
    const c = t.codePointAt(0)!;
    if (t.length === String.fromCodePoint(c).length && !out.includes(c)) out.push(c);
  }
  vs = out;
  if (variants.size < 65536) variants.set(cp, vs);
  return vs;
}

/** Character tests, codes and the string cache of the XES scanner (`xes-scan.ts`). */

/**
 * Short strings by content: the last string seen in a slot (hashed on length and two characters)
 * is reused when the text matches, so repeated names and values are one string object.
 */
export class StringCache {
  private readonly slots: Array<string | undefined>;
  private readonly mask: number;

  constructor(size: number) {
    this.slots = new Array<string | undefined>(size);
    this.mask = size - 1;
  }

  /** The string with `buf`'s text from `from` to `to` (a string seen before when there is one). */
  get(buf: string, from: number, to: number): string {
    const len = to - from;
    if (len === 0) return '';
    const slot = (len * 31 + buf.charCodeAt(from) * 7 + buf.charCodeAt(to - 1) + buf.charCodeAt(from + (len >> 1)) * 3) & this.mask;
    const s = this.slots[slot];
    if (s !== undefined && s.length === len && same(buf, from, s)) return s;
    const v = from === 0 && to === buf.length ? buf : buf.slice(from, to);
    this.slots[slot] = v;
    return v;
  }
}

export const SLASH = 47;
export const BANG = 33;
export const QUESTION = 63;
export const GT = 62;
export const LT = 60;
export const EQ = 61;
export const QUOT = 34;
export const APOS = 39;
export const AMP = 38;
export const HASH = 35;

export const ENTITIES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" });

/** Whether `buf` has `s` at `at` (a loop: `startsWith` with a position was most of the scanning time). */
export function same(buf: string, at: number, s: string): boolean {
  for (let k = 0; k < s.length; k++) if (buf.charCodeAt(at + k) !== s.charCodeAt(k)) return false;
  return true;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

export function isNameEnd(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 10 || c === 9 || c === 13 || c !== c;
}

export function isXmlChar(c: number): boolean {
  return c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

import { strFromU8, strToU8 } from 'fflate';

/** Byte tests, codes, decoding and the byte intern table of the XES scanner (`xes-scan.ts`). */

/**
 * Short strings by their UTF-8 bytes: the last string seen in a slot (hashed on the length and
 * three bytes) is handed out again when the bytes match, so a repeated name or value is neither
 * decoded nor allocated again, and is the same string object every time (later `Map` lookups
 * hash it once).
 */
export class ByteCache {
  private readonly strings: Array<string | undefined>;
  /** The bytes of each slot's string (kept by the scanner's stack of open names too). */
  readonly bytes: Array<Uint8Array | undefined>;
  private readonly mask: number;
  /** The slot of the last {@link get}. */
  slot = 0;

  constructor(size: number) {
    this.strings = new Array<string | undefined>(size);
    this.bytes = new Array<Uint8Array | undefined>(size);
    this.mask = size - 1;
  }

  /** The string of `buf[from..to)` (`ascii`: no byte above 127; then decoded here without a decoder). */
  get(buf: Uint8Array, from: number, to: number, ascii: boolean): string {
    const len = to - from;
    if (len === 0) return '';
    const slot = (this.slot = (len * 31 + buf[from] * 7 + buf[to - 1] + buf[from + (len >> 1)] * 3) & this.mask);
    const b = this.bytes[slot];
    if (b !== undefined && b.length === len && sameBytes(buf, from, b)) return this.strings[slot] as string;
    const s = decode(buf, from, to, ascii);
    this.strings[slot] = s;
    this.bytes[slot] = buf.slice(from, to);
    return s;
  }

  /** Seeds a string (the handler's literals: then the scanner hands out these very objects). */
  seed(s: string): void {
    const b = strToU8(s);
    this.get(b, 0, b.length, false);
    this.strings[this.slot] = s;
  }
}

/** The text of `buf[from..to)`; `ascii`: known to be 7-bit, decoded by char codes (a decoder call costs more than a short value). */
export function decode(buf: Uint8Array, from: number, to: number, ascii: boolean): string {
  if (ascii && to - from <= 64) {
    let s = '';
    for (let i = from; i < to; i++) s += String.fromCharCode(buf[i]);
    return s;
  }
  return strFromU8(buf.subarray(from, to));
}

/** Whether `buf` has the bytes `b` at `at`. */
export function sameBytes(buf: Uint8Array, at: number, b: Uint8Array): boolean {
  for (let k = 0; k < b.length; k++) if (buf[at + k] !== b[k]) return false;
  return true;
}

/** Whether `buf` has the ASCII text `s` at `at`. */
export function startsWith(buf: Uint8Array, at: number, s: string): boolean {
  if (at + s.length > buf.length) return false;
  for (let k = 0; k < s.length; k++) if (buf[at + k] !== s.charCodeAt(k)) return false;
  return true;
}

/** Where `buf` has the ASCII text `s` at or after `from` (-1: nowhere). */
export function indexOfText(buf: Uint8Array, s: string, from: number): number {
  const first = s.charCodeAt(0);
  for (let i = buf.indexOf(first, from); i >= 0; i = buf.indexOf(first, i + 1)) if (startsWith(buf, i, s)) return i;
  return -1;
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

export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Ends a name: a space, `>`, `/`, or the end of the buffer (undefined). */
export function isNameEnd(c: number | undefined): boolean {
  return c === 32 || c === 62 || c === 47 || c === 10 || c === 9 || c === 13 || c === undefined;
}

export function isXmlChar(c: number): boolean {
  return c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

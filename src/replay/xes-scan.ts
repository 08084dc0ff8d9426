import { LogError } from './model';
import { AMP, APOS, BANG, ByteCache, decode, ENTITIES, EQ, GT, HASH, indexOfText, isNameEnd, isSpace, isXmlChar, LT, QUESTION, QUOT, sameBytes, SLASH, startsWith } from './xes-chars';
import { parseXesDate, parseXesDateBytes } from './xes-date';

const EMPTY = new Uint8Array(0);
/** Attribute value flags: references or tabs and line breaks to replace; bytes above 127. */
const SPECIAL = 1;
const WIDE = 2;

/**
 * A hand-written XML scanner for XES over UTF-8 bytes, streaming (chunks may end anywhere, also
 * inside a character). It knows exactly what XES needs: elements, attributes in either quote,
 * the five predefined entities and numeric character references, comments, processing
 * instructions and CDATA (skipped: XES keeps everything in attributes). A DOCTYPE or an entity
 * declaration is refused with an error naming the line, so no document can define entities.
 * Text is ignored inside elements and must be blank outside the root. Why not saxes:
 * docs/adr/0180; why bytes: docs/adr/0181.
 *
 * Speed comes from doing little per byte and decoding only what is kept: names and short values
 * are interned by their bytes ({@link ByteCache}: a repeated `concept:name` or activity is
 * neither decoded nor allocated), timestamps are parsed from the bytes ({@link date}), other
 * values decoded only when asked for, attributes handed over in reused arrays, line numbers
 * counted only when asked for.
 *
 * @example
 * const s = new XmlScanner('log.xes', { open(name, empty) {...}, close(name) {...} });
 * s.write(bytes); s.end();
 */
export class XmlScanner {
  // The attributes of the element just opened: names, and where their values are in `buf`.
  private readonly attrNames: string[] = [];
  private readonly attrFrom: number[] = [];
  private readonly attrTo: number[] = [];
  private readonly attrFlags: number[] = [];
  private attrCount = 0;
  private buf: Uint8Array = EMPTY;
  private pos = 0;
  private readonly stack: string[] = [];
  private readonly stackBytes: Uint8Array[] = [];
  private sawRoot = false;
  private started = false;
  private tagStart = 0;
  // Lines: `line` is the line at `counted` (a position in `buf`); `nextNl` the next newline at or after it.
  private line = 1;
  private counted = 0;
  private nextNl = -1;
  private readonly names = new ByteCache(256);
  private readonly values = new ByteCache(1024);

  /** `known`: strings to hand out for matching names and values (the handler's literals: compared by identity). */
  constructor(
    private readonly file: string,
    private readonly handler: XmlHandler,
    known: readonly string[] = [],
  ) {
    for (const k of known) {
      this.names.seed(k);
      this.values.seed(k);
    }
  }

  /**
   * Scans a chunk of bytes; a construct cut by the chunk's end is finished by the next (its
   * bytes, a tag or less as a rule, are copied in front of the next chunk: the chunk itself is
   * scanned where it is, in place, when nothing is cut).
   */
  write(chunk: Uint8Array): void {
    const left = this.buf.length - this.pos;
    this.lineAt(this.pos);
    let next = chunk;
    if (left > 0) {
      next = new Uint8Array(left + chunk.length);
      next.set(this.buf.subarray(this.pos));
      next.set(chunk, left);
    }
    this.buf = next;
    this.pos = 0;
    this.counted = 0;
    this.nextNl = -1;
    if (!this.started) {
      if (next.length < 3) return; // wait for enough bytes to see a byte order mark
      this.started = true;
      if (next[0] === 0xef && next[1] === 0xbb && next[2] === 0xbf) this.pos = this.counted = 3;
    }
    this.scan();
  }

  /** The end of the input: everything must be closed. */
  end(): void {
    if (!this.started && this.buf.length > 0) {
      this.started = true;
      this.scan();
    }
    if (this.pos < this.buf.length) {
      this.tagStart = this.pos;
      throw this.fail('the file ends inside a tag, comment or CDATA section');
    }
    if (this.stack.length > 0) {
      this.tagStart = this.buf.length;
      throw this.fail(`the file ends before </${this.stack[this.stack.length - 1]}>`);
    }
    if (!this.sawRoot) throw this.fail('no root element');
  }

  /** The line of the tag being handled (1-based). */
  currentLine(): number {
    return this.lineAt(this.tagStart);
  }

  /** An error at the current tag's line. */
  fail(reason: string): LogError {
    return new LogError(`${this.file}: line ${this.currentLine()}`, reason);
  }

  private lineAt(p: number): number {
    if (p <= this.counted) return this.line;
    const buf = this.buf;
    // `nextNl` is buf.length when no newline follows `counted`: a file of one line costs one search per chunk.
    let nl = this.nextNl >= this.counted ? this.nextNl : buf.indexOf(10, this.counted);
    if (nl < 0) nl = buf.length;
    while (nl < p) {
      this.line++;
      nl = buf.indexOf(10, nl + 1);
      if (nl < 0) nl = buf.length;
    }
    this.counted = p;
    this.nextNl = nl;
    return this.line;
  }

  private scan(): void {
    const buf = this.buf;
    const n = buf.length;
    let pos = this.pos;
    while (pos < n) {
      let lt = pos;
      if (this.stack.length === 0) {
        while (lt < n && buf[lt] !== LT) {
          if (!isSpace(buf[lt])) {
            this.tagStart = lt;
            throw this.fail('text outside the root element');
          }
          lt++;
        }
      } else if (buf[lt] !== LT) {
        lt = buf.indexOf(LT, lt);
        if (lt < 0) lt = n;
      }
      if (lt + 1 >= n) {
        pos = lt;
        break;
      }
      this.tagStart = lt;
      const c = buf[lt + 1];
      const end = c === SLASH ? this.closeTag(lt) : c === BANG ? this.bang(lt) : c === QUESTION ? this.instruction(lt) : this.openTag(lt);
      if (end < 0) {
        pos = lt;
        break;
      }
      pos = end;
    }
    this.pos = pos;
  }

  /** `<name attr="v" ...>` or `.../>`; the position after it, or -1 when the chunk ends first. */
  private openTag(lt: number): number {
    const buf = this.buf;
    const n = buf.length;
    let i = lt + 1;
    while (!isNameEnd(buf[i])) i++;
    if (i >= n) return -1;
    if (i === lt + 1) throw this.fail('"<" not followed by an element name');
    const cache = this.names;
    const name = cache.get(buf, lt + 1, i, false);
    const nameBytes = cache.bytes[cache.slot] as Uint8Array;
    const names = this.attrNames;
    let count = 0;
    let empty = false;
    for (;;) {
      let c = buf[i];
      const spaced = isSpace(c);
      while (isSpace(c)) c = buf[++i];
      if (i >= n) return -1;
      if (c === GT) {
        i++;
        break;
      }
      if (c === SLASH) {
        if (i + 1 >= n) return -1;
        if (buf[i + 1] !== GT) throw this.fail(`<${name}>: "/" not followed by ">"`);
        empty = true;
        i += 2;
        break;
      }
      if (!spaced) throw this.fail(`<${name}>: no space before an attribute`);
      const from = i;
      while (!isNameEnd(c) && c !== EQ) c = buf[++i];
      if (i >= n) return -1;
      if (i === from) throw this.fail(`<${name}>: an attribute without a name`);
      const attr = cache.get(buf, from, i, false);
      while (isSpace(c)) c = buf[++i];
      if (i >= n) return -1;
      if (c !== EQ) throw this.fail(`<${name}>: attribute ${attr} without "="`);
      c = buf[++i];
      while (isSpace(c)) c = buf[++i];
      if (i >= n) return -1;
      if (c !== QUOT && c !== APOS) throw this.fail(`<${name}>: the value of ${attr} is not quoted`);
      // One pass over the value: its end, and whether it needs the slow path or a decoder.
      const quote = c;
      let flags = 0;
      let k = i + 1;
      for (; k < n; k++) {
        const b = buf[k];
        if (b === quote) break;
        if (b < 39) {
          if (b === AMP || b < 32) flags |= SPECIAL;
        } else if (b === LT) {
          this.tagStart = lt;
          throw this.fail(`"<" in the value of ${attr}`);
        } else if (b > 127) flags |= WIDE;
      }
      if (k >= n) return -1;
      for (let j = 0; j < count; j++) if (names[j] === attr) throw this.fail(`<${name}>: attribute ${attr} given twice`);
      names[count] = attr;
      this.attrFrom[count] = i + 1;
      this.attrTo[count] = k;
      this.attrFlags[count] = flags;
      count++;
      if (flags & SPECIAL) this.slowValue(i + 1, k, attr);
      i = k + 1;
    }
    if (this.stack.length === 0) {
      if (this.sawRoot) throw this.fail(`<${name}> after the root element`);
      this.sawRoot = true;
    }
    this.attrCount = count;
    if (!empty) {
      this.stack.push(name);
      this.stackBytes.push(nameBytes);
    }
    this.handler.open(name, empty);
    return i;
  }

  private find(name: string): number {
    for (let k = 0; k < this.attrCount; k++) if (this.attrNames[k] === name) return k;
    return -1;
  }

  /**
   * The value of attribute `name` of the element just opened (undefined: it has none), with
   * `&...;` references replaced and tabs and line breaks as spaces (XML 3.3.3). `intern`: a short
   * value seen before comes back as the same string, without decoding.
   */
  attribute(name: string, intern: boolean): string | undefined {
    const k = this.find(name);
    if (k < 0) return undefined;
    const from = this.attrFrom[k];
    const to = this.attrTo[k];
    const flags = this.attrFlags[k];
    if (flags & SPECIAL) return this.slowValue(from, to, name);
    return intern && to - from <= 40 ? this.values.get(this.buf, from, to, flags === 0) : decode(this.buf, from, to, flags === 0);
  }

  /** The value of attribute `name` read as an xs:dateTime (see `parseXesDate`), from its bytes; NaN when it is not one. */
  date(name: string): number | undefined {
    const k = this.find(name);
    if (k < 0) return undefined;
    const t = this.attrFlags[k] === 0 ? parseXesDateBytes(this.buf, this.attrFrom[k], this.attrTo[k]) : NaN;
    return t === t ? t : parseXesDate(this.attribute(name, false) as string);
  }

  private slowValue(from: number, to: number, attr: string): string {
    const text = decode(this.buf, from, to, false);
    let out = '';
    let run = 0;
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === AMP) {
        const semi = text.indexOf(';', k);
        if (semi < 0) throw this.fail(`"&" without ";" in the value of ${attr}`);
        out += text.slice(run, k) + this.reference(text.slice(k + 1, semi));
        k = semi;
        run = semi + 1;
      } else if (c === 9 || c === 10 || c === 13) {
        out += `${text.slice(run, k)} `;
        if (c === 13 && text.charCodeAt(k + 1) === 10) k++;
        run = k + 1;
      }
    }
    return out + text.slice(run);
  }

  private reference(name: string): string {
    const predefined = ENTITIES[name];
    if (predefined !== undefined) return predefined;
    if (name.charCodeAt(0) === HASH) {
      const hex = name.charCodeAt(1) === 120;
      const digits = name.slice(hex ? 2 : 1);
      const code = digits !== '' && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
      if (isXmlChar(code)) return String.fromCodePoint(code);
      throw this.fail(`&${name}; is not a character XML allows`);
    }
    throw this.fail(`unknown entity &${name}; (XES has only &lt; &gt; &amp; &quot; &apos; and character references)`);
  }

  private closeTag(lt: number): number {
    const buf = this.buf;
    const gt = buf.indexOf(GT, lt + 2);
    if (gt < 0) return -1;
    const open = this.stack.pop();
    const openBytes = this.stackBytes.pop();
    let end = gt;
    while (end > lt + 2 && isSpace(buf[end - 1])) end--;
    if (open === undefined || openBytes === undefined) throw this.fail(`</${decode(buf, lt + 2, end, false)}> closes nothing`);
    if (end - (lt + 2) !== openBytes.length || !sameBytes(buf, lt + 2, openBytes)) throw this.fail(`</${decode(buf, lt + 2, end, false)}> where </${open}> was expected`);
    this.handler.close(open);
    return gt + 1;
  }

  /** `<!--`, `<![CDATA[`; a DOCTYPE or a declaration is refused. */
  private bang(lt: number): number {
    const buf = this.buf;
    if (startsWith(buf, lt, '<!--')) {
      const end = indexOfText(buf, '-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (startsWith(buf, lt, '<![CDATA[')) {
      if (this.stack.length === 0) throw this.fail('CDATA outside the root element');
      const end = indexOfText(buf, ']]>', lt + 9);
      return end < 0 ? -1 : end + 3;
    }
    const head = decode(buf, lt, Math.min(buf.length, lt + 9), false);
    if (head.length < 9 && ['<!--', '<![CDATA[', '<!DOCTYPE', '<!ENTITY'].some((p) => p.startsWith(head))) return -1;
    if (head.startsWith('<!DOCTYPE')) throw this.fail('a DOCTYPE is not allowed in XES (no DTD, no entity declarations)');
    if (head.startsWith('<!ENTITY')) throw this.fail('an entity declaration is not allowed in XES');
    throw this.fail(`unexpected "${head}"`);
  }

  /** `<?target ...?>` (the XML declaration among them): skipped. */
  private instruction(lt: number): number {
    const end = indexOfText(this.buf, '?>', lt + 2);
    return end < 0 ? -1 : end + 2;
  }
}

/** What the scanner tells: an element opened (`empty`: `<a/>`, no close follows) or closed. */
export interface XmlHandler {
  open(name: string, empty: boolean): void;
  close(name: string): void;
}

/**
 * Where a handler reads the open element's attributes and line, and makes errors. `date`, when a
 * tokenizer has it, reads an attribute as an xs:dateTime without making a string of it.
 */
export interface XmlSource {
  attribute(name: string, intern: boolean): string | undefined;
  date?(name: string): number | undefined;
  currentLine(): number;
  fail(reason: string): LogError;
}

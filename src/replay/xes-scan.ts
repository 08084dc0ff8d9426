import { LogError } from './model';
import { AMP, APOS, BANG, ENTITIES, EQ, GT, HASH, isNameEnd, isSpace, isXmlChar, LT, QUESTION, QUOT, same, SLASH, StringCache } from './xes-chars';

/**
 * A hand-written XML scanner for XES, over decoded text, streaming (chunks may end anywhere).
 * It knows exactly what XES needs: elements, attributes in either quote, the five predefined
 * entities and numeric character references, comments, processing instructions and CDATA
 * (skipped: XES keeps everything in attributes). A DOCTYPE or an entity declaration is refused
 * with an error naming the line, so no document can define entities. Text is ignored inside
 * elements and must be blank outside the root. Why not saxes (which reads DMN): docs/adr/0180.
 *
 * Speed comes from doing little per byte: `indexOf` to the next `<` and to the closing quote,
 * names and short attribute values interned through a small cache (the same string object for
 * every `concept:name`, so later `Map` lookups hash once), attributes handed over in reused
 * arrays, and line numbers counted only when asked for.
 *
 * @example
 * const s = new XmlScanner('log.xes', { open(name, empty) {...}, close(name) {...} });
 * s.write(text); s.end();
 */
export class XmlScanner {
  // The attributes of the element just opened: names, and where their values are in `buf`
  // (sliced only when asked for: a timestamp is parsed and dropped, a name is interned).
  private readonly attrNames: string[] = [];
  private readonly attrFrom: number[] = [];
  private readonly attrTo: number[] = [];
  /** 1 when the value has references or line breaks to replace. */
  private readonly attrSpecial: number[] = [];
  private attrCount = 0;
  /** {@link find}'s cache: the next `&`, `<`, line feed, tab, carriage return. */
  private readonly next = [-1, -1, -1, -1, -1];
  private buf = '';
  private pos = 0;
  private readonly stack: string[] = [];
  private sawRoot = false;
  private tagStart = 0;
  // Lines: `line` is the line at `counted` (a position in `buf`); `nextNl` the next newline after it.
  private line = 1;
  private counted = 0;
  /** The line at the start of a cut construct being finished (see {@link write}). */
  private lineBefore = 1;
  private nextNl = -1;
  private readonly names = new StringCache(256);
  private readonly values = new StringCache(1024);

  /** `known`: strings to hand out for matching names and values (the handler's literals: compared by identity). */
  constructor(
    private readonly file: string,
    private readonly handler: XmlHandler,
    known: readonly string[] = [],
  ) {
    for (const k of known) {
      this.names.get(k, 0, k.length);
      this.values.get(k, 0, k.length);
    }
  }

  /**
   * Scans a chunk of text; a construct cut by the chunk's end is finished by the next. The cut
   * construct is finished in a small string of its own (up to the `>` that ends it), and the
   * chunk is then scanned as it came: gluing the rest to a whole chunk would copy every chunk once.
   */
  write(text: string): void {
    const left = this.pos < this.buf.length ? this.buf.slice(this.pos) : '';
    this.moveTo(left, 0);
    if (left !== '') {
      for (let j = text.indexOf('>') + 1; ; j = text.indexOf('>', j) + 1) {
        if (j === 0) {
          // No end in this chunk either: keep gluing (a construct longer than a chunk).
          this.moveTo(left + text, 0);
          this.scan();
          return;
        }
        this.buf = left + text.slice(0, j);
        this.pos = 0;
        this.resetSearches();
        this.scan();
        if (this.pos === this.buf.length) {
          this.moveTo(text, j);
          break;
        }
        this.counted = 0;
        this.line = this.lineBefore;
      }
    } else this.moveTo(text, 0);
    this.scan();
  }

  /** Lines counted up to the end of `buf`, then `buf` = `next`, scanning from `at` (its part before `at` already counted). */
  private moveTo(next: string, at: number): void {
    this.lineAt(this.pos);
    this.lineBefore = this.line;
    this.buf = next;
    this.pos = at;
    this.counted = at;
    this.resetSearches();
  }

  private resetSearches(): void {
    this.nextNl = -1;
    this.next.fill(-1);
  }

  /** The end of the input: everything must be closed. */
  end(): void {
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
    let nl = this.nextNl >= this.counted ? this.nextNl : buf.indexOf('\n', this.counted);
    if (nl < 0) nl = buf.length;
    while (nl < p) {
      this.line++;
      nl = buf.indexOf('\n', nl + 1);
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
      const lt = buf.indexOf('<', pos);
      const textEnd = lt < 0 ? n : lt;
      if (textEnd > pos && this.stack.length === 0) this.outsideText(pos, textEnd);
      if (lt < 0 || lt + 1 >= n) {
        pos = textEnd;
        break;
      }
      this.tagStart = lt;
      const c = buf.charCodeAt(lt + 1);
      const end = c === SLASH ? this.closeTag(lt) : c === BANG ? this.bang(lt) : c === QUESTION ? this.instruction(lt) : this.openTag(lt);
      if (end < 0) {
        pos = lt;
        break;
      }
      pos = end;
    }
    this.pos = pos;
  }

  private outsideText(from: number, to: number): void {
    const buf = this.buf;
    for (let i = from; i < to; i++) {
      const c = buf.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) {
        this.tagStart = i;
        throw this.fail('text outside the root element');
      }
    }
  }

  /** `<name attr="v" ...>` or `.../>`; the position after it, or -1 when the chunk ends first. */
  private openTag(lt: number): number {
    const buf = this.buf;
    const n = buf.length;
    let i = lt + 1;
    while (i < n && !isNameEnd(buf.charCodeAt(i))) i++;
    if (i >= n) return -1;
    if (i === lt + 1) throw this.fail('"<" not followed by an element name');
    const name = this.names.get(buf, lt + 1, i);
    const names = this.attrNames;
    let count = 0;
    let empty = false;
    for (;;) {
      let c = buf.charCodeAt(i);
      const spaced = isSpace(c);
      while (isSpace(c)) c = buf.charCodeAt(++i);
      if (i >= n) return -1;
      if (c === GT) {
        i++;
        break;
      }
      if (c === SLASH) {
        if (i + 1 >= n) return -1;
        if (buf.charCodeAt(i + 1) !== GT) throw this.fail(`<${name}>: "/" not followed by ">"`);
        empty = true;
        i += 2;
        break;
      }
      if (!spaced) throw this.fail(`<${name}>: no space before an attribute`);
      const from = i;
      while (i < n && !isNameEnd(c) && c !== EQ) c = buf.charCodeAt(++i);
      if (i >= n) return -1;
      if (i === from) throw this.fail(`<${name}>: an attribute without a name`);
      const attr = this.names.get(buf, from, i);
      while (isSpace(c)) c = buf.charCodeAt(++i);
      if (i >= n) return -1;
      if (c !== EQ) throw this.fail(`<${name}>: attribute ${attr} without "="`);
      c = buf.charCodeAt(++i);
      while (isSpace(c)) c = buf.charCodeAt(++i);
      if (i >= n) return -1;
      if (c !== QUOT && c !== APOS) throw this.fail(`<${name}>: the value of ${attr} is not quoted`);
      const close = buf.indexOf(c === QUOT ? '"' : "'", i + 1);
      if (close < 0) return -1;
      for (let k = 0; k < count; k++) if (names[k] === attr) throw this.fail(`<${name}>: attribute ${attr} given twice`);
      names[count] = attr;
      this.attrFrom[count] = i + 1;
      this.attrTo[count] = close;
      this.attrSpecial[count] = this.special(i + 1, close, attr);
      count++;
      i = close + 1;
    }
    if (this.stack.length === 0) {
      if (this.sawRoot) throw this.fail(`<${name}> after the root element`);
      this.sawRoot = true;
    }
    this.attrCount = count;
    if (!empty) this.stack.push(name);
    this.handler.open(name, empty);
    return i;
  }

  /**
   * The value of attribute `name` of the element just opened (undefined: it has none), with
   * `&...;` references replaced and tabs and line breaks as spaces (XML 3.3.3). `intern`: a short
   * value seen before comes back as the same string.
   */
  attribute(name: string, intern: boolean): string | undefined {
    for (let k = 0; k < this.attrCount; k++) {
      if (this.attrNames[k] !== name) continue;
      const from = this.attrFrom[k];
      const to = this.attrTo[k];
      if (this.attrSpecial[k] === 1) return this.slowValue(from, to, name);
      return intern && to - from <= 40 ? this.values.get(this.buf, from, to) : this.buf.slice(from, to);
    }
    return undefined;
  }

  /**
   * 1 when a value needs {@link slowValue}; a "<" in it is an error. Told by where the next `&`,
   * `<`, tab and line break are (one native search per character and chunk), not by a loop over
   * the value: values are most of an XES file.
   */
  private special(from: number, to: number, attr: string): number {
    if (this.find(1, '<', from) < to) throw this.fail(`"<" in the value of ${attr}`);
    if (this.find(0, '&', from) < to || this.find(2, '\n', from) < to || this.find(3, '\t', from) < to || this.find(4, '\r', from) < to) {
      this.slowValue(from, to, attr);
      return 1;
    }
    return 0;
  }

  /** The next position of `ch` (cache slot `k`) at or after `from`; `buf.length` when there is none. */
  private find(k: number, ch: string, from: number): number {
    let p = this.next[k];
    if (p < from) {
      p = this.buf.indexOf(ch, from);
      if (p < 0) p = this.buf.length;
      this.next[k] = p;
    }
    return p;
  }

  private slowValue(from: number, to: number, attr: string): string {
    const buf = this.buf;
    let out = '';
    let run = from;
    for (let k = from; k < to; k++) {
      const c = buf.charCodeAt(k);
      if (c === LT) throw this.fail(`"<" in the value of ${attr}`);
      if (c === AMP) {
        const semi = buf.indexOf(';', k);
        if (semi < 0 || semi >= to) throw this.fail(`"&" without ";" in the value of ${attr}`);
        out += buf.slice(run, k) + this.reference(buf.slice(k + 1, semi));
        k = semi;
        run = semi + 1;
      } else if (c === 9 || c === 10 || c === 13) {
        out += `${buf.slice(run, k)} `;
        if (c === 13 && buf.charCodeAt(k + 1) === 10) k++;
        run = k + 1;
      }
    }
    return out + buf.slice(run, to);
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
    const gt = buf.indexOf('>', lt + 2);
    if (gt < 0) return -1;
    const open = this.stack.pop();
    let end = gt;
    while (end > lt + 2 && isSpace(buf.charCodeAt(end - 1))) end--;
    if (open === undefined) throw this.fail(`</${buf.slice(lt + 2, end)}> closes nothing`);
    if (end - (lt + 2) !== open.length || !same(buf, lt + 2, open)) throw this.fail(`</${buf.slice(lt + 2, end)}> where </${open}> was expected`);
    this.handler.close(open);
    return gt + 1;
  }

  /** `<!--`, `<![CDATA[`; a DOCTYPE or a declaration is refused. */
  private bang(lt: number): number {
    const buf = this.buf;
    if (buf.startsWith('<!--', lt)) {
      const end = buf.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (buf.startsWith('<![CDATA[', lt)) {
      if (this.stack.length === 0) throw this.fail('CDATA outside the root element');
      const end = buf.indexOf(']]>', lt + 9);
      return end < 0 ? -1 : end + 3;
    }
    const head = buf.slice(lt, lt + 9);
    if (head.length < 9 && ['<!--', '<![CDATA[', '<!DOCTYPE', '<!ENTITY'].some((p) => p.startsWith(head))) return -1;
    if (head.startsWith('<!DOCTYPE')) throw this.fail('a DOCTYPE is not allowed in XES (no DTD, no entity declarations)');
    if (head.startsWith('<!ENTITY')) throw this.fail('an entity declaration is not allowed in XES');
    throw this.fail(`unexpected "${head}"`);
  }

  /** `<?target ...?>` (the XML declaration among them): skipped. */
  private instruction(lt: number): number {
    const end = this.buf.indexOf('?>', lt + 2);
    return end < 0 ? -1 : end + 2;
  }
}

/** What the scanner tells: an element opened (`empty`: `<a/>`, no close follows) or closed. */
export interface XmlHandler {
  open(name: string, empty: boolean): void;
  close(name: string): void;
}

/** Where a handler reads the open element's attributes and line, and makes errors. */
export interface XmlSource {
  attribute(name: string, intern: boolean): string | undefined;
  currentLine(): number;
  fail(reason: string): LogError;
}

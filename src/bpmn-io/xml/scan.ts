/**
 * A small XML scanner that keeps source offsets, so that repairs can edit the text itself before
 * bpmn-moddle reads it (moddle drops what it cannot place and keeps no positions we could edit by).
 * It builds an element tree with resolved namespaces; it does not validate beyond well-formedness
 * of tags and attributes, which is all the repairs need. Malformed input throws `XmlScanError`
 * (the caller then leaves the text to moddle, whose error message the user sees).
 */

/** One attribute as written: qualified name, decoded value and offsets into the text. */
export interface XmlAttribute {
  readonly name: string;
  readonly value: string;
  /** Offset of the attribute name. */
  readonly start: number;
  /** Offset after the closing quote. */
  readonly end: number;
  /** Offsets of the raw value between the quotes. */
  readonly valueStart: number;
  readonly valueEnd: number;
}

/** One element with offsets: `<a …>` is [start, openEnd), `</a>` is [closeStart, end). */
export interface XmlElement {
  readonly name: string;
  readonly prefix: string | undefined;
  readonly local: string;
  /** Namespace URI the element is in, or undefined (no namespace). */
  readonly uri: string | undefined;
  readonly attributes: readonly XmlAttribute[];
  /** Prefix → URI bindings in scope (the default namespace under the key ''). */
  readonly ns: ReadonlyMap<string, string>;
  readonly start: number;
  readonly openEnd: number;
  /** For a self-closing element equal to `openEnd`. */
  closeStart: number;
  end: number;
  readonly selfClosing: boolean;
  readonly parent: XmlElement | undefined;
  readonly children: XmlElement[];
}

export interface XmlDocument {
  readonly text: string;
  readonly root: XmlElement;
  /** Every element in document order. */
  readonly elements: readonly XmlElement[];
  /** The `<?xml …?>` declaration, when present. */
  readonly declaration: { start: number; end: number; encoding: XmlAttribute | undefined } | undefined;
  /** 1-based line of an offset. */
  lineOf(offset: number): number;
}

export class XmlScanError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'XmlScanError';
  }
}

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const NAME = /[^\s=/>"'<]+/y;
const SPACE = /\s*/y;

/**
 * Scans `text` into an element tree.
 *
 * @example
 * const doc = scanXml('<a xmlns="urn:x"><b id="1"/></a>');
 * doc.root.children[0].attributes[0].value; // '1'
 * doc.root.children[0].uri;                 // 'urn:x'
 */
export function scanXml(text: string): XmlDocument {
  const elements: XmlElement[] = [];
  let declaration: XmlDocument['declaration'];
  let root: XmlElement | undefined;
  let open: XmlElement | undefined;
  let i = 0;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    if (text.startsWith('<?', lt)) {
      const end = expectEnd(text, '?>', lt);
      if (text.startsWith('<?xml', lt) && /\s/.test(text[lt + 5] ?? '') && !root) {
        const attrs = readAttributes(text, lt + 5, end - 2).attributes;
        declaration = { start: lt, end, encoding: attrs.find((a) => a.name === 'encoding') };
      }
      i = end;
    } else if (text.startsWith('<!--', lt)) {
      i = expectEnd(text, '-->', lt);
    } else if (text.startsWith('<![CDATA[', lt)) {
      i = expectEnd(text, ']]>', lt);
    } else if (text.startsWith('<!', lt)) {
      i = skipDoctype(text, lt);
    } else if (text[lt + 1] === '/') {
      NAME.lastIndex = lt + 2;
      const name = NAME.exec(text)?.[0];
      const gt = text.indexOf('>', lt);
      if (!open || name !== open.name || gt < 0) throw new XmlScanError(`unexpected </${name ?? ''}>`, lt);
      open.closeStart = lt;
      open.end = gt + 1;
      open = open.parent;
      i = gt + 1;
    } else {
      NAME.lastIndex = lt + 1;
      const name = NAME.exec(text)?.[0];
      if (!name) throw new XmlScanError('missing element name', lt);
      const { attributes, end, selfClosing } = readAttributes(text, lt + 1 + name.length, text.length, true);
      if (!open && root) throw new XmlScanError('a second root element', lt);
      const ns = new Map(open?.ns ?? []);
      for (const a of attributes) {
        if (a.name === 'xmlns') ns.set('', a.value);
        else if (a.name.startsWith('xmlns:')) ns.set(a.name.slice(6), a.value);
      }
      const colon = name.indexOf(':');
      const prefix = colon > 0 ? name.slice(0, colon) : undefined;
      const uri = ns.get(prefix ?? '') || undefined;
      const element: XmlElement = {
        name,
        prefix,
        local: colon > 0 ? name.slice(colon + 1) : name,
        uri: prefix === 'xml' ? XML_NS : uri,
        attributes,
        ns,
        start: lt,
        openEnd: end,
        closeStart: end,
        end,
        selfClosing,
        parent: open,
        children: [],
      };
      elements.push(element);
      open?.children.push(element);
      if (!root) root = element;
      if (!selfClosing) open = element;
      i = end;
    }
  }
  if (!root) throw new XmlScanError('no root element', 0);
  if (open) throw new XmlScanError(`unclosed <${open.name}>`, open.start);
  return { text, root, elements, declaration, lineOf: lineIndex(text) };
}

/** The element's character data (text and CDATA of its own, not of its children), decoded. */
export function textOf(doc: XmlDocument, element: XmlElement): string {
  let out = '';
  let at = element.openEnd;
  for (const child of [...element.children, undefined]) {
    out += decodeContent(doc.text.slice(at, child ? child.start : element.closeStart));
    if (child) at = child.end;
  }
  return out;
}

/** The value of an attribute by qualified name. */
export function attr(element: XmlElement, name: string): XmlAttribute | undefined {
  return element.attributes.find((a) => a.name === name);
}

/** The namespace URI of a prefixed attribute name (`xsi:type`), undefined for unprefixed names. */
export function attributeUri(element: XmlElement, name: string): string | undefined {
  const colon = name.indexOf(':');
  if (colon < 0) return undefined;
  const prefix = name.slice(0, colon);
  return prefix === 'xml' ? XML_NS : element.ns.get(prefix);
}

/** Replaces entity and character references; unknown entities stay as written. */
export function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[ref.toLowerCase()] ?? whole;
  });
}

/** Escapes text for an attribute value in double quotes or for element content. */
export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// ---------------------------------------------------------------------------------------------
// helpers

function readAttributes(text: string, from: number, limit: number, tag = false) {
  const attributes: XmlAttribute[] = [];
  let i = from;
  for (;;) {
    SPACE.lastIndex = i;
    SPACE.exec(text);
    i = SPACE.lastIndex;
    if (i >= limit) {
      if (tag) throw new XmlScanError('unclosed start tag', from);
      return { attributes, end: i, selfClosing: false };
    }
    if (tag && text[i] === '>') return { attributes, end: i + 1, selfClosing: false };
    if (tag && text.startsWith('/>', i)) return { attributes, end: i + 2, selfClosing: true };
    NAME.lastIndex = i;
    const name = NAME.exec(text)?.[0];
    if (!name) throw new XmlScanError('invalid attribute', i);
    let j = i + name.length;
    SPACE.lastIndex = j;
    SPACE.exec(text);
    j = SPACE.lastIndex;
    if (text[j] !== '=') throw new XmlScanError(`attribute ${name} without value`, i);
    SPACE.lastIndex = j + 1;
    SPACE.exec(text);
    j = SPACE.lastIndex;
    const quote = text[j];
    if (quote !== '"' && quote !== "'") throw new XmlScanError(`attribute ${name} without quotes`, i);
    const close = text.indexOf(quote, j + 1);
    if (close < 0 || close > limit) throw new XmlScanError(`unclosed value of ${name}`, i);
    attributes.push({ name, value: decodeEntities(text.slice(j + 1, close)), start: i, end: close + 1, valueStart: j + 1, valueEnd: close });
    i = close + 1;
  }
}

function expectEnd(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  if (at < 0) throw new XmlScanError(`unclosed ${text.slice(from, from + 4)}`, from);
  return at + marker.length;
}

function skipDoctype(text: string, from: number): number {
  let depth = 0;
  for (let i = from + 2; i < text.length; i++) {
    const c = text[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return i + 1;
  }
  throw new XmlScanError('unclosed <!DOCTYPE', from);
}

function decodeContent(raw: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const cdata = raw.indexOf('<![CDATA[', at);
    const comment = raw.indexOf('<!--', at);
    const pi = raw.indexOf('<?', at);
    const next = Math.min(...[cdata, comment, pi].map((x) => (x < 0 ? Infinity : x)));
    if (next === Infinity) return out + decodeEntities(raw.slice(at));
    out += decodeEntities(raw.slice(at, next));
    if (next === cdata) {
      const end = raw.indexOf(']]>', cdata);
      out += raw.slice(cdata + 9, end);
      at = end + 3;
    } else {
      const end = raw.indexOf(next === comment ? '-->' : '?>', next);
      at = end + (next === comment ? 3 : 2);
    }
  }
}

function lineIndex(text: string): (offset: number) => number {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

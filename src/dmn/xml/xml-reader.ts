/**
 * A small, pure XML reader: enough for DMN models and TCK test files, with namespaces resolved.
 *
 * Why not dmn-moddle: it only knows the DMN 1.3 namespace and lacks the DMN 1.5 boxed expressions
 * (conditional, filter, iterators), while this reader serves 1.1–1.5 and the TCK files alike and
 * needs no DOM (the dmn layer is pure).
 */

/** One XML element with its namespace resolved; text is the concatenation of its direct text nodes. */
export interface XmlElement {
  /** Local name, without prefix. */
  readonly name: string;
  /** Namespace URI of the element ('' when none). */
  readonly ns: string;
  /** Attributes by their qualified name as written (e.g. `xsi:type`, `typeRef`). */
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
  /** In-scope prefix → namespace map (the default namespace under key ''). */
  readonly nsScope: Readonly<Record<string, string>>;
  /** 1-based line of the start tag, for error messages. */
  readonly line: number;
}

/** Thrown on malformed XML, with the line where it was detected. */
export class XmlSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(`${message} (line ${line})`);
    this.name = 'XmlSyntaxError';
  }
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * Parses an XML document and returns its root element.
 *
 * @example
 * const root = parseXml('<a xmlns="urn:x"><b>hi</b></a>');
 * root.children[0].text; // 'hi'
 */
export function parseXml(source: string): XmlElement {
  const reader = new Reader(source);
  return reader.document();
}

class Reader {
  private pos = 0;
  private lineAt = 1;
  private linePos = 0;

  constructor(private readonly src: string) {}

  document(): XmlElement {
    const stack: XmlElement[] = [];
    let root: XmlElement | undefined;
    const src = this.src;
    while (this.pos < src.length) {
      const lt = src.indexOf('<', this.pos);
      if (lt < 0) {
        this.text(src.slice(this.pos), stack);
        break;
      }
      if (lt > this.pos) this.text(src.slice(this.pos, lt), stack);
      this.pos = lt;
      if (src.startsWith('<!--', lt)) {
        this.pos = this.expectEnd('-->', lt + 4);
      } else if (src.startsWith('<![CDATA[', lt)) {
        const end = src.indexOf(']]>', lt + 9);
        if (end < 0) this.fail('unterminated CDATA');
        const top = stack[stack.length - 1];
        if (top) top.text += src.slice(lt + 9, end);
        this.pos = end + 3;
      } else if (src.startsWith('<?', lt)) {
        this.pos = this.expectEnd('?>', lt + 2);
      } else if (src.startsWith('<!', lt)) {
        this.pos = this.skipDoctype(lt);
      } else if (src.startsWith('</', lt)) {
        const end = this.expectEnd('>', lt + 2);
        const qname = src.slice(lt + 2, end - 1).trim();
        const top = stack.pop();
        if (!top) this.fail(`unexpected closing tag </${qname}>`);
        const local = qname.includes(':') ? qname.slice(qname.indexOf(':') + 1) : qname;
        if (top.name !== local) this.fail(`closing tag </${qname}> does not match <${top.name}>`);
        this.pos = end;
      } else {
        const el = this.startTag(stack[stack.length - 1]);
        if (stack.length === 0) {
          if (root) this.fail('more than one root element');
          root = el.element;
        } else {
          stack[stack.length - 1]!.children.push(el.element);
        }
        if (!el.selfClosing) stack.push(el.element);
      }
    }
    if (stack.length > 0) this.fail(`unclosed element <${stack[stack.length - 1]!.name}>`);
    if (!root) this.fail('no root element');
    return root;
  }

  private text(raw: string, stack: XmlElement[]): void {
    const top = stack[stack.length - 1];
    if (top) top.text += decodeEntities(raw);
  }

  private startTag(parent: XmlElement | undefined): { element: XmlElement; selfClosing: boolean } {
    const src = this.src;
    const line = this.line(this.pos);
    let i = this.pos + 1;
    const nameStart = i;
    while (i < src.length && !isSpace(src.charCodeAt(i)) && src[i] !== '>' && src[i] !== '/') i++;
    const qname = src.slice(nameStart, i);
    if (!qname) this.fail('empty tag name');
    const rawAttrs: Record<string, string> = {};
    let declaresNamespace = false;
    let selfClosing = false;
    for (;;) {
      while (i < src.length && isSpace(src.charCodeAt(i))) i++;
      if (i >= src.length) this.fail(`unterminated tag <${qname}>`);
      if (src[i] === '>') { i++; break; }
      if (src[i] === '/' && src[i + 1] === '>') { selfClosing = true; i += 2; break; }
      const aStart = i;
      while (i < src.length && src[i] !== '=' && !isSpace(src.charCodeAt(i)) && src[i] !== '>') i++;
      const aName = src.slice(aStart, i);
      while (i < src.length && isSpace(src.charCodeAt(i))) i++;
      if (src[i] !== '=') this.fail(`attribute ${aName} without value in <${qname}>`);
      i++;
      while (i < src.length && isSpace(src.charCodeAt(i))) i++;
      const quote = src[i];
      if (quote !== '"' && quote !== "'") this.fail(`unquoted attribute ${aName} in <${qname}>`);
      const vEnd = src.indexOf(quote, i + 1);
      if (vEnd < 0) this.fail(`unterminated attribute ${aName}`);
      rawAttrs[aName] = decodeEntities(src.slice(i + 1, vEnd));
      if (aName === 'xmlns' || aName.startsWith('xmlns:')) declaresNamespace = true;
      i = vEnd + 1;
    }
    this.pos = i;
    let nsScope: Record<string, string> = parent ? (parent.nsScope as Record<string, string>) : { xml: XML_NS };
    if (declaresNamespace) {
      // Copy on write: most elements share their parent's scope object.
      nsScope = { ...nsScope };
      for (const [k, v] of Object.entries(rawAttrs)) {
        if (k === 'xmlns' || k.startsWith('xmlns:')) nsScope[k === 'xmlns' ? '' : k.slice(6)] = v;
      }
    }
    const colon = qname.indexOf(':');
    const prefix = colon < 0 ? '' : qname.slice(0, colon);
    const name = colon < 0 ? qname : qname.slice(colon + 1);
    const ns = nsScope[prefix] ?? '';
    return { element: { name, ns, attrs: rawAttrs, children: [], text: '', nsScope, line }, selfClosing };
  }

  private expectEnd(marker: string, from: number): number {
    const end = this.src.indexOf(marker, from);
    if (end < 0) this.fail(`missing ${marker}`);
    return end + marker.length;
  }

  private skipDoctype(from: number): number {
    let depth = 0;
    for (let i = from; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === '>' && depth === 0) return i + 1;
    }
    return this.fail('unterminated declaration');
  }

  private line(pos: number): number {
    // Lines are counted incrementally: positions only move forward while reading.
    for (let i = this.linePos; i < pos; i++) if (this.src.charCodeAt(i) === 10) this.lineAt++;
    this.linePos = Math.max(this.linePos, pos);
    return this.lineAt;
  }

  private fail(message: string): never {
    throw new XmlSyntaxError(message, this.line(this.pos));
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five predefined entities and numeric character references. */
export function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/** Child elements with the given local name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** First child element with the given local name. */
export function childNamed(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/**
 * Resolves a QName attribute value (`prefix:local`) against the element's namespace scope.
 * Returns the namespace ('' when unprefixed and no default) and the local part.
 */
export function resolveQName(el: XmlElement, value: string): { ns: string; local: string } {
  const colon = value.indexOf(':');
  if (colon < 0) return { ns: el.nsScope[''] ?? '', local: value };
  return { ns: el.nsScope[value.slice(0, colon)] ?? '', local: value.slice(colon + 1) };
}

/**
 * The XML reader of DMN models and TCK test files: saxes (the streaming parser the moddle libraries
 * use) builds a small element tree with namespaces resolved and start-tag line numbers.
 *
 * Why not dmn-moddle: it only knows the DMN 1.3 namespace and lacks the DMN 1.5 boxed expressions
 * (conditional, filter, iterators), while this tree serves 1.1–1.5 and the TCK files alike and
 * needs no DOM (the dmn layer is pure). DOCTYPE declarations are refused, so no entity can be
 * declared, and saxes expands only the five predefined entities and character references: no
 * billion laughs, no external entities (ADR 0130).
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

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
 * Parses an XML document and returns its root element. Throws `XmlSyntaxError` (with the line) on
 * malformed XML, a DOCTYPE declaration, or an entity other than the predefined five.
 *
 * @example
 * const root = parseXml('<a xmlns="urn:x"><b>hi</b></a>');
 * root.children[0].text; // 'hi'
 */
export function parseXml(source: string): XmlElement {
  // Prefixes nobody declared (some TCK files use xsi: without xmlns:xsi) resolve to no namespace.
  const parser = new SaxesParser({ xmlns: true, position: true, resolvePrefix: () => '' });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let startLine = 1;
  const fail = (message: string): never => {
    throw new XmlSyntaxError(message, parser.line);
  };
  parser.on('error', (e) => fail(e.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '')));
  parser.on('doctype', () => fail('DOCTYPE declarations are not accepted (they could declare entities)'));
  parser.on('opentagstart', () => {
    // saxes reports after the character that ended the name: a newline there is the next line.
    startLine = parser.column === 0 ? parser.line - 1 : parser.line;
  });
  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1];
    const element = toElement(tag, parent, startLine);
    if (parent) parent.children.push(element);
    else if (root) fail('more than one root element');
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (text: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(source).close();
  return root ?? fail('no root element');
}

function toElement(tag: SaxesTagNS, parent: XmlElement | undefined, line: number): XmlElement {
  const attrs: Record<string, string> = {};
  let declaresNamespace = false;
  for (const a of Object.values(tag.attributes)) {
    attrs[a.name] = a.value;
    if (a.name === 'xmlns' || a.prefix === 'xmlns') declaresNamespace = true;
  }
  let nsScope: Record<string, string> = parent ? (parent.nsScope as Record<string, string>) : { xml: XML_NS };
  if (declaresNamespace) {
    // Copy on write: most elements share their parent's scope object.
    nsScope = { ...nsScope, ...tag.ns };
  }
  return { name: tag.local, ns: tag.uri, attrs, children: [], text: '', nsScope, line };
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

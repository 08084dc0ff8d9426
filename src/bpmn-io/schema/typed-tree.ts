/**
 * Reads a scanned document the way moddle-xml will (same rules for element names, `xsi:type` and
 * collection members), without building objects: for each element, its moddle type and the
 * property it fills in its parent. Repairs use it to find ids, references and what moddle would
 * drop (an element that fits no property of its parent).
 */
import { attr, type XmlDocument, type XmlElement } from '../xml/scan';
import { moddleSchema, XSI_NS, type ModdleSchema, type PropertyInfo, type TypeInfo } from './moddle-schema';

export type Placement =
  /** A typed moddle element (`type` set). */
  | 'typed'
  /** The body of a primitive or reference property (`<bpmn:incoming>id</bpmn:incoming>`). */
  | 'value'
  /** Content of a package moddle does not know: kept by moddle as a generic element. */
  | 'generic'
  /** Fits nowhere: moddle drops it with a warning. */
  | 'unplaced';

export interface TypedElement {
  readonly element: XmlElement;
  readonly placement: Placement;
  readonly type: TypeInfo | undefined;
  /** The property of the parent this element fills. */
  readonly property: PropertyInfo | undefined;
  /** Why it is unplaced (the moddle message it would give). */
  readonly reason?: string;
}

export interface TypedTree {
  readonly doc: XmlDocument;
  readonly schema: ModdleSchema;
  get(element: XmlElement): TypedElement;
  /** Every typed element, in document order. */
  readonly all: readonly TypedElement[];
}

/**
 * Types every element of `doc`; the root must be `bpmn:definitions` for anything to be typed.
 *
 * @example
 * const tree = typeTree(scanXml(xml));
 * tree.all.filter((t) => t.placement === 'unplaced'); // what moddle would drop
 */
export function typeTree(doc: XmlDocument, schema: ModdleSchema = moddleSchema()): TypedTree {
  const map = new Map<XmlElement, TypedElement>();
  const all: TypedElement[] = [];
  const rootType = schema.prefixOf(doc.root.uri) === 'bpmn' && doc.root.local === 'definitions' ? schema.type('bpmn:Definitions') : undefined;
  const visit = (element: XmlElement, typed: TypedElement) => {
    map.set(element, typed);
    all.push(typed);
    for (const child of element.children) visit(child, place(schema, typed, child));
  };
  visit(doc.root, rootType ? { element: doc.root, placement: 'typed', type: rootType, property: undefined } : { element: doc.root, placement: 'unplaced', type: undefined, property: undefined, reason: 'not a BPMN document' });
  return { doc, schema, all, get: (element) => map.get(element)! };
}

/** The moddle type a qualified XML type name (`xsi:type` value, `prefix:tName`) stands for. */
export function resolveXsiType(schema: ModdleSchema, element: XmlElement, value: string): TypeInfo | undefined {
  const colon = value.indexOf(':');
  const prefix = colon > 0 ? value.slice(0, colon) : '';
  const local = colon > 0 ? value.slice(colon + 1) : value;
  const pkg = schema.prefixOf(element.ns.get(prefix)) ?? (prefix || undefined);
  if (!pkg) return undefined;
  const name = /^t[A-Z]/.test(local) ? local.slice(1) : local;
  return schema.type(`${pkg}:${name}`) ?? schema.type(`${pkg}:${local}`);
}

function place(schema: ModdleSchema, parent: TypedElement, element: XmlElement): TypedElement {
  if (parent.placement === 'generic') return { element, placement: 'generic', type: undefined, property: undefined };
  if (parent.placement !== 'typed' || !parent.type) {
    return { element, placement: 'unplaced', type: undefined, property: undefined, reason: 'inside content that is not kept' };
  }
  const pkg = schema.prefixOf(element.uri);
  if (!pkg) {
    const any = parent.type.properties.find((p) => !p.isReference && !p.isAttr && p.type === 'Element');
    return any
      ? { element, placement: 'generic', type: undefined, property: any }
      : { element, placement: 'unplaced', type: undefined, property: undefined, reason: `unrecognized element <${element.name}>` };
  }
  const byName = parent.type.property(`${pkg}:${element.local}`);
  if (byName && !byName.isAttr) {
    if (byName.isReference || !byName.type.includes(':')) return { element, placement: 'value', type: undefined, property: byName };
    const xsi = element.attributes.find((a) => a.name.endsWith(':type') && element.ns.get(a.name.slice(0, -5)) === XSI_NS);
    const declared = xsi ? resolveXsiType(schema, element, xsi.value) : undefined;
    if (xsi && !declared) return { element, placement: 'unplaced', type: undefined, property: byName, reason: `unknown type <${xsi.value}>` };
    return { element, placement: 'typed', type: declared ?? schema.type(byName.type), property: byName };
  }
  const typeName = schema.lowerCaseAlias(pkg) ? `${pkg}:${element.local.charAt(0).toUpperCase()}${element.local.slice(1)}` : `${pkg}:${element.local}`;
  const type = schema.type(typeName);
  if (!type) return { element, placement: 'unplaced', type: undefined, property: undefined, reason: `unknown type <${typeName}>` };
  const member = parent.type.properties.find((p) => !p.isReference && !p.isAttr && type.is(p.type));
  if (!member) return { element, placement: 'unplaced', type, property: undefined, reason: `unrecognized element <${element.name}>` };
  return { element, placement: 'typed', type, property: member };
}

/** The id attribute of a typed element (moddle checks and indexes only those). */
export function idOf(typed: TypedElement) {
  return typed.placement === 'typed' && typed.type?.hasId ? attr(typed.element, 'id') : undefined;
}

/**
 * Tallies of element and attribute kinds in a BPMN document, read from the XML text itself (not
 * through moddle), so that what moddle drops shows up as a difference between input and output.
 * Kinds are keyed by namespace, not prefix: `bpmn:timerEventDefinition`, `bpmndi:BPMNShape`,
 * `bpmn:task@name`, `bpmndi:BPMNShape@bpmnElement`; unknown namespaces by URI in braces.
 *
 * Two spellings that mean the same are counted as one, because moddle writes only one of them:
 * an attribute stating the schema's default (`isInterrupting="true"`) is not counted (moddle
 * leaves defaults out), and `<formalExpression>` (a member of the XSD substitution group of
 * `expression`) counts as `<expression xsi:type="tFormalExpression">`, which moddle writes.
 */
import { attributeUri, scanXml, type XmlAttribute, type XmlDocument, type XmlElement } from '../xml/scan';
import { BPMN_NS, BPMNDI_NS, DC_NS, DI_NS, XSI_NS } from '../schema/moddle-schema';
import { typeTree, type TypedElement, type TypedTree } from '../schema/typed-tree';

export type KindCounts = Map<string, number>;

const LABELS = new Map<string, string>([
  [BPMN_NS, 'bpmn'],
  [BPMNDI_NS, 'bpmndi'],
  [DC_NS, 'dc'],
  [DI_NS, 'di'],
  [XSI_NS, 'xsi'],
  ['http://camunda.org/schema/zeebe/1.0', 'zeebe'],
  ['http://www.w3.org/XML/1998/namespace', 'xml'],
]);

/** `bpmn`, `bpmndi`, … for the namespaces we know, `{uri}` for the others. */
export function namespaceLabel(uri: string | undefined): string {
  return LABELS.get(uri ?? '') ?? `{${uri ?? ''}}`;
}

/** The kind key of an element (`bpmn:task`). */
export function elementKind(element: XmlElement): string {
  return `${namespaceLabel(element.uri)}:${element.local}`;
}

/** The kind key of an attribute of an element (`bpmn:task@name`, `bpmn:task@xsi:type`). */
export function attributeKind(element: XmlElement, name: string): string {
  const colon = name.indexOf(':');
  const attrKey = colon < 0 ? name : `${namespaceLabel(attributeUri(element, name))}:${name.slice(colon + 1)}`;
  return `${elementKind(element)}@${attrKey}`;
}

/**
 * Counts every element kind and attribute kind of a document (namespace declarations excluded).
 *
 * @example
 * countKinds('<bpmn:definitions xmlns:bpmn="…MODEL"><bpmn:process id="P"/></bpmn:definitions>')
 *   .get('bpmn:process@id'); // 1
 */
export function countKinds(xml: string | XmlDocument | TypedTree): KindCounts {
  const tree = typeof xml === 'string' ? typeTree(scanXml(xml)) : 'all' in xml ? xml : typeTree(xml);
  const counts: KindCounts = new Map();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const typed of tree.all) for (const kind of countedKinds(typed)) add(kind);
  return counts;
}

/** The kinds one element contributes to a tally (its own and its counted attributes'). */
export function countedKinds(typed: TypedElement): string[] {
  const element = typed.element;
  const substituted = element.uri === BPMN_NS && element.local === 'formalExpression' && typed.placement === 'typed';
  const own = substituted ? 'bpmn:expression' : elementKind(element);
  const kinds = [own];
  if (substituted && !element.attributes.some((a) => isXsiType(element, a))) kinds.push(`${own}@xsi:type`);
  for (const a of element.attributes) {
    if (a.name === 'xmlns' || a.name.startsWith('xmlns:') || isDefaultValue(typed, a) || isRedundantXsiType(typed, a)) continue;
    kinds.push(substituted ? `${own}@${attributeKind(element, a.name).split('@')[1]}` : attributeKind(element, a.name));
  }
  return kinds;
}

/** Whether an attribute states its property's schema default (moddle does not write those). */
export function isDefaultValue(typed: TypedElement, a: XmlAttribute): boolean {
  if (typed.placement !== 'typed' || !typed.type || a.name.includes(':')) return false;
  const property = typed.type.property(a.name);
  if (!property?.isAttr || property.default === undefined) return false;
  const value = a.value.trim();
  if (typeof property.default === 'number' || property.type === 'Real' || property.type === 'Integer') return value !== '' && Number(value) === Number(property.default);
  return String(property.default) === value;
}

/** `xsi:type` naming the type the property has anyway (`<di:waypoint xsi:type="dc:Point">`): moddle leaves it out. */
function isRedundantXsiType(typed: TypedElement, a: XmlAttribute): boolean {
  if (typed.placement !== 'typed' || !typed.type || !typed.property || !isXsiType(typed.element, a)) return false;
  return typed.type.name === typed.property.type;
}

function isXsiType(element: XmlElement, a: XmlAttribute): boolean {
  return a.name.endsWith(':type') && attributeUri(element, a.name) === XSI_NS;
}

/** One kind whose count differs: `delta` = out − in. */
export interface KindDelta {
  kind: string;
  before: number;
  after: number;
  delta: number;
}

/** Kinds whose counts differ between two tallies, largest loss first. */
export function diffKinds(before: KindCounts, after: KindCounts): KindDelta[] {
  const kinds = new Set([...before.keys(), ...after.keys()]);
  const out: KindDelta[] = [];
  for (const kind of kinds) {
    const b = before.get(kind) ?? 0;
    const a = after.get(kind) ?? 0;
    if (a !== b) out.push({ kind, before: b, after: a, delta: a - b });
  }
  return out.sort((x, y) => x.delta - y.delta || x.kind.localeCompare(y.kind));
}

/** DI shapes and edges (BPMNShape + BPMNEdge) in a tally. */
export function diElementCount(counts: KindCounts): { shapes: number; edges: number } {
  return { shapes: counts.get('bpmndi:BPMNShape') ?? 0, edges: counts.get('bpmndi:BPMNEdge') ?? 0 };
}

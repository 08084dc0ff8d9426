/**
 * Content moddle has no place for, moved to where BPMN allows it before moddle reads the file:
 *
 * - `documentation` under an element that has none in moddle's model (Enterprise Explorer writes
 *   it into `<extension>`) moves to the nearest enclosing element that takes documentation.
 * - `documentation` with markup inside (`<html><p>…`) keeps that markup as text (CDATA): moddle
 *   reads documentation as text and would drop the elements.
 * - Extension content moddle cannot write: elements in no namespace (`xmlns=""`, saveXML then fails
 *   with "no namespace uri given for prefix ns0") and unknown elements in the BPMN namespace
 *   (`<Assignee>`, `<LoopCounter>`) are kept under a Flowdeck namespace, inside the element's
 *   `extensionElements` (created when missing).
 */
import { escapeXml, type XmlElement } from '../xml/scan';
import type { TextEdit } from '../xml/edit';
import { BPMN_NS } from '../schema/moddle-schema';
import type { TypedTree } from '../schema/typed-tree';
import type { ReportItem } from '../report';
import { countedKinds, elementKind, namespaceLabel } from '../audit/kinds';
import { nearestWithId } from './ids-and-references';
import { prefixFor } from './type-names';
import { uniqueId } from '../xml/names';

/** Namespace for elements that were in no namespace. */
export const NO_NAMESPACE_URI = 'urn:flowdeck:no-namespace';
/** Namespace for unknown elements that were in the BPMN namespace. */
export const UNKNOWN_BPMN_URI = 'urn:flowdeck:unknown-bpmn';
const KEPT_PREFIX = 'flowdeckKept';

export function repairMisplacedContent(tree: TypedTree): { edits: TextEdit[]; items: ReportItem[] } {
  const { doc } = tree;
  const edits: TextEdit[] = [];
  const items: ReportItem[] = [];
  const handled = new Set<XmlElement>();
  const intoExtensions = new Map<XmlElement, string[]>();
  const report = (element: XmlElement, message: string, kinds?: string[]) => {
    const holder = nearestWithId(tree, element.parent ?? element);
    items.push({ severity: 'changed', elementId: holder?.id, kind: elementKind(element), line: doc.lineOf(element.start), message, ...(kinds ? { kinds } : {}) });
  };
  const insideHandled = (element: XmlElement) => {
    for (let at = element.parent; at; at = at.parent) if (handled.has(at)) return true;
    return false;
  };

  for (const typed of tree.all) if (typed.placement === 'typed') repairRepeated(tree, typed.element, edits, report, handled);

  for (const typed of tree.all) {
    const element = typed.element;
    if (element === doc.root || handled.has(element) || insideHandled(element)) continue;
    const isDocumentation = element.uri === BPMN_NS && element.local === 'documentation';
    if (isDocumentation && typed.placement === 'unplaced') {
      const target = documentationHolder(tree, element);
      if (!target) continue;
      handled.add(element);
      edits.push({ start: lineStart(doc.text, element.start), end: element.end, text: '' });
      edits.push({ start: target.openEnd, end: target.openEnd, text: documentationText(doc.text, element) });
      report(element, `documentation inside <${element.parent!.name}> (not allowed there) moved to <${target.name}>`);
    } else if (isDocumentation && typed.placement === 'typed' && element.children.length > 0) {
      handled.add(element);
      edits.push({ start: element.openEnd, end: element.closeStart, text: cdata(doc.text.slice(element.openEnd, element.closeStart)) });
      report(element, `markup inside documentation (<${element.children[0].name}>) kept as text`, subtreeKinds(tree, element, false));
    } else if (element.uri === undefined && element.attributes.some((a) => a.name === 'xmlns' && a.value === '')) {
      handled.add(element);
      edits.push(...rebind(element, NO_NAMESPACE_URI));
      report(element, `<${element.name} xmlns=""> (no namespace) cannot be written back by moddle; kept in the namespace ${NO_NAMESPACE_URI}`, reboundKinds(tree, element, NO_NAMESPACE_URI));
    } else if (element.uri === BPMN_NS && typed.placement === 'unplaced' && /^unknown type/.test(typed.reason ?? '') && !typed.element.attributes.some((a) => a.name.endsWith(':type'))) {
      const parent = element.parent!;
      const parentTyped = tree.get(parent);
      handled.add(element);
      if (parentTyped.type?.is('bpmn:ExtensionElements')) {
        edits.push(...rebind(element, UNKNOWN_BPMN_URI));
        report(element, `<${element.name}> is not a BPMN element; kept as extension content in the namespace ${UNKNOWN_BPMN_URI}`, reboundKinds(tree, element, UNKNOWN_BPMN_URI));
      } else if (parentTyped.type?.property('extensionElements')) {
        edits.push({ start: lineStart(doc.text, element.start), end: element.end, text: '' });
        const moved = rebindText(doc.text, element, UNKNOWN_BPMN_URI);
        intoExtensions.set(parent, [...(intoExtensions.get(parent) ?? []), moved]);
        report(element, `<${element.name}> is not a BPMN element; kept as extension content of <${parent.name}> in the namespace ${UNKNOWN_BPMN_URI}`, [
          ...reboundKinds(tree, element, UNKNOWN_BPMN_URI),
          'bpmn:extensionElements',
        ]);
      } else {
        handled.delete(element);
      }
    }
  }
  for (const [parent, contents] of intoExtensions) edits.push(...addExtensionContent(tree, parent, contents.join('')));
  return { edits, items };
}

/**
 * A single-valued child given twice: moddle keeps the last one only. Two `extensionElements`
 * (Enterprise Explorer) are merged; a second `BPMNPlane` in one `BPMNDiagram` (Open-BPMN) gets a
 * diagram of its own.
 */
function repairRepeated(
  tree: TypedTree,
  parent: XmlElement,
  edits: TextEdit[],
  report: (element: XmlElement, message: string, kinds?: string[]) => void,
  handled: Set<XmlElement>,
): void {
  const byProperty = new Map<string, XmlElement[]>();
  for (const child of parent.children) {
    const typed = tree.get(child);
    if (typed.placement !== 'typed' || !typed.property || typed.property.isMany) continue;
    byProperty.set(typed.property.name, [...(byProperty.get(typed.property.name) ?? []), child]);
  }
  const text = tree.doc.text;
  for (const [name, children] of byProperty) {
    if (children.length < 2) continue;
    if (name === 'extensionElements') {
      const [first, ...rest] = children;
      const content = rest.map((c) => text.slice(c.openEnd, c.closeStart)).join('');
      for (const c of rest) {
        edits.push({ start: lineStart(text, c.start), end: c.end, text: '' });
        handled.add(c);
      }
      if (first.selfClosing) edits.push({ start: first.start, end: first.end, text: `<${first.name}>${content}</${first.name}>` });
      else edits.push({ start: first.closeStart, end: first.closeStart, text: content });
      report(first, `<${parent.name}> has ${children.length} extensionElements; merged into one`, ['bpmn:extensionElements']);
    } else if (name === 'plane' && tree.get(parent).type?.is('bpmndi:BPMNDiagram')) {
      const [, ...rest] = children;
      const diagramName = parent.name;
      let moved = '';
      for (const c of rest) {
        edits.push({ start: lineStart(text, c.start), end: c.end, text: '' });
        handled.add(c);
        const id = c.attributes.find((a) => a.name === 'id')?.value;
        const diagramId = uniqueId(`${id ?? 'BPMNPlane'}_diagram`, idsOf(tree));
        moved += `<${diagramName} id="${escapeXml(diagramId)}">${text.slice(c.start, c.end)}</${diagramName}>`;
      }
      edits.push({ start: parent.end, end: parent.end, text: moved });
      report(rest[0], `a diagram holds ${children.length} planes; the extra plane${rest.length > 1 ? 's get diagrams' : ' gets a diagram'} of ${rest.length > 1 ? 'their' : 'its'} own`, [
        'bpmndi:BPMNDiagram',
        'bpmndi:BPMNDiagram@id',
      ]);
    }
  }
}

/** The counted kinds of an element's subtree (itself included or not). */
function subtreeKinds(tree: TypedTree, element: XmlElement, self = true): string[] {
  const out = new Set<string>();
  const stack = self ? [element] : [...element.children];
  while (stack.length) {
    const next = stack.pop()!;
    for (const kind of countedKinds(tree.get(next))) out.add(kind);
    stack.push(...next.children);
  }
  return [...out];
}

/** The subtree's kinds before rebinding and after (the rebound namespace replacing the old one). */
function reboundKinds(tree: TypedTree, element: XmlElement, uri: string): string[] {
  const before = subtreeKinds(tree, element);
  const from = `${namespaceLabel(element.uri)}:`;
  const to = `${namespaceLabel(uri)}:`;
  return [...before, ...before.map((kind) => (kind.startsWith(from) ? to + kind.slice(from.length) : kind))];
}

function idsOf(tree: TypedTree): Set<string> {
  return new Set(tree.doc.elements.map((e) => e.attributes.find((a) => a.name === 'id')?.value).filter((v): v is string => !!v));
}

function documentationHolder(tree: TypedTree, element: XmlElement): XmlElement | undefined {
  for (let at = element.parent; at; at = at.parent) {
    const typed = tree.get(at);
    const property = typed.type?.property('documentation');
    // di:Diagram has a `documentation` attribute; only the element property takes <documentation>.
    if (typed.placement === 'typed' && property && !property.isAttr && property.type === 'bpmn:Documentation' && !at.selfClosing) return at;
  }
  return undefined;
}

function documentationText(text: string, element: XmlElement): string {
  if (element.children.length === 0) return text.slice(element.start, element.end);
  return text.slice(element.start, element.openEnd) + cdata(text.slice(element.openEnd, element.closeStart)) + text.slice(element.closeStart, element.end);
}

function cdata(raw: string): string {
  return `<![CDATA[${raw.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** Edits that put `element` (and its unprefixed descendants) into `uri`. */
function rebind(element: XmlElement, uri: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const nameEnd = element.start + 1 + element.name.length;
  const declared = element.attributes.find((a) => a.name === 'xmlns');
  if (!element.prefix) {
    if (declared) edits.push({ start: declared.valueStart, end: declared.valueEnd, text: escapeXml(uri) });
    else edits.push({ start: nameEnd, end: nameEnd, text: ` xmlns="${escapeXml(uri)}"` });
  } else {
    edits.push({ start: element.start + 1, end: nameEnd, text: `${KEPT_PREFIX}:${element.local} xmlns:${KEPT_PREFIX}="${escapeXml(uri)}"` });
    if (!element.selfClosing) edits.push({ start: element.closeStart + 2, end: element.closeStart + 2 + element.name.length, text: `${KEPT_PREFIX}:${element.local}` });
  }
  // Descendants that undeclare the default namespace again would fall back into no namespace.
  const stack = [...element.children];
  while (stack.length) {
    const child = stack.pop()!;
    const again = child.attributes.find((a) => a.name === 'xmlns' && a.value === '');
    if (again) edits.push({ start: again.valueStart, end: again.valueEnd, text: escapeXml(NO_NAMESPACE_URI) });
    stack.push(...child.children);
  }
  return edits;
}

/** The element's text with `rebind` applied. */
function rebindText(text: string, element: XmlElement, uri: string): string {
  const edits = rebind(element, uri)
    .map((e) => ({ ...e, start: e.start - element.start, end: e.end - element.start }))
    .sort((a, b) => b.start - a.start);
  let out = text.slice(element.start, element.end);
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function addExtensionContent(tree: TypedTree, parent: XmlElement, content: string): TextEdit[] {
  const existing = parent.children.find((c) => c.uri === BPMN_NS && c.local === 'extensionElements');
  if (existing && !existing.selfClosing) return [{ start: existing.closeStart, end: existing.closeStart, text: content }];
  const prefix = prefixFor(parent, BPMN_NS);
  const name = prefix ? `${prefix}:extensionElements` : 'extensionElements';
  const wrapped = `<${name}>${content}</${name}>`;
  if (existing) return [{ start: existing.start, end: existing.end, text: wrapped }];
  void tree;
  return [{ start: parent.openEnd, end: parent.openEnd, text: wrapped }];
}

/** The offset where the line of `offset` starts, when only whitespace precedes it there. */
function lineStart(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  return at > 0 && text[at - 1] === '\n' ? at : offset;
}

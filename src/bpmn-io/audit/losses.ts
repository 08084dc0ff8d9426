/**
 * What a round trip changed, element by element: the document before and after are compared per
 * "owner" (an element with an id, together with its id-less content: documentation, bounds,
 * waypoints, incoming/outgoing refs, attributes). The result is complete by construction (every
 * difference of kind counts belongs to some owner), so nothing can go missing without an item.
 */
import { scanXml, type XmlDocument, type XmlElement } from '../xml/scan';
import { typeTree, type TypedTree } from '../schema/typed-tree';
import { BPMN_FAMILY } from '../schema/moddle-schema';
import type { ReportItem } from '../report';
import type { ModdleWarning } from '../moddle-element';
import { countedKinds, elementKind } from './kinds';

interface Owner {
  id: string;
  element: XmlElement;
  kinds: Map<string, number>;
  line: number;
}

/**
 * Items for what `after` lacks or adds compared with `before` (both are documents of the same
 * model; ids are expected to be equal).
 *
 * @example
 * const items = compareDocuments(repairedXml, savedXml, warnings);
 * items.filter((i) => i.severity === 'lost');
 */
export function compareDocuments(before: string | TypedTree, after: string | TypedTree, warnings: readonly ModdleWarning[] = []): ReportItem[] {
  const a = owners(typeof before === 'string' ? typeTree(scanXml(before)) : before);
  const b = owners(typeof after === 'string' ? typeTree(scanXml(after)) : after);
  const reasons = reasonsOf(warnings);
  const items: ReportItem[] = [];
  for (const [key, owner] of a) {
    const other = b.get(key);
    const reason = reasons.byId.get(owner.id) ?? reasons.byLine.get(owner.line);
    if (!other) {
      items.push({
        severity: 'lost',
        elementId: owner.id,
        kind: elementKind(owner.element),
        line: owner.line,
        message: `${label(owner.element)} is not kept${reason ? ` (${reason})` : ''}`,
        kinds: [...owner.kinds.keys()],
      });
      continue;
    }
    const lost: string[] = [];
    const added: string[] = [];
    for (const kind of new Set([...owner.kinds.keys(), ...other.kinds.keys()])) {
      const delta = (other.kinds.get(kind) ?? 0) - (owner.kinds.get(kind) ?? 0);
      if (delta < 0) lost.push(kind);
      else if (delta > 0) added.push(kind);
    }
    if (lost.length) {
      const attributeReason = lost
        .map((k) => reasons.byIdProperty.get(`${owner.id}#${k.split('@')[1] ?? ''}`) ?? reasons.byProperty.get(k.split('@')[1] ?? k.slice(k.indexOf(':') + 1)))
        .find(Boolean);
      items.push({
        severity: 'lost',
        elementId: owner.id,
        kind: elementKind(owner.element),
        line: owner.line,
        message: `${describeKinds(owner, lost, 'not kept')}${attributeReason || reason ? ` (${attributeReason ?? reason})` : ''}`,
        kinds: lost,
      });
    }
    if (added.length) {
      items.push({ severity: 'changed', elementId: owner.id, kind: elementKind(owner.element), line: owner.line, message: describeKinds(owner, added, 'added'), kinds: added, ...diagramOnly(added) });
    }
  }
  for (const [key, owner] of b) {
    if (a.has(key)) continue;
    const kinds = [...owner.kinds.keys()];
    items.push({ severity: 'changed', elementId: owner.id, kind: elementKind(owner.element), message: `${label(owner.element)} added`, kinds, ...diagramOnly(kinds) });
  }
  return items;
}

/**
 * Owners keyed by id (and occurrence, for ids used twice); the root is the owner `(document)`.
 * Only BPMN, DI and DC elements own: ids inside extension content are the vendor's business.
 */
function owners(tree: TypedTree): Map<string, Owner> {
  const doc: XmlDocument = tree.doc;
  const out = new Map<string, Owner>();
  const seen = new Map<string, number>();
  const ownerOf = new Map<XmlElement, Owner>();
  for (const typed of tree.all) {
    const element = typed.element;
    const id = BPMN_FAMILY.has(element.uri ?? '') ? element.attributes.find((x) => x.name === 'id')?.value : undefined;
    let owner: Owner;
    if (id !== undefined || !element.parent) {
      const base = id ?? '(document)';
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      owner = { id: base, element, kinds: new Map(), line: doc.lineOf(element.start) };
      out.set(n === 1 ? base : `${base}#${n}`, owner);
    } else {
      owner = ownerOf.get(element.parent)!;
    }
    ownerOf.set(element, owner);
    for (const kind of countedKinds(typed)) owner.kinds.set(kind, (owner.kinds.get(kind) ?? 0) + 1);
  }
  return out;
}

function label(element: XmlElement): string {
  const name = element.attributes.find((x) => x.name === 'name')?.value;
  return `${element.local}${name ? ` "${name}"` : ''}`;
}

function describeKinds(owner: Owner, kinds: string[], verb: string): string {
  const ownKind = elementKind(owner.element);
  const parts = kinds.map((kind) => {
    const [elementPart, attribute] = kind.split('@');
    const local = localOf(elementPart);
    if (attribute !== undefined) return elementPart === ownKind ? `attribute ${localOf(attribute)}` : `attribute ${localOf(attribute)} of ${local}`;
    return local;
  });
  return `${[...new Set(parts)].join(', ')} ${verb}`;
}

/** Additions that are all diagram interchange (shapes, bounds, waypoints) change no model. */
function diagramOnly(kinds: string[]): { diagramOnly?: true } {
  return kinds.every((k) => /^(bpmndi|dc|di):/.test(k)) ? { diagramOnly: true } : {};
}

/** `bpmn:task` → `task`, `{http://x}:grid` → `grid`, `name` → `name`. */
function localOf(kind: string): string {
  const brace = kind.lastIndexOf('}:');
  if (brace >= 0) return kind.slice(brace + 2);
  const colon = kind.indexOf(':');
  return colon >= 0 ? kind.slice(colon + 1) : kind;
}

function reasonsOf(warnings: readonly ModdleWarning[]) {
  const byId = new Map<string, string>();
  const byIdProperty = new Map<string, string>();
  const byLine = new Map<number, string>();
  const byProperty = new Map<string, string>();
  for (const w of warnings) {
    const first = w.message.split('\n')[0];
    const nested = /nested error:\s*(.+)/.exec(w.message)?.[1]?.trim();
    const line = /\bline:\s*(\d+)/.exec(w.message)?.[1];
    const text = nested ?? first;
    if (w.element?.id && w.property) byIdProperty.set(`${w.element.id}#${w.property.split(':').pop()}`, /unresolved reference/.test(first) ? `unresolved reference "${w.value}"` : text);
    else if (w.element?.id) byId.set(w.element.id, text);
    if (line !== undefined) byLine.set(Number(line) + 1, text);
    if (w.property && /unresolved reference/.test(first)) byProperty.set(w.property.split(':').pop()!, `unresolved reference "${w.value}"`);
  }
  return { byId, byIdProperty, byLine, byProperty };
}

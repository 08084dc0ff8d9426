/**
 * Ids moddle refuses, and references moddle cannot resolve, repaired in the text before moddle
 * reads it. moddle drops an element whose id is not an NCName (`eventdef-7 days`, a UUID starting
 * with a digit) together with everything inside it, and drops the second element of a duplicate
 * id; references written as prefixed names (`bpmn2:Task_1`, `semantic:_abc`) stay unresolved.
 */
import { escapeXml, textOf, type XmlElement } from '../xml/scan';
import { isLegalId, sanitizeId, uniqueId } from '../xml/names';
import type { TextEdit } from '../xml/edit';
import { idOf, type TypedTree } from '../schema/typed-tree';
import type { ReportItem } from '../report';
import { elementKind } from '../audit/kinds';

export interface IdRepairs {
  edits: TextEdit[];
  items: ReportItem[];
  /** Old id → new id of renamed illegal ids (references followed them). */
  renamed: Map<string, string>;
  /** Elements that got a new id because their id was taken (references stay with the first). */
  duplicates: Map<XmlElement, string>;
}

/**
 * Renames illegal and duplicate ids and rewrites references to follow (and prefixed references
 * to the plain id they name).
 *
 * @example
 * const { edits, items } = repairIdsAndReferences(typeTree(scanXml(xml)));
 * applyEdits(xml, edits);
 */
export function repairIdsAndReferences(tree: TypedTree): IdRepairs {
  const { doc } = tree;
  const edits: TextEdit[] = [];
  const items: ReportItem[] = [];
  const renamed = new Map<string, string>();
  const duplicates = new Map<XmlElement, string>();
  const taken = new Set<string>();
  const owners = new Map<string, XmlElement>();
  for (const typed of tree.all) {
    const id = idOf(typed);
    if (id) taken.add(id.value);
  }

  const referenceCounts = new Map<string, number>();
  for (const typed of tree.all) {
    const id = idOf(typed);
    if (!id) continue;
    const value = id.value;
    const line = doc.lineOf(typed.element.start);
    if (!isLegalId(value) && !renamed.has(value)) {
      const next = uniqueId(sanitizeId(value), taken);
      renamed.set(value, next);
      owners.set(next, typed.element);
      edits.push({ start: id.valueStart, end: id.valueEnd, text: escapeXml(next) });
      items.push({ severity: 'changed', elementId: next, kind: elementKind(typed.element), line, message: `id "${value}" is not a valid XML id; renamed to "${next}"` });
    } else if (owners.has(renamed.get(value) ?? value)) {
      const next = uniqueId(`${renamed.get(value) ?? value}`, taken);
      duplicates.set(typed.element, next);
      edits.push({ start: id.valueStart, end: id.valueEnd, text: escapeXml(next) });
      items.push({
        severity: 'changed',
        elementId: next,
        kind: elementKind(typed.element),
        line,
        message: `id "${value}" is used twice (first at line ${doc.lineOf(owners.get(renamed.get(value) ?? value)!.start)}); this one is renamed to "${next}", references still point at the first`,
      });
    } else {
      owners.set(value, typed.element);
    }
  }

  const resolve = (token: string): string | undefined => {
    const direct = renamed.get(token);
    if (direct) return direct;
    if (owners.has(token)) return undefined;
    const colon = token.lastIndexOf(':');
    if (colon < 0) return undefined;
    const local = token.slice(colon + 1);
    return renamed.get(local) ?? (owners.has(local) ? local : undefined);
  };
  const rewrite = (value: string, isMany: boolean, owner: XmlElement, property: string): string | undefined => {
    const tokens = isMany ? value.split(/\s+/).filter(Boolean) : [value.trim()];
    let changed = false;
    const out = tokens.map((t) => {
      const next = resolve(t);
      if (next === undefined) return t;
      changed = true;
      referenceCounts.set(next, (referenceCounts.get(next) ?? 0) + 1);
      if (!renamed.has(t)) {
        const holder = nearestWithId(tree, owner);
        items.push({
          severity: 'changed',
          elementId: holder ? (renamed.get(holder.id) ?? holder.id) : undefined,
          kind: elementKind(holder?.element ?? owner),
          line: doc.lineOf(owner.start),
          message: `${property} "${t}" is a prefixed name; resolved to "${next}"`,
        });
      }
      return next;
    });
    return changed ? out.join(' ') : undefined;
  };

  for (const typed of tree.all) {
    const element = typed.element;
    if (typed.placement === 'typed' && typed.type) {
      for (const a of element.attributes) {
        const property = a.name.includes(':') ? undefined : typed.type.property(a.name);
        if (!property?.isAttr || !property.isReference) continue;
        const next = rewrite(a.value, property.isMany, element, a.name);
        if (next !== undefined) edits.push({ start: a.valueStart, end: a.valueEnd, text: escapeXml(next) });
      }
    } else if (typed.placement === 'value' && typed.property?.isReference && element.children.length === 0) {
      const next = rewrite(textOf(doc, element), typed.property.isMany, element, element.local);
      if (next !== undefined) edits.push({ start: element.openEnd, end: element.closeStart, text: escapeXml(next) });
    }
  }
  attachReferenceCounts(items, referenceCounts, renamed);
  return { edits, items, renamed, duplicates };
}

function attachReferenceCounts(items: ReportItem[], counts: Map<string, number>, renamed: Map<string, string>): void {
  const renamedTo = new Set(renamed.values());
  for (const item of items) {
    if (!item.elementId || !renamedTo.has(item.elementId) || !item.message.startsWith('id ')) continue;
    const n = counts.get(item.elementId) ?? 0;
    if (n > 0) item.message += ` (${n} reference${n === 1 ? '' : 's'} updated)`;
  }
}

/** The nearest element (itself or an ancestor) with an id, for naming where something is. */
export function nearestWithId(tree: TypedTree, element: XmlElement): { element: XmlElement; id: string } | undefined {
  for (let at: XmlElement | undefined = element; at; at = at.parent) {
    const id = idOf(tree.get(at))?.value ?? at.attributes.find((a) => a.name === 'id')?.value;
    if (id) return { element: at, id };
  }
  return undefined;
}

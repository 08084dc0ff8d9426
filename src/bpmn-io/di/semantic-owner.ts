import { is, many, type ModdleElement } from '../moddle-element';

/** The top-level process an element belongs to (walking `$parent`), if any. */
export function owningProcess(element: ModdleElement | undefined): ModdleElement | undefined {
  for (let at = element; at; at = at.$parent) if (is(at, 'bpmn:Process')) return at;
  return undefined;
}

/** The collaboration an element belongs to (participants, message flows, its artifacts). */
export function owningCollaboration(element: ModdleElement | undefined): ModdleElement | undefined {
  for (let at = element; at; at = at.$parent) if (is(at, 'bpmn:Collaboration')) return at;
  return undefined;
}

/** The collaborations whose participants reference `process`. */
export function collaborationsOf(definitions: ModdleElement, process: ModdleElement): ModdleElement[] {
  return many(definitions, 'rootElements').filter((e) => is(e, 'bpmn:Collaboration') && many(e, 'participants').some((p) => p.get('processRef') === process));
}

/**
 * Every element contained in `root` (not following references), `root` included: what a saved
 * document holds.
 */
export function containedElements(root: ModdleElement): Set<ModdleElement> {
  const seen = new Set<ModdleElement>();
  const stack: ModdleElement[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    const descriptor = (node as { $descriptor?: { properties?: Array<{ name: string; isReference?: boolean }> } }).$descriptor;
    for (const property of descriptor?.properties ?? []) {
      if (property.isReference) continue;
      const value = node[property.name];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as ModdleElement).$type === 'string') stack.push(child as ModdleElement);
      }
    }
  }
  return seen;
}

/** Every id in use in the document, for choosing new ones. */
export function idsInUse(root: ModdleElement): Set<string> {
  const ids = new Set<string>();
  for (const element of containedElements(root)) if (typeof element.id === 'string') ids.add(element.id);
  return ids;
}

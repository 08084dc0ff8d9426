import { BpmnModdle } from 'bpmn-moddle';

export interface ElementKey {
  id: string;
  type: string;
}

interface Node {
  $type: string;
  id?: unknown;
  [key: string]: unknown;
}

/**
 * Every element with an id in a BPMN document (semantic and DI, extension elements included),
 * as sorted "type#id" strings: what a lossless round trip must keep.
 */
export async function elementKeys(xml: string): Promise<string[]> {
  const { rootElement } = await new BpmnModdle().fromXML(xml);
  const keys = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (node: Node) => {
    if (seen.has(node)) return;
    seen.add(node);
    if (typeof node.id === 'string') keys.add(`${node.$type}#${node.id}`);
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('$')) continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as Node).$type === 'string') visit(child as Node);
      }
    }
  };
  visit(rootElement as unknown as Node);
  return [...keys].sort();
}

import { BpmnModdle } from 'bpmn-moddle';

interface Node {
  $type: string;
  $parent?: Node;
  id?: unknown;
  [key: string]: unknown;
}

export interface DocumentElements {
  /** Every element with an id (semantic and DI, extension elements included) as "type#id". */
  keys: string[];
  /**
   * DI elements the bpmn-js Modeler cannot place and drops on import (its bare Viewer keeps them):
   * edges/shapes without a `bpmnElement`, and shapes/edges on a collaboration plane for elements
   * of a process that no participant of that collaboration references (MIWG B.1.0, B.2.0, C.7.0).
   */
  unplaceable: string[];
}

/** Reads a BPMN document the way the MIWG round trip compares it. */
export async function documentElements(xml: string): Promise<DocumentElements> {
  const { rootElement } = await new BpmnModdle().fromXML(xml);
  const keys = new Set<string>();
  const seen = new Set<unknown>();
  const diElements: Node[] = [];
  const visit = (node: Node) => {
    if (seen.has(node)) return;
    seen.add(node);
    if (typeof node.id === 'string') keys.add(key(node));
    if (node.$type === 'bpmndi:BPMNShape' || node.$type === 'bpmndi:BPMNEdge') diElements.push(node);
    for (const [name, value] of Object.entries(node)) {
      // `bpmnElement`, `sourceRef` etc. are references: the referenced element is listed where it is contained.
      if (name.startsWith('$') || name === 'bpmnElement') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as Node).$type === 'string') visit(child as Node);
      }
    }
  };
  visit(rootElement as unknown as Node);
  return { keys: [...keys].sort(), unplaceable: diElements.filter((di) => !placeable(di)).map(key).sort() };
}

function key(node: Node): string {
  return `${node.$type}#${String(node.id)}`;
}

function placeable(di: Node): boolean {
  const element = di.bpmnElement as Node | undefined;
  if (!element) return false;
  const plane = di.$parent;
  const root = plane?.bpmnElement as Node | undefined;
  if (root?.$type !== 'bpmn:Collaboration') return true;
  const process = owningProcess(element);
  if (!process) return true;
  const participants = (root.participants as Node[] | undefined) ?? [];
  return participants.some((participant) => participant.processRef === process);
}

function owningProcess(element: Node): Node | undefined {
  for (let node: Node | undefined = element; node; node = node.$parent) {
    if (node.$type === 'bpmn:Process') return node;
  }
  return undefined;
}

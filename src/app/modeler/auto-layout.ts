// Lays out BPMN files that carry no diagram information (DI).
import { BpmnModdle as BpmnModdleImpl } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';

/** Reported among the import warnings when a file without diagram information was laid out. */
export const AUTO_LAYOUT_NOTE = 'The file had no diagram information; Flowdeck laid it out automatically.';

/** True when the XML carries BPMN DI (a `BPMNDiagram`), whatever its namespace prefix. */
export function hasDiagram(xml: string): boolean {
  return /<(?:[\w.-]+:)?BPMNDiagram[\s>/]/.test(xml);
}

// Files written by engines or by hand often have no DI; bpmn-js then shows an empty canvas with
// "no diagram to display". bpmn-auto-layout (bpmn.io's own) adds DI; it is loaded only when needed.
// If layout fails, the original XML is imported so that bpmn-js reports its own error.
export async function layoutWithoutDiagram(xml: string): Promise<string | null> {
  try {
    const { layoutProcess } = await import('bpmn-auto-layout');
    return await layoutProcess(await linkFlows(xml));
  } catch {
    return null;
  }
}

interface Element {
  $type: string;
  flowElements?: Element[];
  rootElements?: Element[];
  sourceRef?: Element;
  targetRef?: Element;
  incoming?: Element[];
  outgoing?: Element[];
}
interface Moddle {
  fromXML(xml: string): Promise<{ rootElement: Element }>;
  toXML(element: Element): Promise<{ xml: string }>;
}
const BpmnModdle = BpmnModdleImpl as unknown as new (packages: Record<string, unknown>) => Moddle;

// The layouter walks `outgoing`/`incoming`, which BPMN leaves optional: hand-written files often
// give only the flows' sourceRef/targetRef, and would be laid out as unconnected nodes.
async function linkFlows(xml: string): Promise<string> {
  const moddle = new BpmnModdle({ zeebe: zeebeSchema });
  const { rootElement } = await moddle.fromXML(xml);
  const containers: Element[] = [...(rootElement.rootElements ?? [])];
  while (containers.length > 0) {
    const container = containers.pop()!;
    for (const element of container.flowElements ?? []) {
      if (element.flowElements) containers.push(element);
      if (element.$type !== 'bpmn:SequenceFlow' || !element.sourceRef || !element.targetRef) continue;
      addOnce((element.sourceRef.outgoing ??= []), element);
      addOnce((element.targetRef.incoming ??= []), element);
    }
  }
  return (await moddle.toXML(rootElement)).xml;
}

function addOnce(list: Element[], flow: Element): void {
  if (!list.includes(flow)) list.push(flow);
}

import { is, many, type ModdleElement } from '../moddle-element';

/**
 * The diagrams bpmn-js imports together with `diagram` (bpmn-js `Importer.js`, not exported
 * there): the diagram itself and the planes of its processes' subprocesses, or undefined when the
 * diagram has no plane.
 */
export function diagramsToImport(definitions: ModdleElement, diagram: ModdleElement | undefined): ModdleElement[] | undefined {
  const plane = diagram?.get('plane') as ModdleElement | undefined;
  if (!diagram || !plane) return undefined;
  const bpmnElement = plane.get('bpmnElement') as ModdleElement | undefined;
  let rootElement = bpmnElement;
  if (!is(bpmnElement, 'bpmn:Process') && !is(bpmnElement, 'bpmn:Collaboration')) rootElement = rootProcess(bpmnElement);
  const collaboration = is(rootElement, 'bpmn:Collaboration')
    ? rootElement
    : many(definitions, 'rootElements').find((e) => is(e, 'bpmn:Collaboration') && many(e, 'participants').some((p) => p.get('processRef') === rootElement));
  let rootElements: Array<ModdleElement | undefined> = [rootElement];
  if (collaboration) rootElements = [...many(collaboration, 'participants').map((p) => p.get('processRef') as ModdleElement | undefined), collaboration];
  const allChildren = selfAndAllFlowElements(rootElements);
  const result = [diagram];
  const handled: unknown[] = [bpmnElement];
  for (const other of many(definitions, 'diagrams')) {
    const otherPlane = other.get('plane') as ModdleElement | undefined;
    if (!otherPlane) continue;
    const element = otherPlane.get('bpmnElement');
    if (allChildren.includes(element as ModdleElement) && !handled.includes(element)) {
      result.push(other);
      handled.push(element);
    }
  }
  return result;
}

function selfAndAllFlowElements(elements: Array<ModdleElement | undefined>): ModdleElement[] {
  const result: ModdleElement[] = [];
  for (const element of elements) {
    if (!element) continue;
    result.push(element, ...selfAndAllFlowElements((element.flowElements as ModdleElement[] | undefined) ?? []));
  }
  return result;
}

function rootProcess(element: ModdleElement | undefined): ModdleElement | undefined {
  for (let at = element; at; at = at.$parent) if (is(at, 'bpmn:Process')) return at;
  return undefined;
}

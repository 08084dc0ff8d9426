/**
 * `<bpmn:incoming>` / `<bpmn:outgoing>` are optional in BPMN: a sequence flow's `sourceRef` and
 * `targetRef` say it all, and many files (other tools', Flowdeck's examples) leave them out.
 * bpmn-js does not derive them on import, but bpmnlint reads them: such a file lit up as
 * "not connected", "implicit start", "implicit end" everywhere. Filling them in on import (as
 * Camunda Modeler writes them) makes lint see the flows the canvas draws; a later save writes them.
 *
 * @example
 * ```ts
 * await modeler.importXML(xml);
 * linkSequenceFlows(modeler.getDefinitions());
 * ```
 */
interface Element {
  $type: string;
  get(name: string): unknown;
}

/** Adds every sequence flow to its source's `outgoing` and its target's `incoming` when missing. */
export function linkSequenceFlows(definitions: Element | undefined): number {
  let added = 0;
  const link = (node: unknown, property: 'incoming' | 'outgoing', flow: Element) => {
    if (!node || typeof (node as Element).get !== 'function') return;
    const list = (node as Element).get(property);
    if (Array.isArray(list) && !list.includes(flow)) {
      list.push(flow);
      added++;
    }
  };
  const visit = (container: Element) => {
    const elements = container.get('flowElements');
    if (!Array.isArray(elements)) return;
    for (const element of elements as Element[]) {
      if (element.$type === 'bpmn:SequenceFlow') {
        link(element.get('sourceRef'), 'outgoing', element);
        link(element.get('targetRef'), 'incoming', element);
      }
      visit(element);
    }
  };
  const roots = definitions?.get('rootElements');
  for (const root of Array.isArray(roots) ? (roots as Element[]) : []) visit(root);
  return added;
}

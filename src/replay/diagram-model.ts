import { SaxesParser } from 'saxes';
import { LogError } from './model';

/** What replay needs of a BPMN model: its flow nodes and sequence flows (all processes, subprocesses included). */
export interface DiagramModel {
  nodes: Array<{ id: string; name: string | null; type: string }>;
  flows: Array<{ id: string; name: string | null; sourceId: string; targetId: string }>;
}

const NODE = /^(task|subProcess|transaction|callActivity|adHocSubProcess|.+Task|.+Event|.+Gateway)$/;

/**
 * Reads the flow nodes and sequence flows of BPMN 2.0 XML (any prefix), without a moddle: fast,
 * pure, the same in a worker and in Node.
 *
 * @example
 * const model = readDiagramModel(xml);
 * model.flows[0]; // { id: 'Flow_1', name: null, sourceId: 'Start', targetId: 'Approve' }
 */
export function readDiagramModel(xml: string, file = 'model.bpmn'): DiagramModel {
  const model: DiagramModel = { nodes: [], flows: [] };
  const parser = new SaxesParser({ position: true });
  let depthInExtensions = 0;
  let processes = 0;
  parser.on('error', (e) => {
    throw new LogError(`${file}: line ${parser.line}`, e.message.replace(/^([^:]*:)?\d+:\d+: /, ''));
  });
  parser.on('opentag', (tag) => {
    const local = tag.name.slice(tag.name.indexOf(':') + 1);
    if (depthInExtensions > 0 || local === 'extensionElements') {
      depthInExtensions++;
      return;
    }
    if (local === 'process') processes++;
    const { id, name } = tag.attributes as Record<string, string | undefined>;
    if (id === undefined) return;
    if (local === 'sequenceFlow') {
      const { sourceRef, targetRef } = tag.attributes as Record<string, string | undefined>;
      if (sourceRef && targetRef) model.flows.push({ id, name: name ?? null, sourceId: sourceRef, targetId: targetRef });
    } else if (NODE.test(local)) model.nodes.push({ id, name: name ?? null, type: local });
  });
  parser.on('closetag', () => {
    if (depthInExtensions > 0) depthInExtensions--;
  });
  parser.write(xml).close();
  if (processes === 0) throw new LogError(file, 'not a BPMN model: no <process>');
  return model;
}

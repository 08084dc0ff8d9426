// Generates BPMN diagrams of a given size with full DI, for the modeler benchmark and e2e tests.
// Layout: a snake of tasks in rows, every node connected to the next, so nothing overlaps and
// the lint rules see a well-formed process (one start, one end, no disconnected nodes).

const COLUMNS = 20;
const STEP_X = 150;
const STEP_Y = 140;
const TASK = { width: 100, height: 80 };
const EVENT = { width: 36, height: 36 };

/**
 * @param {number} elements target number of diagram elements (shapes + connections), >= 3
 * @returns {{ xml: string, shapes: number, connections: number }}
 */
export function generateBpmn(elements) {
  // n nodes have n - 1 flows: 2n - 1 elements.
  const nodes = Math.max(2, Math.ceil((elements + 1) / 2));
  const semantic = [];
  const di = [];
  const centers = [];
  for (let i = 0; i < nodes; i++) {
    const row = Math.floor(i / COLUMNS);
    const col = row % 2 === 0 ? i % COLUMNS : COLUMNS - 1 - (i % COLUMNS);
    const cx = 120 + col * STEP_X;
    const cy = 120 + row * STEP_Y;
    const isStart = i === 0;
    const isEnd = i === nodes - 1;
    const id = isStart ? 'Start' : isEnd ? 'End' : `Task_${i}`;
    const size = isStart || isEnd ? EVENT : TASK;
    const incoming = isStart ? '' : `<bpmn:incoming>Flow_${i - 1}</bpmn:incoming>`;
    const outgoing = isEnd ? '' : `<bpmn:outgoing>Flow_${i}</bpmn:outgoing>`;
    const tag = isStart ? 'bpmn:startEvent' : isEnd ? 'bpmn:endEvent' : i % 3 === 0 ? 'bpmn:serviceTask' : 'bpmn:userTask';
    semantic.push(`    <${tag} id="${id}" name="${isStart ? 'Start' : isEnd ? 'End' : `Step ${i}`}">${incoming}${outgoing}</${tag}>`);
    di.push(`      <bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${cx - size.width / 2}" y="${cy - size.height / 2}" width="${size.width}" height="${size.height}" /></bpmndi:BPMNShape>`);
    centers.push({ id, cx, cy, size });
  }
  for (let i = 0; i < nodes - 1; i++) {
    const a = centers[i];
    const b = centers[i + 1];
    semantic.push(`    <bpmn:sequenceFlow id="Flow_${i}" sourceRef="${a.id}" targetRef="${b.id}" />`);
    let points;
    if (a.cy === b.cy) {
      const dir = b.cx > a.cx ? 1 : -1;
      points = [[a.cx + (dir * a.size.width) / 2, a.cy], [b.cx - (dir * b.size.width) / 2, b.cy]];
    } else {
      points = [[a.cx, a.cy + a.size.height / 2], [b.cx, b.cy - b.size.height / 2]];
    }
    di.push(`      <bpmndi:BPMNEdge id="Flow_${i}_di" bpmnElement="Flow_${i}">${points.map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`).join('')}</bpmndi:BPMNEdge>`);
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Generated_${elements}" targetNamespace="http://flowdeck.dev/bench">
  <bpmn:process id="Generated" isExecutable="true">
${semantic.join('\n')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram">
    <bpmndi:BPMNPlane id="Plane" bpmnElement="Generated">
${di.join('\n')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
  return { xml, shapes: nodes, connections: nodes - 1 };
}

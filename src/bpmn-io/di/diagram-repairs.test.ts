import { describe, expect, it } from 'vitest';
import { fixture, plainRoundTrip, studioRoundTrip } from '../test-support/round-trip';
import { prepareBpmn } from '../prepare';

describe('diagram repairs', () => {
  const xml = fixture('diagram-quirks.bpmn');

  it('given a plane pointing at the definitions, bpmn-js refuses to open it (the defect)', async () => {
    expect((await plainRoundTrip(xml)).error).toMatch(/unsupported bpmnElement for <bpmndi:BPMNPlane.*<bpmn:Definitions id="Definitions_1"/);
  });

  it('when prepared, then the plane shows the collaboration its shapes belong to', async () => {
    const r = await studioRoundTrip(xml);
    expect(r.xml).toMatch(/<bpmndi:BPMNPlane id="Plane_1" bpmnElement="Collaboration_1">/);
    expect(r.items('changed').find((i) => i.kind === 'bpmndi:BPMNPlane')?.message).toMatch(/pointed at bpmn:Definitions Definitions_1, which cannot be displayed; it now shows bpmn:Collaboration Collaboration_1/);
  });

  it('draws a shape given to a process as the pool of its participant', async () => {
    const r = await studioRoundTrip(xml);
    expect(r.xml).toMatch(/<bpmndi:BPMNShape id="Pool_Shape" bpmnElement="Participant_1" isHorizontal="true">/);
  });

  it('draws a data object through a data object reference, and its association follows', async () => {
    const r = await studioRoundTrip(xml);
    expect(r.xml).toMatch(/<bpmn:dataObjectReference id="DataObject_1_ref" name="Invoice" dataObjectRef="DataObject_1" \/>/);
    expect(r.xml).toMatch(/<bpmn:association id="Association_1" sourceRef="Task_1" targetRef="DataObject_1_ref" \/>/);
    expect(r.items('changed').find((i) => i.elementId === 'DataObject_1_ref')?.message).toBe('data object DataObject_1 is drawn through a new data object reference DataObject_1_ref (1 association follows it)');
  });

  it('draws the elements of a process no participant references, as other tools do', async () => {
    const r = await studioRoundTrip(xml);
    // pool, start, task, data reference, association, free start, free end, free flow, and the
    // sequence flow the file gave no edge (laid out)
    expect(r.drawn).toBe(9);
  });

  it('keeps on save what the canvas cannot draw (a message shape, an edge without element) and says so', async () => {
    const r = await studioRoundTrip(xml);
    expect(r.saved).toContain('id="Message_Shape"');
    expect(r.saved).toContain('id="Loose_Edge"');
    expect(r.items('kept').map((i) => i.elementId).sort()).toEqual(['Loose_Edge', 'Message_Shape']);
    expect(r.countsOut.get('bpmndi:BPMNShape')).toBe(r.countsIn.get('bpmndi:BPMNShape'));
    expect(r.countsOut.get('bpmndi:BPMNEdge')).toBe(r.countsIn.get('bpmndi:BPMNEdge')! + 1); // Flow_1, laid out
    expect(r.items('lost')).toEqual([]);
    expect(r.unreported).toEqual([]);
  });

  it('given the same file, plain bpmn-js would have dropped those shapes on save (the defect)', async () => {
    const fixed = xml.replace('bpmnElement="Definitions_1"', 'bpmnElement="Collaboration_1"');
    const plain = await plainRoundTrip(fixed);
    expect(plain.saved).not.toContain('id="Message_Shape"');
    expect(plain.saved).not.toContain('id="Free_Start_Shape"');
  });
});

describe('layout of what has no shape', () => {
  it('given a diagram that shows only the start event, plain bpmn-js draws one shape (the defect)', async () => {
    expect((await plainRoundTrip(fixture('partial-diagram.bpmn'))).drawn).toBe(1);
  });

  it('when prepared, then every flow node and flow gets a shape, placed below what is drawn', async () => {
    const r = await studioRoundTrip(fixture('partial-diagram.bpmn'));
    expect(r.drawn).toBe(7);
    expect(r.countsOut.get('bpmndi:BPMNShape')).toBe(4);
    expect(r.countsOut.get('bpmndi:BPMNEdge')).toBe(3);
    expect(r.xml).toMatch(/<bpmndi:BPMNShape id="Start_Shape" bpmnElement="Start_1">\s*<dc:Bounds x="100" y="100"/);
    const task = /<bpmndi:BPMNShape id="Task_1_di" bpmnElement="Task_1">\s*<dc:Bounds x="(\d+)" y="(\d+)"/.exec(r.xml);
    expect(Number(task?.[2])).toBeGreaterThan(136);
    expect(r.items('changed').find((i) => i.kind === 'bpmn:process')?.message).toBe('3 elements and 3 flows of bpmn:Process Process_1 had no shape in any diagram; Flowdeck laid them out');
    expect(r.unreported).toEqual([]);
  });

  it('given a process without any diagram, then a diagram is created', async () => {
    const noDi = fixture('partial-diagram.bpmn').replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '');
    const r = await studioRoundTrip(noDi);
    expect(r.drawn).toBe(7);
    expect(r.items('changed')[0].message).toBe('4 elements and 3 flows of bpmn:Process Process_1 had no shape in any diagram; Flowdeck laid them out in a new diagram');
  });
});

describe('refused up front', () => {
  it('given no process or collaboration, then it is refused with bpmn-js’ reason', async () => {
    const r = await prepareBpmn(fixture('no-process.bpmn'));
    expect(r).toMatchObject({ ok: false, stage: 'open', message: 'The diagram cannot be displayed: no process or collaboration to display' });
  });

  it('given XML that is not well-formed, then it is refused at the read stage with moddle’s position', async () => {
    const r = await prepareBpmn('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="P">');
    expect(r).toMatchObject({ ok: false, stage: 'read', message: expect.stringMatching(/line: 0/) });
  });

  it('given a clean file, then it is stored as it was, without items', async () => {
    const clean = fixture('partial-diagram.bpmn').replace(/<bpmn:task id="Task_1" \/>[\s\S]*?<bpmn:sequenceFlow id="Flow_1"/, '<bpmn:sequenceFlow id="Flow_1"').replace(/<bpmn:sequenceFlow id="Flow_[123]"[^>]*\/>/g, '').replace(/<bpmn:task id="Task_2" \/>\s*<bpmn:endEvent id="End_1" \/>/, '');
    const r = await prepareBpmn(clean);
    expect(r.ok && r.xml).toBe(clean);
    expect(r.ok && r.report.items).toEqual([]);
  });
});

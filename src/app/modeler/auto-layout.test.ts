import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasDiagram, repairForCanvas } from './auto-layout';

const withoutDi = readFileSync(new URL('../../../docs/examples/order/order.bpmn', import.meta.url), 'utf8');
const flowNodeIds = (xml: string) => [...xml.matchAll(/<bpmn:(?:startEvent|endEvent|\w*[tT]ask|\w*Gateway)\s+id="([^"]+)"/g)].map((m) => m[1]);

describe('auto layout of files without a diagram', () => {
  it('given a process without BPMN DI, when repaired for the canvas, then every flow node gets a shape and the user is told', async () => {
    expect(hasDiagram(withoutDi)).toBe(false);
    const nodes = flowNodeIds(withoutDi);
    expect(nodes.length).toBeGreaterThan(3);

    const { xml, notes } = await repairForCanvas(withoutDi);

    expect(hasDiagram(xml)).toBe(true);
    for (const id of nodes) expect(xml).toMatch(new RegExp(`bpmnElement="${id}"`));
    expect(notes).toEqual([expect.stringMatching(/had no shape in any diagram; Flowdeck laid them out in a new diagram$/)]);
  });

  it('recognises a diagram whatever its namespace prefix', () => {
    expect(hasDiagram('<bpmndi:BPMNDiagram id="d">')).toBe(true);
    expect(hasDiagram('<di:BPMNDiagram>')).toBe(true);
    expect(hasDiagram('<BPMNDiagram/>')).toBe(true);
    expect(hasDiagram('<bpmn:process id="BPMNDiagramLike"/>')).toBe(false);
  });

  it('given XML that is not BPMN, then it gives up and leaves the error to the importer', async () => {
    expect(await repairForCanvas('<not-bpmn/>')).toEqual({ xml: '<not-bpmn/>', notes: [] });
  });

  it('given a file that must be laid out and whose reader drops a reference, then the reader warning is a note too (the rewritten text no longer holds the reference)', async () => {
    const dangling = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="http://example.com">
  <bpmn:process id="P" isExecutable="true">
    <bpmn:startEvent id="Begin" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Begin" targetRef="Ghost" />
  </bpmn:process>
</bpmn:definitions>`;
    const { xml, notes } = await repairForCanvas(dangling);
    expect(xml).not.toBe(dangling);
    expect(notes).toContainEqual(expect.stringMatching(/unresolved reference <Ghost>/));
  });

  it('given a repaired file, then repairing again changes nothing (the modeler repairs on every import)', async () => {
    const { xml } = await repairForCanvas(withoutDi);
    expect(await repairForCanvas(xml)).toEqual({ xml, notes: [] });
  });
});

describe('auto layout keeps the process connected', () => {
  it('given flows known only by sourceRef/targetRef, when laid out, then every sequence flow gets an edge', async () => {
    const flowIds = [...withoutDi.matchAll(/<bpmn:sequenceFlow\s+id="([^"]+)"/g)].map((m) => m[1]);
    expect(withoutDi).not.toContain('<bpmn:outgoing>');

    const { xml } = await repairForCanvas(withoutDi);

    for (const id of flowIds) expect(xml).toMatch(new RegExp(`<bpmndi:BPMNEdge [^>]*bpmnElement="${id}"`));
  });
});

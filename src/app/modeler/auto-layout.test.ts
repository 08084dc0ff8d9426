import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasDiagram, layoutWithoutDiagram } from './auto-layout';

const withoutDi = readFileSync(new URL('../../../docs/examples/order/order.bpmn', import.meta.url), 'utf8');
const flowNodeIds = (xml: string) => [...xml.matchAll(/<bpmn:(?:startEvent|endEvent|\w*[tT]ask|\w*Gateway)\s+id="([^"]+)"/g)].map((m) => m[1]);

describe('auto layout of files without a diagram', () => {
  it('given a process without BPMN DI, when laid out, then every flow node gets a shape', async () => {
    expect(hasDiagram(withoutDi)).toBe(false);
    const nodes = flowNodeIds(withoutDi);
    expect(nodes.length).toBeGreaterThan(3);

    const laidOut = await layoutWithoutDiagram(withoutDi);

    expect(laidOut).not.toBeNull();
    expect(hasDiagram(laidOut!)).toBe(true);
    for (const id of nodes) expect(laidOut).toMatch(new RegExp(`bpmnElement="${id}"`));
  });

  it('recognises a diagram whatever its namespace prefix', () => {
    expect(hasDiagram('<bpmndi:BPMNDiagram id="d">')).toBe(true);
    expect(hasDiagram('<di:BPMNDiagram>')).toBe(true);
    expect(hasDiagram('<BPMNDiagram/>')).toBe(true);
    expect(hasDiagram('<bpmn:process id="BPMNDiagramLike"/>')).toBe(false);
  });

  it('given XML that is not BPMN, when laid out, then it gives up and leaves the error to the importer', async () => {
    expect(await layoutWithoutDiagram('<not-bpmn/>')).toBeNull();
  });
});

describe('auto layout keeps the process connected', () => {
  it('given flows known only by sourceRef/targetRef, when laid out, then every sequence flow gets an edge', async () => {
    const flowIds = [...withoutDi.matchAll(/<bpmn:sequenceFlow\s+id="([^"]+)"/g)].map((m) => m[1]);
    expect(withoutDi).not.toContain('<bpmn:outgoing>');

    const laidOut = (await layoutWithoutDiagram(withoutDi))!;

    for (const id of flowIds) expect(laidOut).toMatch(new RegExp(`<bpmndi:BPMNEdge [^>]*bpmnElement="${id}"`));
  });
});

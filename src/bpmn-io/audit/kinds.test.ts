import { describe, expect, it } from 'vitest';
import { countKinds, diffKinds } from './kinds';
import { compareDocuments } from './losses';

const doc = (body: string) =>
  `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:v="urn:v" id="D">${body}</bpmn:definitions>`;

describe('kind tallies', () => {
  it('counts element and attribute kinds by namespace, not prefix', () => {
    const a = countKinds(doc('<bpmn:process id="P"><bpmn:task id="T" name="x"/></bpmn:process>'));
    const b = countKinds(doc('<bpmn:process id="P"><bpmn:task id="T" name="x"/></bpmn:process>').replace(/bpmn:/g, 'model:').replace('xmlns:bpmn=', 'xmlns:model='));
    expect(a.get('bpmn:task@name')).toBe(1);
    expect(diffKinds(a, b)).toEqual([]);
  });

  it('does not count attributes that state the schema default (moddle leaves them out)', () => {
    const counts = countKinds(doc('<bpmn:process id="P" isExecutable="true"><bpmn:startEvent id="S" isInterrupting="true" parallelMultiple="false"/></bpmn:process>'));
    expect(counts.get('bpmn:startEvent@isInterrupting')).toBeUndefined();
    expect(counts.get('bpmn:startEvent@parallelMultiple')).toBeUndefined();
    expect(counts.get('bpmn:process@isExecutable')).toBe(1);
  });

  it('counts <formalExpression> as the <expression xsi:type="tFormalExpression"> moddle writes', () => {
    const member = countKinds(doc('<bpmn:process id="P"><bpmn:potentialOwner id="O"><bpmn:resourceAssignmentExpression id="R"><bpmn:formalExpression id="E">x</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:potentialOwner></bpmn:process>'));
    const written = countKinds(doc('<bpmn:process id="P"><bpmn:potentialOwner id="O"><bpmn:resourceAssignmentExpression id="R"><bpmn:expression xsi:type="bpmn:tFormalExpression" id="E">x</bpmn:expression></bpmn:resourceAssignmentExpression></bpmn:potentialOwner></bpmn:process>'));
    expect(diffKinds(member, written)).toEqual([]);
  });
});

describe('compareDocuments', () => {
  it('names, element by element, what is missing after a round trip and why', () => {
    const before = doc('<bpmn:process id="P"><bpmn:task id="T"><bpmn:documentation>d</bpmn:documentation><bpmn:extensionElements><v:x/></bpmn:extensionElements></bpmn:task><bpmn:sequenceFlow id="F" sourceRef="T" targetRef="gone"/></bpmn:process>');
    const after = doc('<bpmn:process id="P"><bpmn:task id="T"/><bpmn:sequenceFlow id="F" sourceRef="T"/></bpmn:process>');
    const items = compareDocuments(before, after, [{ message: 'unresolved reference <gone>', element: { id: 'F' } as never, property: 'bpmn:targetRef', value: 'gone' }]);
    expect(items.map((i) => [i.severity, i.elementId, i.message])).toEqual([
      ['lost', 'T', 'documentation, extensionElements, x not kept'],
      ['lost', 'F', 'attribute targetRef not kept (unresolved reference "gone")'],
    ]);
  });
});

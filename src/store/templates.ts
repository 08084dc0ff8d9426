import type { FileKind } from './types';
import { newId } from './ids';

/** Short random suffix for element ids, so that two new files never share a process or decision id. */
function suffix(): string {
  return newId().replace(/-/g, '').slice(0, 7);
}

/** A minimal valid BPMN 2.0 process: one start event, with its diagram. */
export function bpmnTemplate(name: string): string {
  const s = suffix();
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="Definitions_${s}" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Flowdeck" exporterVersion="0.1.0">
  <bpmn:process id="Process_${s}" name="${escapeXml(name)}" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_${s}">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
        <dc:Bounds x="179" y="79" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

/** A minimal valid DMN 1.3 model: one decision with a decision table (one input, one output). */
export function dmnTemplate(name: string): string {
  const s = suffix();
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" id="Definitions_${s}" name="${escapeXml(name)}" namespace="http://camunda.org/schema/1.0/dmn" exporter="Flowdeck" exporterVersion="0.1.0">
  <decision id="Decision_${s}" name="${escapeXml(name)}">
    <decisionTable id="DecisionTable_${s}" hitPolicy="UNIQUE">
      <input id="Input_1" label="Input">
        <inputExpression id="InputExpression_1" typeRef="string">
          <text>input</text>
        </inputExpression>
      </input>
      <output id="Output_1" label="Output" name="output" typeRef="string" />
    </decisionTable>
  </decision>
  <dmndi:DMNDI>
    <dmndi:DMNDiagram id="DMNDiagram_1">
      <dmndi:DMNShape id="DMNShape_${s}" dmnElementRef="Decision_${s}">
        <dc:Bounds height="80" width="180" x="160" y="100" />
      </dmndi:DMNShape>
    </dmndi:DMNDiagram>
  </dmndi:DMNDI>
</definitions>
`;
}

/** A minimal form-js schema: one text field. */
export function formTemplate(_name: string): string {
  const s = suffix();
  const schema = {
    type: 'default',
    id: `Form_${s}`,
    schemaVersion: 19,
    exporter: { name: 'Flowdeck', version: '0.1.0' },
    components: [{ id: `Field_${s}`, type: 'textfield', key: 'name', label: 'Name' }],
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/**
 * The starting content of a new file of `kind`, named `name` (used as the process/decision name).
 *
 * @example
 * const xml = templateFor('bpmn', 'Order handling');
 */
export function templateFor(kind: FileKind, name: string): string {
  switch (kind) {
    case 'bpmn':
      return bpmnTemplate(name);
    case 'dmn':
      return dmnTemplate(name);
    case 'form':
      return formTemplate(name);
  }
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// Small documents for the dev harness and the editor e2e specs.
export const SAMPLE_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="Order" name="Order" isExecutable="true">
    <bpmn:startEvent id="Start" name="Order received">
      <bpmn:outgoing>Flow_1</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="ComputeTotal" />
    <bpmn:scriptTask id="ComputeTotal" name="Compute total" scriptFormat="javascript">
      <bpmn:incoming>Flow_1</bpmn:incoming>
      <bpmn:outgoing>Flow_2</bpmn:outgoing>
      <bpmn:script>const items = execution.getVariable('items');
return 0;</bpmn:script>
    </bpmn:scriptTask>
    <bpmn:sequenceFlow id="Flow_2" sourceRef="ComputeTotal" targetRef="End" />
    <bpmn:endEvent id="End" name="Done">
      <bpmn:incoming>Flow_2</bpmn:incoming>
    </bpmn:endEvent>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_1">
    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="Order">
      <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="ComputeTotal_di" bpmnElement="ComputeTotal"><dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="392" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="340" y="120" /><di:waypoint x="392" y="120" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;

export const SAMPLE_DMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" id="Definitions_dish" name="Dish" namespace="http://camunda.org/schema/1.0/dmn">
  <decision id="Dish" name="Dish">
    <decisionTable id="DecisionTable_1" hitPolicy="UNIQUE">
      <input id="Input_1" label="Season">
        <inputExpression id="InputExpression_1" typeRef="string"><text>season</text></inputExpression>
      </input>
      <output id="Output_1" label="Dish" name="dish" typeRef="string" />
      <rule id="Rule_1">
        <inputEntry id="In_1"><text>"Summer"</text></inputEntry>
        <outputEntry id="Out_1"><text>"Salad"</text></outputEntry>
      </rule>
      <rule id="Rule_2">
        <inputEntry id="In_2"><text>"Winter"</text></inputEntry>
        <outputEntry id="Out_2"><text>"Stew"</text></outputEntry>
      </rule>
    </decisionTable>
  </decision>
  <decision id="Greeting" name="Greeting">
    <literalExpression id="Literal_1"><text>"Enjoy your " + dish</text></literalExpression>
  </decision>
  <dmndi:DMNDI>
    <dmndi:DMNDiagram id="DMNDiagram_1">
      <dmndi:DMNShape id="Dish_di" dmnElementRef="Dish"><dc:Bounds height="80" width="180" x="160" y="100" /></dmndi:DMNShape>
      <dmndi:DMNShape id="Greeting_di" dmnElementRef="Greeting"><dc:Bounds height="80" width="180" x="400" y="100" /></dmndi:DMNShape>
    </dmndi:DMNDiagram>
  </dmndi:DMNDI>
</definitions>
`;

export const SAMPLE_FORM = `${JSON.stringify(
  {
    type: 'default',
    id: 'Form_order',
    schemaVersion: 18,
    components: [
      { type: 'textfield', key: 'customer', label: 'Customer', id: 'Field_customer' },
      { type: 'number', key: 'amount', label: 'Amount', id: 'Field_amount' },
    ],
  },
  null,
  2,
)}\n`;

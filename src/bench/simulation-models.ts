/**
 * The simulation benchmark's models: flow (a) of the engine benchmark with a BPSim scenario
 * (resources and distributions), and flow (b), 20 nodes with a script task and a DMN decision.
 */
import { flowA } from './engine-models';

const BPSIM = 'http://www.bpsim.org/schemas/2.0';

function withScenario(xml: string, scenario: string, extra = ''): string {
  const relationship = `<bpmn:relationship type="BPSimData" xmlns:bpsim="${BPSIM}"><bpmn:extensionElements><bpsim:BPSimData>${scenario}</bpsim:BPSimData></bpmn:extensionElements><bpmn:source>Bench</bpmn:source><bpmn:target>Bench</bpmn:target></bpmn:relationship>${extra}`;
  return xml.replace(/(<bpmn:definitions[^>]*>)/, `$1\n${relationship}`);
}

function arrivals(meanSeconds: number, count: number, variables = ''): string {
  return `<bpsim:ElementParameters elementRef="Start"><bpsim:ControlParameters>
<bpsim:InterTriggerTimer><bpsim:ExponentialDistribution mean="${meanSeconds}" /></bpsim:InterTriggerTimer>
<bpsim:TriggerCount><bpsim:NumericParameter value="${count}" /></bpsim:TriggerCount></bpsim:ControlParameters>${variables}</bpsim:ElementParameters>`;
}

function task(id: string, dist: string, role?: string): string {
  const selection = role ? `<bpsim:ResourceParameters><bpsim:Selection><bpsim:ExpressionParameter value="getResource('${role}', 1)" /></bpsim:Selection></bpsim:ResourceParameters>` : '';
  return `<bpsim:ElementParameters elementRef="${id}"><bpsim:TimeParameters><bpsim:ProcessingTime>${dist}</bpsim:ProcessingTime></bpsim:TimeParameters>${selection}<bpsim:CostParameters><bpsim:FixedCost><bpsim:FloatingParameter value="1" /></bpsim:FixedCost></bpsim:CostParameters></bpsim:ElementParameters>`;
}

function role(id: string, quantity: number): string {
  return `<bpsim:ElementParameters elementRef="${id}"><bpsim:ResourceParameters><bpsim:Quantity><bpsim:NumericParameter value="${quantity}" /></bpsim:Quantity></bpsim:ResourceParameters><bpsim:CostParameters><bpsim:UnitCost><bpsim:FloatingParameter value="0.01" /></bpsim:UnitCost></bpsim:CostParameters></bpsim:ElementParameters>`;
}

const AMOUNT = `<bpsim:PropertyParameters><bpsim:Property name="amount"><bpsim:UniformDistribution min="0" max="200" /></bpsim:Property></bpsim:PropertyParameters>`;

/** Flow (a), 10 nodes, with exponential arrivals, an amount per case, timed tasks and two roles. */
export function flowAScenario(instances: number): string {
  const scenario = `<bpsim:Scenario id="a"><bpsim:ScenarioParameters replication="1" seed="1" baseTimeUnit="s" />
${arrivals(60, instances, AMOUNT)}
${task('TaskA', '<bpsim:ExponentialDistribution mean="40" />', 'Clerk')}${task('TaskB', '<bpsim:TriangularDistribution min="10" mode="30" max="60" />', 'Clerk')}
${task('LowTask', '<bpsim:NormalDistribution mean="30" standardDeviation="5" />', 'Clerk')}${task('Audit', '<bpsim:ExponentialDistribution mean="30" />', 'Auditor')}
${role('Clerk', 2)}${role('Auditor', 1)}</bpsim:Scenario>`;
  return withScenario(flowA('feel'), scenario, '<bpmn:resource id="Clerk" /><bpmn:resource id="Auditor" />');
}

/**
 * Flow (b), 20 nodes: start, a script task, a business rule task (the `discount` decision), an
 * exclusive split on the decision's result into branches of 7 and 6 tasks, a merge, a last task, end.
 */
export function flowB(instances: number): string {
  const f = (id: string, from: string, to: string, cond?: string) =>
    cond ? `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${cond}</bpmn:conditionExpression></bpmn:sequenceFlow>` : `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
  const chain = (prefix: string, n: number, from: string, to: string): string[] => {
    const out: string[] = [];
    let prev = from;
    for (let i = 1; i <= n; i++) {
      out.push(`<bpmn:task id="${prefix}${i}" />`, f(`f${prefix}${i}`, prev, `${prefix}${i}`));
      prev = `${prefix}${i}`;
    }
    out.push(f(`f${prefix}End`, prev, to));
    return out;
  };
  const body = [
    '<bpmn:startEvent id="Start" />', f('f1', 'Start', 'Enrich'),
    `<bpmn:scriptTask id="Enrich" scriptFormat="javascript"><bpmn:script>execution.setVariable('tier', variables.amount &gt; 150 ? 'gold' : 'silver'); return null;</bpmn:script></bpmn:scriptTask>`,
    f('f2', 'Enrich', 'Decide'),
    '<bpmn:businessRuleTask id="Decide"><bpmn:extensionElements><zeebe:calledDecision decisionId="discount" resultVariable="discount" /></bpmn:extensionElements></bpmn:businessRuleTask>',
    f('f3', 'Decide', 'Split'),
    '<bpmn:exclusiveGateway id="Split" default="toB" />', f('toA', 'Split', 'A1', '= discount &gt; 0'), ...chain('A', 7, 'Split', 'Merge').slice(2),
    ...chain('B', 6, 'Split', 'Merge').map((s) => s.replace('id="fB1" sourceRef="Split"', 'id="toB" sourceRef="Split"')),
    '<bpmn:exclusiveGateway id="Merge" />', f('f4', 'Merge', 'Ship'), '<bpmn:task id="Ship" />', f('f5', 'Ship', 'End'), '<bpmn:endEvent id="End" />',
  ];
  // chain('A') starts with A1 and its flow from Split; the conditional flow toA replaces that flow.
  body.splice(body.indexOf(f('toA', 'Split', 'A1', '= discount &gt; 0')) + 1, 0, '<bpmn:task id="A1" />');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Bench" targetNamespace="http://flowdeck.dev/bench">
<bpmn:process id="flowB" isExecutable="true">
${body.join('\n')}
</bpmn:process>
</bpmn:definitions>
`;
  const scenario = `<bpsim:Scenario id="b"><bpsim:ScenarioParameters replication="1" seed="2" baseTimeUnit="s" />
${arrivals(30, instances, AMOUNT)}
${task('Enrich', '<bpsim:ExponentialDistribution mean="5" />', 'Clerk')}${task('A3', '<bpsim:ExponentialDistribution mean="20" />', 'Clerk')}
${task('B2', '<bpsim:UniformDistribution min="5" max="30" />', 'Clerk')}${task('Ship', '<bpsim:ErlangDistribution k="2" mean="20" />', 'Packer')}
${role('Clerk', 3)}${role('Packer', 1)}</bpsim:Scenario>`;
  return withScenario(xml, scenario, '<bpmn:resource id="Clerk" /><bpmn:resource id="Packer" />');
}

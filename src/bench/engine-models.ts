/**
 * The benchmark models, generated so their shape is obvious from the code. Flowdeck models use
 * zeebe-style FEEL conditions; the bpmn-engine variant of flow (a) is the same graph with a
 * bpmn-engine condition (`${...}` expression or JavaScript).
 */

const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Bench" targetNamespace="http://flowdeck.dev/bench">`;

function definitions(processId: string, body: string, roots = ''): string {
  return `${HEADER}\n${roots}<bpmn:process id="${processId}" isExecutable="true">\n${body}\n</bpmn:process>\n</bpmn:definitions>\n`;
}

interface Condition {
  language?: string;
  body: string;
}

function flow(id: string, from: string, to: string, condition?: Condition): string {
  if (condition === undefined) return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
  const language = condition.language ? ` language="${condition.language}"` : '';
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"${language}>${condition.body}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
}

/** How the high-amount condition is written for each engine. */
export type ConditionStyle = 'feel' | 'bpmn-engine-expression' | 'bpmn-engine-javascript';

const CONDITIONS: Record<ConditionStyle, Condition> = {
  feel: { body: '= amount &gt; 100' },
  // bpmn-engine's expressions are property lookups only, so the comparison is precomputed into `high`:
  // this favours bpmn-engine.
  'bpmn-engine-expression': { body: '${environment.variables.high}' },
  'bpmn-engine-javascript': { language: 'javascript', body: 'next(null, environment.variables.amount &gt; 100)' },
};

/**
 * Flow (a), 10 nodes: start, exclusive gateway with a condition, parallel split into two tasks and
 * a join, an exclusive merge (with the low-amount task on the other branch), a task, end. With
 * amount > 100 an instance executes 9 elements. `withScript` puts a JavaScript script task after the
 * start event (flow d).
 */
export function flowA(style: ConditionStyle, withScript = false): string {
  const script = withScript
    ? `<bpmn:scriptTask id="Enrich" scriptFormat="javascript"><bpmn:script>execution.setVariable('net', variables.amount * 0.8); return variables.amount;</bpmn:script></bpmn:scriptTask>
${flow('fs0', 'Start', 'Enrich')}${flow('fs1', 'Enrich', 'Check')}`
    : flow('f1', 'Start', 'Check');
  return definitions('flowA', `
<bpmn:startEvent id="Start" />
${script}
${gatedParallel(CONDITIONS[style], ['TaskA', '<bpmn:task id="TaskA" />'], ['TaskB', '<bpmn:task id="TaskB" />'])}`);
}

/** Flow (b): start, `tasks` tasks in a row, end (100 nodes with the default 98 tasks). */
export function sequential(tasks = 98): string {
  const parts = ['<bpmn:startEvent id="Start" />'];
  let previous = 'Start';
  for (let i = 1; i <= tasks; i++) {
    parts.push(`<bpmn:task id="T${i}" />`, flow(`f${i}`, previous, `T${i}`));
    previous = `T${i}`;
  }
  parts.push('<bpmn:endEvent id="End" />', flow('fEnd', previous, 'End'));
  return definitions('sequential', parts.join('\n'));
}

/** Flow (c): a parallel multi-instance task over the `items` collection. */
export function multiInstance(): string {
  return definitions('multi', `
<bpmn:startEvent id="Start" />
${flow('f1', 'Start', 'Each')}
<bpmn:task id="Each">
  <bpmn:multiInstanceLoopCharacteristics>
    <bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" inputElement="item" /></bpmn:extensionElements>
  </bpmn:multiInstanceLoopCharacteristics>
</bpmn:task>
${flow('f2', 'Each', 'End')}
<bpmn:endEvent id="End" />`);
}

/**
 * Flow (e), 10 nodes: flow (a)'s gateways with its two parallel tasks replaced by a one-minute timer
 * catch and a message catch (`paid`, correlated by `orderId`), so each instance waits twice and is
 * woken by the host's timer driver and its message correlation.
 */
export function flowE(): string {
  const timer = '<bpmn:intermediateCatchEvent id="Cooling"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>';
  const message = '<bpmn:intermediateCatchEvent id="Payment"><bpmn:messageEventDefinition messageRef="Paid" /></bpmn:intermediateCatchEvent>';
  return definitions('flowE', `
<bpmn:startEvent id="Start" />
${flow('f1', 'Start', 'Check')}
${gatedParallel(CONDITIONS.feel, ['Cooling', timer], ['Payment', message])}`,
  '<bpmn:message id="Paid" name="paid"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements></bpmn:message>\n');
}

/**
 * The shape flows (a) and (e) share, from the gateway `Check` to `End`: on `condition`, a parallel
 * split into the two given elements (id, XML) and a join; otherwise `LowTask`; then an exclusive
 * merge, `Audit` and the end event.
 */
function gatedParallel(condition: Condition, [aId, a]: [string, string], [bId, b]: [string, string]): string {
  return `<bpmn:exclusiveGateway id="Check" default="fLow" />
${flow('fHigh', 'Check', 'Split', condition)}
${flow('fLow', 'Check', 'LowTask')}
<bpmn:parallelGateway id="Split" />
${flow('f2', 'Split', aId)}${flow('f3', 'Split', bId)}
${a}${b}
${flow('f4', aId, 'Join')}${flow('f5', bId, 'Join')}
<bpmn:parallelGateway id="Join" />
${flow('f6', 'Join', 'Merge')}
<bpmn:task id="LowTask" />
${flow('f7', 'LowTask', 'Merge')}
<bpmn:exclusiveGateway id="Merge" />
${flow('f8', 'Merge', 'Audit')}
<bpmn:task id="Audit" />
${flow('f9', 'Audit', 'End')}
<bpmn:endEvent id="End" />`;
}

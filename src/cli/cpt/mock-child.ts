import type { Variables } from '../../engine';

/**
 * The BPMN of a mocked child process (MOCK_CHILD_PROCESS): a start and an end event whose output
 * mappings set `variables`, so a call activity that calls `processId` completes at once and gets
 * them back (call activities propagate the child's variables by default, as in Zeebe). Deployed as
 * the newest version, it takes the place of the real process for call activities bound to `latest`.
 *
 * @example
 * mockChildProcessXml('credit-check', { approved: true }); // '<bpmn:definitions ...>'
 * @throws Error when a variable name cannot be a mapping target (it must be a FEEL name).
 */
export function mockChildProcessXml(processId: string, variables: Variables): string {
  const outputs = Object.entries(variables).map(([name, value]) => {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`the variable name "${name}" of the mocked child process ${processId} is not a plain name`);
    return `<zeebe:output source="${xmlAttr(`=${feelLiteral(value)}`)}" target="${name}" />`;
  });
  const io = outputs.length ? `<bpmn:extensionElements><zeebe:ioMapping>${outputs.join('')}</zeebe:ioMapping></bpmn:extensionElements>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="mock-${xmlAttr(processId)}" targetNamespace="http://flowdeck.dev/cpt-mock">
  <bpmn:process id="${xmlAttr(processId)}" name="mock of ${xmlAttr(processId)}" isExecutable="true">
    <bpmn:startEvent id="mock_start" />
    <bpmn:sequenceFlow id="mock_flow" sourceRef="mock_start" targetRef="mock_end" />
    <bpmn:endEvent id="mock_end">${io}</bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;
}

/** A JSON value as a FEEL literal: strings, numbers, booleans, null, lists and contexts. */
export function feelLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return numberLiteral(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(feelLiteral).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}: ${feelLiteral(v)}`).join(', ')}}`;
}

/** FEEL numbers have no exponent: 1e21 is written out in full, 1e-7 as 0.0000001. */
function numberLiteral(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  const text = String(n);
  if (!/e/i.test(text)) return text;
  return Number.isInteger(n) ? BigInt(n).toString() : n.toFixed(100).replace(/\.?0+$/, '');
}

function xmlAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

import { readFileSync } from 'node:fs';
import { HOSTILE_EXPRESSIONS } from '../../feel/hostile/corpus';
import { loadAttacks } from '../scripts/test-support/hostile-corpus';

/**
 * Every hostile input of the three corpora (models, scripts, expressions) as something a host can
 * deploy and start: for the soak test, which interleaves them with normal instances on one host.
 */
export interface HostileRun {
  /** `model:…`, `script:…` or `expression:…`, for failure messages. */
  name: string;
  /** The BPMN to deploy (once per run name). */
  xml: string;
  processId: string;
  variables: Record<string, unknown>;
}

interface ModelCase {
  name: string;
  model: string;
  process?: string;
  variables?: Record<string, unknown>;
  deepVariables?: number;
  hugeVariables?: number;
  expect: { deploy?: string };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const definitions = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="soak" targetNamespace="http://flowdeck.test/soak">
${body}
</bpmn:definitions>`;

/** A process whose one script task runs `source`. */
function scriptProcess(processId: string, source: string): string {
  return definitions(`<bpmn:process id="${processId}" isExecutable="true">
  <bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="attack" />
  <bpmn:scriptTask id="attack" scriptFormat="javascript"><bpmn:script>${escapeXml(source)}</bpmn:script></bpmn:scriptTask>
  <bpmn:sequenceFlow id="f2" sourceRef="attack" targetRef="end" /><bpmn:endEvent id="end" />
</bpmn:process>`);
}

/** A process whose exclusive gateway routes on `expression` (FEEL), with a default flow. */
function conditionProcess(processId: string, expression: string): string {
  return definitions(`<bpmn:process id="${processId}" isExecutable="true">
  <bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="gw" />
  <bpmn:exclusiveGateway id="gw" default="otherwise" />
  <bpmn:sequenceFlow id="taken" sourceRef="gw" targetRef="yes"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escapeXml(`= ${expression}`)}</bpmn:conditionExpression></bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="otherwise" sourceRef="gw" targetRef="no" />
  <bpmn:endEvent id="yes" /><bpmn:endEvent id="no" />
</bpmn:process>`);
}

function nestedObject(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let node = root;
  for (let i = 0; i < depth; i++) node = (node.a = {}) as Record<string, unknown>;
  return root;
}

function modelRuns(): HostileRun[] {
  const cases = JSON.parse(readFileSync(new URL('models.json', import.meta.url), 'utf8')) as ModelCase[];
  return cases
    .filter((c) => !c.expect.deploy && c.process)
    .map((c) => ({
      name: `model:${c.name}`,
      xml: readFileSync(new URL(`models/${c.model}`, import.meta.url), 'utf8'),
      processId: c.process as string,
      variables: c.deepVariables ? nestedObject(c.deepVariables) : c.hugeVariables ? { blob: 'x'.repeat(c.hugeVariables) } : (c.variables ?? {}),
    }));
}

function scriptRuns(): HostileRun[] {
  return loadAttacks().map((a, i) => ({
    name: `script:${a.name}`,
    xml: scriptProcess(`script${i}`, a.source),
    processId: `script${i}`,
    variables: { cards: ['4111111111111111', '1234567812345678'], amount: 150 },
  }));
}

function expressionRuns(): HostileRun[] {
  return HOSTILE_EXPRESSIONS.map((e, i) => ({
    name: `expression:${e.name}`,
    xml: conditionProcess(`expression${i}`, e.expression),
    processId: `expression${i}`,
    variables: { ...(e.variables ?? {}) },
  }));
}

/** Models first, then scripts, then expressions; the soak test cycles through them. */
export function hostileRuns(): HostileRun[] {
  return [...modelRuns(), ...scriptRuns(), ...expressionRuns()];
}

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from './parse';
import { variablesInScope, type ScopeOptions } from './variables-in-scope';

const FORMS: Record<string, string[]> = { 'order-form': ['amount', 'items'], 'review-form': ['approved', 'comment'] };
const options: ScopeOptions = { formFields: ({ formId }) => (formId ? FORMS[formId] : undefined) };

async function scopeAt(elementId: string, extra: ScopeOptions = {}) {
  const { definitions } = await parseBpmn(await readFile(new URL('./variables-in-scope.test.bpmn', import.meta.url), 'utf8'));
  const vars = variablesInScope(definitions, elementId, { ...options, ...extra });
  return Object.fromEntries(vars.map((v) => [v.name, v.source]));
}

const LOOP = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
  <bpmn:process id="loop" isExecutable="true">
    <bpmn:startEvent id="S" /><bpmn:sequenceFlow id="a" sourceRef="S" targetRef="Check" />
    <bpmn:businessRuleTask id="Check"><bpmn:extensionElements><zeebe:calledDecision decisionId="c" resultVariable="checked" /></bpmn:extensionElements></bpmn:businessRuleTask>
    <bpmn:sequenceFlow id="b" sourceRef="Check" targetRef="Retry" />
    <bpmn:scriptTask id="Retry"><bpmn:extensionElements><zeebe:script expression="=1" resultVariable="attempt" /></bpmn:extensionElements></bpmn:scriptTask>
    <bpmn:sequenceFlow id="c" sourceRef="Retry" targetRef="Check" />
  </bpmn:process>
</bpmn:definitions>`;

describe('variables in scope at a BPMN element', () => {
  it('given a start form, when asking after the start, then its fields are known as start form fields', async () => {
    expect(await scopeAt('Score')).toEqual({ amount: 'start form field (form order-form)', items: 'start form field (form order-form)' });
  });

  it('given two paths into a script task, when asked, then its input mapping, both paths and the earlier result variable are known, nearest first', async () => {
    const scope = await scopeAt('Total');
    expect(Object.keys(scope)).toEqual(['doubled', 'reviewOk', 'customer', 'score', 'amount', 'items']);
    expect(scope).toMatchObject({
      doubled: 'input mapping of Total',
      reviewOk: 'output mapping of Review',
      customer: 'output mapping of Fetch customer',
      score: 'result variable of Score order',
    });
    // Review has an output mapping, so its form fields stay local to it.
    expect(scope.approved).toBeUndefined();
    // Its own result variable is not known to its own expression, only to its output mappings.
    expect(scope.total).toBeUndefined();
    expect((await scopeAt('Total', { ownOutputs: true })).total).toBe('result variable of Total (for its output mappings)');
  });

  it('given a boundary event, when asked after it, then the interrupted task wrote nothing', async () => {
    const scope = await scopeAt('Remind');
    expect(scope.score).toBe('result variable of Score order');
    expect(scope.reviewOk).toBeUndefined();
  });

  it('given a subprocess, when asked inside it, then its input mappings, the multi-instance output and what reached the subprocess are known', async () => {
    const line = await scopeAt('Line');
    expect(line).toMatchObject({ item: 'input element of Line', subTotal: 'input mapping of Lines', total: 'result variable of Total', score: 'result variable of Score order' });
    const price = await scopeAt('Price');
    expect(price.lineResults).toBe('output collection of Line');
    expect(price.item).toBeUndefined();
  });

  it('given an event subprocess, when asked inside it, then what any element of the process writes is known', async () => {
    const scope = await scopeAt('Refund');
    expect(scope).toMatchObject({ total: 'result variable of Total', reviewOk: 'output mapping of Review', amount: 'start form field (form order-form)' });
  });

  it('given a loop back to an earlier element, when asked, then what the loop writes counts and the walk ends', async () => {
    const { definitions } = await parseBpmn(LOOP);
    const scope = Object.fromEntries(variablesInScope(definitions, 'Check').map((v) => [v.name, v.source]));
    // Check's own result is known from the second round on, through Retry.
    expect(scope).toEqual({ attempt: 'result variable of Retry', checked: 'result variable of Check' });
  });

  it('given an unknown element or unknown forms, when asked, then nothing is invented', async () => {
    expect(await scopeAt('Nope')).toEqual({});
    expect(await scopeAt('Score', { formFields: () => undefined })).toEqual({});
  });
});

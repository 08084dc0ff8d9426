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
    expect((await scopeAt('Total', { ownOutputs: true })).total).toBe('result variable of Total');
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

  it('given an unknown element or unknown forms, when asked, then nothing is invented', async () => {
    expect(await scopeAt('Nope')).toEqual({});
    expect(await scopeAt('Score', { formFields: () => undefined })).toEqual({});
  });
});

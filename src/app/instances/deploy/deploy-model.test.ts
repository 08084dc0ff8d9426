import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MemoryCatalog } from '../../../api';
import { apiOn } from '../../../api/test-support/api-harness';
import { MemoryStore } from '../../../host';
import { deployModel, deploymentBoundFiles, lintProblems, projectForms, referencedFormIds } from './deploy-model';

const fixture = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');

async function engine() {
  const store = new MemoryStore();
  const { api } = await apiOn(store, new MemoryCatalog(store));
  const calls: string[] = [];
  return { api, calls, deploy: (r: Parameters<typeof api.call<'deployments.deploy'>>[1]) => (calls.push(r!.name), api.call('deployments.deploy', r)) };
}

describe('deployModel (Deploy in the modeler)', () => {
  it('given a valid model, when deployed, then the engine has version 1 and instances start', async () => {
    const { api, deploy } = await engine();
    const outcome = await deployModel(deploy, { name: 'approval.bpmn', xml: fixture('deploy-model.test.bpmn'), issues: [{ elementId: 'review', rule: 'label-required', message: 'Element is missing label/name', category: 'warn' }] });
    expect(outcome).toMatchObject({ status: 'deployed', versions: { approval: 1 } });
    expect(outcome.problems).toEqual([{ source: 'lint', severity: 'warning', elementId: 'review', message: 'Element is missing label/name', rule: 'label-required' }]);
    expect(await api.call('instances.start', { processId: 'approval' })).toMatchObject({ data: { state: 'active' } });
  });

  it('given lint errors, when deployed, then it is refused with them listed and the engine is not asked', async () => {
    const { deploy, calls } = await engine();
    const outcome = await deployModel(deploy, {
      name: 'approval.bpmn', xml: fixture('deploy-model.test.bpmn'),
      issues: [
        { elementId: 'review', rule: 'no-disconnected', message: 'Element is not connected', category: 'error' },
        { elementId: 'start', rule: 'label-required', message: 'Element is missing label/name', category: 'warn' },
      ],
    });
    expect(outcome.status).toBe('refused');
    expect(outcome.message).toBe('approval.bpmn has 1 error: fix it to deploy');
    expect(outcome.problems.map((p) => [p.severity, p.elementId])).toEqual([['error', 'review'], ['warning', 'start']]);
    expect(calls).toEqual([]);
  });

  it('given a model the engine cannot compile, when deployed, then it is refused with each compile error on its element', async () => {
    const { api, deploy } = await engine();
    const outcome = await deployModel(deploy, { name: 'broken.bpmn', xml: fixture('deploy-model-broken.test.bpmn'), issues: [] });
    expect(outcome.status).toBe('refused');
    expect(outcome.problems.length).toBeGreaterThan(0);
    expect(outcome.problems.every((p) => p.source === 'compile' && p.severity === 'error')).toBe(true);
    expect(outcome.problems.map((p) => p.elementId)).toContain('f2');
    // Nothing was deployed.
    expect(await api.call('deployments.list', {})).toEqual({ data: [] });
  });

  it('given only info findings, when turned into problems, then none is listed', () => {
    expect(lintProblems([{ elementId: 'x', rule: 'r', message: 'm', category: 'info' }])).toEqual([]);
  });
});

describe('deployModel with the project forms', () => {
  const xml = fixture('deploy-model-form.test.bpmn');
  const form = JSON.stringify({ id: 'approve-form', type: 'default', components: [{ key: 'ok', type: 'checkbox', label: 'OK' }] });

  it('given a user task naming a project form, when deployed, then the form is deployed too', async () => {
    const { api, deploy } = await engine();
    const outcome = await deployModel(deploy, { name: 'approval.bpmn', xml, issues: [], forms: projectForms([{ kind: 'form', name: 'approve.form', content: form }, { kind: 'form', name: 'draft.form', content: '{' }]) });
    expect(outcome).toMatchObject({ status: 'deployed', message: expect.stringContaining('form approve-form v1') });
    expect(await api.call('deployments.versions', { kind: 'form', id: 'approve-form' })).toMatchObject({ data: [{ version: 1 }] });
  });

  it('given a form id not in the project, when deployed, then it deploys with a warning naming the form', async () => {
    const { deploy } = await engine();
    const outcome = await deployModel(deploy, { name: 'approval.bpmn', xml, issues: [], forms: [] });
    expect(outcome.status).toBe('deployed');
    expect(outcome.problems.map((p) => p.message)).toEqual([expect.stringContaining('form approve-form is not in this project')]);
  });

  it('given XML, when its form references are read, then each id comes once', () => {
    expect(referencedFormIds(xml + xml)).toEqual(['approve-form']);
  });
});

describe('deployModel with decisions bound by deployment', () => {
  const DISCOUNT = readFileSync(new URL('../../../host/fixtures/discount.dmn', import.meta.url), 'utf8');
  const PRICING = readFileSync(new URL('../../../host/fixtures/pricing.bpmn', import.meta.url), 'utf8')
    .replace('resultVariable="discount"', 'resultVariable="discount" bindingType="deployment"');

  it('given a business rule task binding deployment, when deployed, then the project DMN defining it goes along and a newer DMN alone does not change its result', async () => {
    expect(deploymentBoundFiles(PRICING, [{ name: 'other.dmn', source: '<definitions/>' }, { name: 'discount.dmn', source: DISCOUNT }]))
      .toEqual({ files: [{ name: 'discount.dmn', source: DISCOUNT }], missing: [] });
    // The id is matched literally: `a.b` is not `aXb`.
    expect(deploymentBoundFiles(PRICING.replace('decisionId="discount"', 'decisionId="a.b"'), [{ name: 'x.dmn', source: '<decision id="aXb"/>' }])).toEqual({ files: [], missing: ['a.b'] });
    const { api, deploy } = await engine();
    const outcome = await deployModel(deploy, { name: 'pricing.bpmn', xml: PRICING, issues: [], dmnFiles: [{ name: 'discount.dmn', source: DISCOUNT }] });
    expect(outcome).toMatchObject({ status: 'deployed', versions: { pricing: 1 } });
    await api.call('deployments.deploy', { kind: 'dmn', name: 'discount.dmn', source: DISCOUNT.replace('<text>0.1</text>', '<text>0.2</text>') });
    const started = await api.call('instances.start', { processId: 'pricing', variables: { tier: 'gold', amount: 150 } });
    if ('error' in started) throw new Error(started.message);
    expect(started.data.state).toBe('completed');
    expect(JSON.stringify(await api.call('instances.get', { instanceId: started.data.instanceId }))).toContain('"discount":0.1');
  });

  it('given no DMN file defining the bound decision, when deployed, then a warning names it', async () => {
    const { deploy } = await engine();
    const outcome = await deployModel(deploy, { name: 'pricing.bpmn', xml: PRICING, issues: [], dmnFiles: [] });
    expect(outcome.problems).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/decision discount \(bindingType deployment\) is in no DMN file/) }));
  });
});

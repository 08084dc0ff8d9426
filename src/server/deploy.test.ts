import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryCatalog } from '../api/memory-catalog';
import { EngineApi } from '../api/service';
import { ManualClock, UniqueIds } from '../host/clocks';
import { DmnDecisions } from '../host/dmn-decisions';
import { EngineHost } from '../host/engine-host';
import { FeelExpressions } from '../host/feel-expressions';
import { MemoryStore } from '../host/memory-store';
import { deployAll } from './deploy';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'host', 'fixtures', name), 'utf8');
const DISCOUNT = fixture('discount.dmn');
const BOUND = fixture('pricing.bpmn').replace('resultVariable="discount"', 'resultVariable="discount" bindingType="deployment"');
const NEWER = DISCOUNT.replace('<text>0.1</text>', '<text>0.2</text>');
const GOLD = { variables: { tier: 'gold', amount: 150 } };

async function engine(store = new MemoryStore()) {
  const clock = new ManualClock(0);
  const decisions = new DmnDecisions();
  const host = await EngineHost.create({ store, clock, expressions: new FeelExpressions(), ids: new UniqueIds(), decisions });
  return { host, api: new EngineApi({ host, store, clock, catalog: new MemoryCatalog(store), decisions }), store };
}
const who = { deployedBy: 'test' };

describe('deployAll', () => {
  it('given a BPMN binding deployment and its DMN file, then both go in one deployment and a newer DMN deployed alone does not change its result', async () => {
    const { host, api, store } = await engine();
    const out = await deployAll(host, api, [{ name: 'pricing.bpmn', source: BOUND }, { name: 'discount.dmn', source: DISCOUNT }], who);
    expect(out.map((d) => [d.name, d.versions, d.bundledWith])).toEqual([['pricing.bpmn', { pricing: 1 }, undefined], ['discount.dmn', { discount: 1 }, 'pricing.bpmn']]);
    expect(new Set((await store.listDeployments()).map((r) => r.bundle)).size).toBe(1);
    await deployAll(host, api, [{ name: 'discount.dmn', source: NEWER }], who);
    expect((await host.startInstance('pricing', GOLD)).variables['discount']).toBe(0.1);
  });

  it('given a bound BPMN deployed alone (a changed script), then it takes the latest deployed DMN defining the decision into its deployment', async () => {
    const { host, api } = await engine();
    await deployAll(host, api, [{ name: 'pricing.bpmn', source: BOUND }, { name: 'discount.dmn', source: DISCOUNT }], who);
    await deployAll(host, api, [{ name: 'discount.dmn', source: NEWER }], who);
    const out = await deployAll(host, api, [{ name: 'pricing.bpmn', source: `${BOUND}\n<!-- script changed -->\n` }], who);
    expect(out.map((d) => [d.name, d.versions])).toEqual([['pricing.bpmn', { pricing: 2 }], ['discount.dmn', { discount: 3 }]]);
    expect((await host.startInstance('pricing', GOLD)).variables['discount']).toBe(0.2);
  });

  it('given no file defines a bound decision, then the BPMN deploys with a warning naming it; a broken bound DMN refuses everything', async () => {
    const { host, api, store } = await engine();
    const [only] = await deployAll(host, api, [{ name: 'pricing.bpmn', source: BOUND }], who);
    expect(only.warnings).toEqual([expect.stringMatching(/decision discount \(bindingType deployment\) is in no DMN file deployed/)]);
    const before = (await store.listDeployments()).length;
    await expect(deployAll(host, api, [{ name: 'pricing.bpmn', source: BOUND }, { name: 'discount.dmn', source: DISCOUNT.replace('</decisionTable>', '</decisionTable><bad') }], who)).rejects.toThrow(/nothing was deployed: .*\.(dmn|bpmn)/);
    expect(await store.listDeployments()).toHaveLength(before);
  });

  it('given the same folder again with skipUnchanged, then nothing is deployed; a changed bound DMN redeploys its whole bundle', async () => {
    const { host, api, store } = await engine();
    const files = [{ name: 'pricing.bpmn', source: BOUND }, { name: 'discount.dmn', source: DISCOUNT }];
    await deployAll(host, api, files, { ...who, skipUnchanged: true });
    const again = await deployAll(host, api, files, { ...who, skipUnchanged: true });
    expect(again.map((d) => [d.name, d.unchanged])).toEqual([['pricing.bpmn', true], ['discount.dmn', true]]);
    expect(await store.listDeployments()).toHaveLength(2);
    const changed = await deployAll(host, api, [files[0], { name: 'discount.dmn', source: NEWER }], { ...who, skipUnchanged: true });
    expect(changed.map((d) => [d.name, d.versions, d.unchanged])).toEqual([['pricing.bpmn', { pricing: 2 }, false], ['discount.dmn', { discount: 2 }, false]]);
    expect((await host.startInstance('pricing', GOLD)).variables['discount']).toBe(0.2);
  });

  it('given the folder restarted with the DMN its bundle was deployed with, but a newer one of that name deployed alone since, then skipUnchanged redeploys the bundle with the folder\'s DMN', async () => {
    const { host, api } = await engine();
    const files = [{ name: 'pricing.bpmn', source: BOUND }, { name: 'discount.dmn', source: NEWER }];
    await deployAll(host, api, [{ name: 'pricing.bpmn', source: BOUND }, { name: 'discount.dmn', source: DISCOUNT }], { ...who, skipUnchanged: true });
    // The newest discount.dmn is now the folder's, but pricing's bundle still holds the old one.
    await deployAll(host, api, [{ name: 'discount.dmn', source: NEWER }], who);
    expect((await host.startInstance('pricing', GOLD)).variables['discount']).toBe(0.1);
    const again = await deployAll(host, api, files, { ...who, skipUnchanged: true });
    expect(again.map((d) => [d.name, d.unchanged])).toEqual([['pricing.bpmn', false], ['discount.dmn', false]]);
    expect((await host.startInstance('pricing', GOLD)).variables['discount']).toBe(0.2);
    const third = await deployAll(host, api, files, { ...who, skipUnchanged: true });
    expect(third.map((d) => [d.name, d.unchanged])).toEqual([['pricing.bpmn', true], ['discount.dmn', true]]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CountingIds, ManualClock } from './clocks';
import { DmnDecisions, DmnDeployError } from './dmn-decisions';
import { EngineHost } from './engine-host';
import { FeelExpressions } from './feel-expressions';
import { MemoryStore } from './memory-store';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const DISCOUNT = fixture('discount.dmn');

describe('DmnDecisions', () => {
  it('given a deployed table, when evaluated, then the first matching rule gives the JSON result and the audit names it', async () => {
    const decisions = new DmnDecisions();
    expect(await decisions.deploy(DISCOUNT)).toEqual({ versions: { discount: 1 }, warnings: [] });
    const gold = decisions.evaluate('discount', { tier: 'gold', amount: 150 }, 0);
    expect(gold).toMatchObject({ ok: true, result: 0.1 });
    expect(JSON.stringify((gold as { audit: unknown }).audit)).toContain('"id":"R1"');
    expect(decisions.evaluate('discount', { tier: 'gold', amount: 50 }, 0)).toMatchObject({ ok: true, result: 0.05 });
    expect(decisions.evaluate('Discount', { tier: 'silver', amount: 500 }, 0)).toMatchObject({ ok: true, result: 0 });
  });

  it('given two deployments, then versions count up and the latest is evaluated', async () => {
    const decisions = new DmnDecisions();
    await decisions.deploy(DISCOUNT);
    await decisions.deploy(DISCOUNT.replace('<text>0.1</text>', '<text>0.2</text>'));
    expect(decisions.versionsOf('discount')).toEqual([1, 2]);
    expect(decisions.evaluate('discount', { tier: 'gold', amount: 150 }, 0)).toMatchObject({ ok: true, result: 0.2 });
  });

  it('given an unknown decision or bad XML, then errors say so', async () => {
    const decisions = new DmnDecisions();
    expect(decisions.evaluate('discount', {}, 0)).toEqual({ ok: false, error: 'not deployed' });
    await expect(decisions.deploy('<definitions/>')).rejects.toThrow(DmnDeployError);
  });

  it('given a host with DMN deployed, when a business rule task runs, then its result variable holds the decision; a restart redeploys it', async () => {
    const store = new MemoryStore();
    const options = () => ({ store, clock: new ManualClock(0), expressions: new FeelExpressions(), ids: new CountingIds(), decisions: new DmnDecisions() });
    const host = await EngineHost.create(options());
    expect((await host.deployDmn(DISCOUNT, 'discount.dmn')).decisions).toEqual({ discount: 1 });
    await host.deploy(fixture('pricing.bpmn'));
    const pi = await host.startInstance('pricing', { variables: { tier: 'gold', amount: 150 } });
    expect(pi).toMatchObject({ status: 'completed', variables: { discount: 0.1 } });
    const restarted = await EngineHost.create(options());
    expect((await restarted.startInstance('pricing', { variables: { tier: 'gold', amount: 10 } })).variables.discount).toBe(0.05);
  });

  it('given a decision that is missing, then the business rule task gets an incident', async () => {
    const host = await EngineHost.create({ store: new MemoryStore(), clock: new ManualClock(0), expressions: new FeelExpressions(), decisions: new DmnDecisions() });
    await host.deploy(fixture('pricing.bpmn'));
    const pi = await host.startInstance('pricing', { variables: { tier: 'gold', amount: 150 } });
    expect(await host.listIncidents({ instanceId: pi.instanceId })).toMatchObject([{ elementId: 'Decide', type: 'decision', message: expect.stringContaining('not deployed') }]);
  });
});

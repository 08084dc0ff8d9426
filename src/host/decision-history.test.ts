import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CountingIds, ManualClock } from './clocks';
import { DmnDecisions } from './dmn-decisions';
import { EngineHost } from './engine-host';
import { FeelExpressions } from './feel-expressions';
import { MemoryStore } from './memory-store';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

describe('decision evaluations in an instance history (real DMN)', () => {
  it('given a FIRST table, when a business rule task evaluates it, then the history names the deployed version, every matched rule and the one chosen', async () => {
    const host = await EngineHost.create({ store: new MemoryStore(), clock: new ManualClock(0), expressions: new FeelExpressions(), ids: new CountingIds(), decisions: new DmnDecisions() });
    await host.deployDmn(fixture('discount.dmn'), 'discount.dmn');
    await host.deployDmn(fixture('discount.dmn'), 'discount.dmn');
    await host.deploy(fixture('pricing.bpmn'));
    const pi = await host.startInstance('pricing', { variables: { tier: 'gold', amount: 150 } });
    const events = (await host.history(pi.instanceId)).filter((e) => e.type === 'decisionEvaluated');
    expect(events).toMatchObject([{
      elementId: 'Decide', decisionId: 'discount', decisionVersion: 2, result: 0.1, truncated: false,
      decisions: [{ decisionId: 'discount', decisionName: 'Discount', inputs: { tier: 'gold', amount: 150 }, output: 0.1,
        tables: [{ tableId: 'DiscountTable', hitPolicy: 'FIRST', matched: [{ index: 0, id: 'R1' }, { index: 1, id: 'R2' }, { index: 2, id: 'R3' }], chosen: [0] }] }],
    }]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testFeel } from '../engine/test-support/feel';
import { ManualClock } from './clocks';
import { EngineHost } from './engine-host';
import { MemoryStore } from './memory-store';

const DISCOUNT = readFileSync(new URL('./fixtures/discount.dmn', import.meta.url), 'utf8');

describe('EngineHost.importData', () => {
  it('given a DMN deployment and a host without a deployable decision evaluator, then it is refused naming the deployment before anything is written', async () => {
    const host = await EngineHost.create({ store: new MemoryStore(), clock: new ManualClock(0), expressions: testFeel });
    let written = false;
    const snapshot = { deployments: [{ id: 'd-1', kind: 'dmn' as const, name: 'discount.dmn', xml: DISCOUNT, deployedAt: 0, versions: { discount: 1 } }] };

    await expect(host.importData(snapshot, async () => { written = true; })).rejects.toThrow(/^deployment d-1 \(discount\.dmn\): this host has no deployable decision evaluator/);

    expect(written).toBe(false);
  });
});

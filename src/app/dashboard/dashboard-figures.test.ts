import { describe, expect, it } from 'vitest';
import { MemoryCatalog } from '../../api';
import { apiOn, ORDER_BPMN } from '../../api/test-support/api-harness';
import { MemoryStore } from '../../host';
import { bucketLabels, durationHistogram, formatMs, heatLevels, stateRows } from './dashboard-figures';

describe('dashboard figures', () => {
  it('given durations 10, 20 and 30 ms, when bucketed in two, then the longest is in the last bucket', () => {
    const h = durationHistogram([{ startedAt: 0, endedAt: 10 }, { startedAt: 5, endedAt: 25 }, { startedAt: 0, endedAt: 30 }, { startedAt: 0, endedAt: null }], 2);
    expect(h).toEqual([{ fromMs: 10, toMs: 20, count: 1 }, { fromMs: 20, toMs: 30, count: 2 }]);
  });

  it('given equal durations or none, when bucketed, then one bucket or none', () => {
    expect(durationHistogram([{ startedAt: 0, endedAt: 7 }, { startedAt: 1, endedAt: 8 }])).toEqual([{ fromMs: 7, toMs: 8, count: 2 }]);
    expect(durationHistogram([{ startedAt: 0, endedAt: null }])).toEqual([]);
  });

  it('given the real stats of two orders, when turned into chart rows and heat, then they count what happened', async () => {
    const store = new MemoryStore();
    const { api, clock } = await apiOn(store, new MemoryCatalog(store));
    await api.call('deployments.deploy', { kind: 'bpmn', name: 'order.bpmn', source: ORDER_BPMN });
    const a = await api.call('instances.start', { processId: 'order', variables: { amount: 1, orderId: 'a' } });
    await api.call('instances.start', { processId: 'order', variables: { amount: 2, orderId: 'b' } });
    if ('error' in a) throw new Error(a.message);
    clock.advance(1000);
    await api.call('instances.cancel', { instanceId: a.data.instanceId });

    const counts = await api.call('stats.instances', {});
    if ('error' in counts) throw new Error(counts.message);
    expect(stateRows(counts.data, 'order')).toMatchObject([{ version: 1, active: 1, canceled: 1 }]);

    const elements = await api.call('stats.elements', { processId: 'order' });
    if ('error' in elements) throw new Error(elements.message);
    const heat = heatLevels(elements.data);
    expect(heat.find((h) => h.elementId === 'start')).toEqual({ elementId: 'start', count: 2, level: 5 });
    expect(heat.find((h) => h.elementId === 'approve')).toEqual({ elementId: 'approve', count: 1, level: 3 });
    expect(heat.find((h) => h.elementId === 'charge')).toBeUndefined();
  });

  it('formats durations', () => {
    expect([formatMs(850), formatMs(12_500), formatMs(192_000), formatMs(5_400_000)]).toEqual(['850 ms', '12.5 s', '3.2 min', '1.5 h']);
  });
});

describe('timeline labels', () => {
  it('given a span under a day with minute intervals, then clock times; over a day, then dates too', () => {
    const at = (h: number, m: number, s = 0) => new Date(2026, 11, 2, h, m, s).getTime();
    expect(bucketLabels({ from: at(9, 0), to: at(9, 20), bucketMs: 600_000, buckets: [{ start: at(9, 0) }, { start: at(9, 10) }] as never })).toEqual(['09:00', '09:10']);
    expect(bucketLabels({ from: at(9, 0), to: at(9, 1), bucketMs: 30_000, buckets: [{ start: at(9, 0, 30) }] as never })).toEqual(['09:00:30']);
    expect(bucketLabels({ from: at(9, 0), to: at(9, 0) + 2 * 86_400_000, bucketMs: 3_600_000, buckets: [{ start: at(9, 0) }] as never })).toEqual(['2026-12-02 09:00']);
  });
});

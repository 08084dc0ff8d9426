import { describe, expect, it } from 'vitest';
import { MemoryCatalog } from '../memory-catalog';
import { apiOn, ORDER_BPMN } from '../test-support/api-harness';
import { MemoryStore } from '../../host';
import { timelineOf } from './stats-timeline';

describe('stats.timeline', () => {
  it('given instances started and ended at known times, when bucketed, then each bucket counts starts, completions, cancellations and what still runs', () => {
    const t = timelineOf([
      { startedAt: 0, endedAt: 15, status: 'completed' },
      { startedAt: 5, endedAt: 25, status: 'canceled' },
      { startedAt: 12, endedAt: null, status: 'active' },
      { startedAt: 21, endedAt: 29, status: 'completed' },
    ], { buckets: 3, from: 0, to: 30 });
    expect(t.bucketMs).toBe(10);
    expect(t.buckets.map((b) => [b.start, b.end, b.started, b.completed, b.canceled, b.running])).toEqual([
      [0, 10, 2, 0, 0, 2],
      [10, 20, 1, 1, 0, 2],
      [20, 30, 1, 1, 1, 1],
    ]);
    expect(t.buckets.map((b) => b.meanDurationMs)).toEqual([null, 15, 8]);
  });

  it('given no instances, then no buckets; given one instant, then one bucket', () => {
    expect(timelineOf([]).buckets).toEqual([]);
    const one = timelineOf([{ startedAt: 100, endedAt: 100, status: 'completed' }]);
    expect(one.buckets).toEqual([{ start: 100, end: 101, started: 1, completed: 1, canceled: 0, running: 0, meanDurationMs: 0 }]);
  });

  it('given a real engine with two orders, one canceled later, when asked through the API, then the timeline shows both starts and the cancellation', async () => {
    const store = new MemoryStore();
    const { api, clock } = await apiOn(store, new MemoryCatalog(store));
    await api.call('deployments.deploy', { kind: 'bpmn', name: 'order.bpmn', source: ORDER_BPMN });
    const a = await api.call('instances.start', { processId: 'order', variables: { amount: 1, orderId: 'a' } });
    clock.advance(1000);
    await api.call('instances.start', { processId: 'order', variables: { amount: 2, orderId: 'b' } });
    if ('error' in a) throw new Error(a.message);
    clock.advance(1000);
    await api.call('instances.cancel', { instanceId: a.data.instanceId });
    const t = await api.call('stats.timeline', { processId: 'order', buckets: 2 });
    if ('error' in t) throw new Error(t.message);
    const sum = (k: 'started' | 'canceled' | 'completed') => t.data.buckets.reduce((n, b) => n + b[k], 0);
    expect([sum('started'), sum('canceled'), sum('completed')]).toEqual([2, 1, 0]);
    expect(t.data.buckets.at(-1)?.running).toBe(1);
    const bad = await api.call('stats.timeline', { processId: 'order', buckets: 0 });
    expect('error' in bad && bad.error).toBe('invalidRequest');
  });
});

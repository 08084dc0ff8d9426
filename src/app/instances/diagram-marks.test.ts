import { describe, expect, it } from 'vitest';
import { MemoryCatalog } from '../../api';
import { apiOn, ORDER_BPMN } from '../../api/test-support/api-harness';
import type { InstanceState } from '../../engine';
import { MemoryStore } from '../../host';
import { marksOf } from './diagram-marks';

describe('marksOf (the instance diagram overlays)', () => {
  it('given an instance waiting at a user task, when marked, then the task has one token and the start is on the completed path', async () => {
    const store = new MemoryStore();
    const { api } = await apiOn(store, new MemoryCatalog(store));
    await api.call('deployments.deploy', { kind: 'bpmn', name: 'order.bpmn', source: ORDER_BPMN });
    const started = await api.call('instances.start', { processId: 'order', variables: { amount: 5, orderId: 'o1' } });
    if ('error' in started) throw new Error(started.message);
    const got = await api.call('instances.get', { instanceId: started.data.instanceId });
    if ('error' in got) throw new Error(got.message);
    // As the UI receives it: a JSON copy from the worker.
    const state = JSON.parse(JSON.stringify(got.data)) as InstanceState;

    const marks = marksOf(state);
    expect(marks.find((m) => m.elementId === 'approve')).toEqual({ elementId: 'approve', active: 1, completed: 0, incidents: 0 });
    expect(marks.find((m) => m.elementId === 'start')).toMatchObject({ active: 0, completed: 1 });
    expect(marks.find((m) => m.elementId === 'charge')).toBeUndefined();
  });

  it('given two tokens of a multi-instance and an incident, when marked, then the inner tokens count and the body does not', () => {
    const el = (id: string, elementId: string, body?: boolean) => ({ id, elementId, parentId: null, status: 'active', children: 0, ...(body ? { body: {} } : {}) });
    const state = {
      elements: { 1: el('1', 'review', true), 2: el('2', 'review'), 3: el('3', 'review'), 4: el('4', 'charge') },
      path: ['start', 'split', 'split'],
      incidents: { i1: { elementId: 'charge' } },
    } as unknown as InstanceState;
    expect(marksOf(state)).toEqual([
      { elementId: 'charge', active: 1, completed: 0, incidents: 1 },
      { elementId: 'review', active: 2, completed: 0, incidents: 0 },
      { elementId: 'split', active: 0, completed: 2, incidents: 0 },
      { elementId: 'start', active: 0, completed: 1, incidents: 0 },
    ]);
  });
});

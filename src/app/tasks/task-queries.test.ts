import { describe, expect, it } from 'vitest';
import { MemoryCatalog } from '../../api';
import { apiOn, ORDER_BPMN } from '../../api/test-support/api-harness';
import { MemoryStore } from '../../host';
import { readFileSync } from 'node:fs';
import { dueNote, taskCategories, taskListRequest } from './task-queries';

const ana = { name: 'ana', groups: ['clerks'] };

describe('tasklist tabs', () => {
  it('given a user in no group, when the groups tab is asked for, then there is no request', () => {
    expect(taskListRequest('groups', { name: 'bo', groups: [] })).toBeNull();
  });

  it('given the real API, when each tab lists, then my / my groups\' / unassigned tasks are the ones expected', async () => {
    const store = new MemoryStore();
    const { api } = await apiOn(store, new MemoryCatalog(store));
    await api.call('deployments.deploy', { kind: 'bpmn', name: 'order.bpmn', source: ORDER_BPMN });
    await api.call('instances.start', { processId: 'order', variables: { amount: 5, orderId: 'a' } });
    await api.call('instances.start', { processId: 'order', variables: { amount: 5000, orderId: 'b' } });
    const list = async (kind: Parameters<typeof taskListRequest>[0], user = ana) => {
      const r = await api.call('tasks.list', taskListRequest(kind, user)!);
      if ('error' in r) throw new Error(r.message);
      return r.data.items;
    };
    const [high, low] = await list('groups');
    // Sorted by priority, highest first: amount > 1000 gives 90.
    expect([high.priority, low.priority]).toEqual([90, 40]);
    expect(await list('mine')).toEqual([]);

    await api.call('tasks.claim', { taskId: low.id, userId: 'ana' });
    expect((await list('mine')).map((t) => t.id)).toEqual([low.id]);
    expect((await list('unassigned')).map((t) => t.id)).toEqual([high.id]);
    expect(await list('groups', { name: 'cy', groups: ['sales'] })).toEqual([]);
  });

  it('notes overdue and due-today dates', () => {
    // Local times: "today" is the user's day.
    const now = new Date(2026, 1, 1, 12).getTime();
    expect(dueNote(new Date(2026, 1, 1, 10).toISOString(), now)).toBe('overdue');
    expect(dueNote(new Date(2026, 1, 1, 13).toISOString(), now)).toBe('due today');
    expect(dueNote('2026-03-01T10:00:00Z', now)).toBeNull();
    expect(dueNote(null, now)).toBeNull();
    expect(dueNote('not a date', now)).toBeNull();
  });
});

describe('tasklist filters', () => {
  it('given due, follow-up and priority filters, then the request compares dates at the filter\'s now', () => {
    const now = Date.UTC(2026, 0, 10);
    expect(taskListRequest('all', ana, 'followUpDate', { due: 'week', followUp: true, minPriority: 50 }, now)).toEqual({
      sortBy: 'followUpDate', order: 'asc', pageSize: 1000,
      dueBefore: '2026-01-17T00:00:00.000Z', followUpBefore: '2026-01-10T00:00:00.000Z', minPriority: 50,
    });
    expect(taskListRequest('all', ana, 'priority', { due: 'overdue' }, now)).toMatchObject({ dueBefore: '2026-01-10T00:00:00.000Z', order: 'desc' });
  });
});

describe('tasklist categories', () => {
  it('given the claims process, when the tasklist lists by a category, then the choices are its categories and the filter narrows the list', async () => {
    const store = new MemoryStore();
    const { api } = await apiOn(store, new MemoryCatalog(store));
    await api.call('deployments.deploy', { kind: 'bpmn', name: 'claims.bpmn', source: readFileSync(new URL('../../api/task-categories.bpmn', import.meta.url), 'utf8') });
    await api.call('instances.start', { processId: 'claims' });
    const list = async (category?: string | null) => {
      const r = await api.call('tasks.list', taskListRequest('all', ana, 'priority', { category })!);
      if ('error' in r) throw new Error(r.message);
      return r.data.items;
    };
    expect(taskCategories(await list())).toEqual({ categories: ['Billing', 'Review'], uncategorized: true });
    expect((await list('Review')).map((t) => t.elementId)).toEqual(['review']);
    expect((await list(null)).map((t) => t.elementId)).toEqual(['triage']);
    expect(taskCategories([{ category: 'Review' }], 'Gone')).toEqual({ categories: ['Gone', 'Review'], uncategorized: false });
  });
});

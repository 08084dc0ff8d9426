import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { apiOn, dataOf as data, STORE_KINDS } from './test-support/api-harness';

// Task categories come from the user task's `zeebe:taskHeaders` `category` header (Zeebe user
// tasks have no category attribute): tasks.list shows and filters them, tasks.get shows them.
const BPMN = readFileSync(new URL('./task-categories.bpmn', import.meta.url), 'utf8');
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});


describe.each(STORE_KINDS)('task categories on $name', (kind) => {
  it('given tasks with categories Billing and Review and one without, when listed by category, then each filter gives its tasks', async () => {
    const made = kind.make();
    closers.push(made.close);
    const { api } = await apiOn(made.store, made.catalog, undefined, made.instances);
    data(await api.call('deployments.deploy', { kind: 'bpmn', name: 'claims.bpmn', source: BPMN }));
    data(await api.call('instances.start', { processId: 'claims' }));
    data(await api.call('instances.start', { processId: 'claims' }));

    const all = data(await api.call('tasks.list', { sortBy: 'createdAt', order: 'asc' })).items;
    expect(all.map((t) => [t.elementId, t.category])).toEqual([
      ['bill', 'Billing'], ['review', 'Review'], ['triage', null], ['bill', 'Billing'], ['review', 'Review'], ['triage', null],
    ]);
    const billing = data(await api.call('tasks.list', { category: 'Billing' }));
    expect(billing.total).toBe(2);
    expect(billing.items.every((t) => t.elementId === 'bill')).toBe(true);
    expect(data(await api.call('tasks.list', { category: null })).items.map((t) => t.elementId)).toEqual(['triage', 'triage']);
    expect(data(await api.call('tasks.list', { category: 'billing' })).total).toBe(0); // exact, case-sensitive
    expect(data(await api.call('tasks.get', { taskId: billing.items[0].id })).category).toBe('Billing');
    expect(data(await api.call('tasks.get', { taskId: all[2].id })).category).toBeNull();
    expect(await api.call('tasks.list', { category: 3 } as never)).toMatchObject({ error: 'invalidRequest' });
  });
});

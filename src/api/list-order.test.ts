import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { apiOn, dataOf as data, ORDER_BPMN, STORE_KINDS } from './test-support/api-harness';

// Lists put empty sort values (no business key, not ended yet, no due date) last in both
// directions, like SQL's NULLS LAST: sorting "newest first" must not open with the blanks.
const INTAKE = readFileSync(new URL('./run-gaps.bpmn', import.meta.url), 'utf8');
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});


describe.each(STORE_KINDS)('list order of empty values on $name', (kind) => {
  async function deployed() {
    const made = kind.make();
    closers.push(made.close);
    const env = await apiOn(made.store, made.catalog, undefined, made.instances);
    data(await env.api.call('deployments.deploy', { kind: 'bpmn', name: 'order.bpmn', source: ORDER_BPMN }));
    data(await env.api.call('deployments.deploy', { kind: 'bpmn', name: 'intake.bpmn', source: INTAKE }));
    return env;
  }

  it('given instances with and without business keys and end times, when sorted either way, then the empty ones come last', async () => {
    const { api, clock } = await deployed();
    const ids: string[] = [];
    for (const key of ['b', null, 'a', null, 'c']) {
      clock.advance(1000);
      ids.push(data(await api.call('instances.start', { processId: 'order', variables: { amount: 1, orderId: `o-${ids.length}` }, businessKey: key })).instanceId);
    }
    clock.advance(1000);
    data(await api.call('instances.cancel', { instanceId: ids[0] }));
    clock.advance(1000);
    data(await api.call('instances.cancel', { instanceId: ids[3] }));

    const keys = async (order: 'asc' | 'desc') => data(await api.call('instances.list', { sortBy: 'businessKey', order })).items.map((i) => i.businessKey);
    expect(await keys('desc')).toEqual(['c', 'b', 'a', null, null]);
    expect(await keys('asc')).toEqual(['a', 'b', 'c', null, null]);
    const ended = async (order: 'asc' | 'desc') => data(await api.call('instances.list', { sortBy: 'endedAt', order })).items.map((i) => i.instanceId);
    // Ties (the running ones) in ascending id order either way.
    const running = [ids[1], ids[2], ids[4]].sort();
    expect(await ended('desc')).toEqual([ids[3], ids[0], ...running]);
    expect(await ended('asc')).toEqual([ids[0], ids[3], ...running]);
    const second = data(await api.call('instances.list', { sortBy: 'endedAt', order: 'desc', page: 2, pageSize: 2 }));
    expect(second).toMatchObject({ total: 5, page: 2 });
    expect(second.items.map((i) => i.instanceId)).toEqual(running.slice(0, 2));
  });

  it('given tasks with and without due dates, when sorted by due date either way, then the ones without come last', async () => {
    const { api, clock } = await deployed();
    for (const due of ['2026-02-01T00:00:00Z', null, '2026-03-01T00:00:00Z']) {
      clock.advance(1000);
      data(await api.call('instances.start', { processId: 'intake', variables: { amount: 1, due, followUp: null, prio: 10 } }));
    }
    const dues = async (order: 'asc' | 'desc') => data(await api.call('tasks.list', { sortBy: 'dueDate', order })).items.map((t) => t.dueDate);
    expect(await dues('desc')).toEqual(['2026-03-01T00:00:00Z', '2026-02-01T00:00:00Z', null]);
    expect(await dues('asc')).toEqual(['2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z', null]);
  });
});

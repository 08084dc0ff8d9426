import { MemoryCatalog } from '../../api';
import { apiOn, ORDER_BPMN } from '../../api/test-support/api-harness';
import { MemoryStore } from '../../host';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, pageCount, pageLabel, toListRequest, withFilter } from './instance-filters';

describe('instance list filters', () => {
  it('given blank filters, when turned into a request, then only sorting and paging are sent', () => {
    expect(toListRequest(DEFAULT_FILTERS)).toEqual({ sortBy: 'startedAt', order: 'desc', page: 1, pageSize: 200 });
  });

  it('given every filter, when turned into a request, then each is sent typed', () => {
    const f = { ...DEFAULT_FILTERS, processId: 'order', version: '2', state: 'suspended' as const, businessKey: ' B-7 ', hasIncident: 'no' as const };
    expect(toListRequest(f)).toEqual({ processId: 'order', version: 2, state: 'suspended', businessKey: 'B-7', hasIncident: false, sortBy: 'startedAt', order: 'desc', page: 1, pageSize: 200 });
  });

  it('given a variable and a start range, when turned into a request, then the value is JSON where it parses and the times are local', () => {
    const r = toListRequest({ ...DEFAULT_FILTERS, variableName: ' amount ', variableValue: '42', startedFrom: '2026-02-01T10:00', startedTo: 'nonsense' });
    expect(r).toMatchObject({ variable: { name: 'amount', value: 42 }, startedFrom: new Date(2026, 1, 1, 10).getTime() });
    expect(r).not.toHaveProperty('startedTo');
    expect(toListRequest({ ...DEFAULT_FILTERS, variableName: 'who', variableValue: 'ana' })).toMatchObject({ variable: { name: 'who', value: 'ana' } });
  });

  it('given a version without a process or not a number, when turned into a request, then it is left out', () => {
    expect(toListRequest({ ...DEFAULT_FILTERS, version: '2' })).not.toHaveProperty('version');
    expect(toListRequest({ ...DEFAULT_FILTERS, processId: 'p', version: 'x' })).not.toHaveProperty('version');
  });

  it('given page 3, when a filter changes, then the list goes back to page 1 and a new process clears the version', () => {
    const f = { ...DEFAULT_FILTERS, processId: 'a', version: '2', page: 3 };
    expect(withFilter(f, 'state', 'active')).toMatchObject({ page: 1, version: '2' });
    expect(withFilter(f, 'processId', 'b')).toMatchObject({ page: 1, version: '' });
    expect(withFilter(f, 'page', 4)).toMatchObject({ page: 4 });
  });

  it('labels pages', () => {
    expect(pageLabel(2, 200, 1234)).toBe('201–400 of 1,234');
    expect(pageLabel(7, 200, 1234)).toBe('1,201–1,234 of 1,234');
    expect(pageLabel(1, 200, 0)).toBe('none');
    expect(pageCount(200, 1234)).toBe(7);
    expect(pageCount(200, 0)).toBe(1);
  });

  it('given the real API, when the requests built here are sent, then it filters as the form says', async () => {
    const store = new MemoryStore();
    const { api } = await apiOn(store, new MemoryCatalog(store));
    await api.call('deployments.deploy', { kind: 'bpmn', name: 'order.bpmn', source: ORDER_BPMN });
    await api.call('instances.start', { processId: 'order', businessKey: 'B-1', variables: { amount: 1 } });
    const second = await api.call('instances.start', { processId: 'order', businessKey: 'B-2', variables: { amount: 2 } });
    if ('error' in second) throw new Error(second.message);
    await api.call('instances.suspend', { instanceId: second.data.instanceId });

    const suspended = await api.call('instances.list', toListRequest({ ...DEFAULT_FILTERS, processId: 'order', state: 'suspended' }));
    expect(suspended).toMatchObject({ data: { total: 1, items: [{ businessKey: 'B-2' }] } });
    const byVariable = await api.call('instances.list', toListRequest({ ...DEFAULT_FILTERS, variableName: 'amount', variableValue: '2' }));
    expect(byVariable).toMatchObject({ data: { total: 1, items: [{ businessKey: 'B-2' }] } });
    const byKey = await api.call('instances.list', toListRequest({ ...DEFAULT_FILTERS, businessKey: 'B-1', pageSize: 1 }));
    expect(byKey).toMatchObject({ data: { total: 1, items: [{ businessKey: 'B-1', state: 'active' }] } });
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MemoryCatalog } from '../../../api';
import { apiOn } from '../../../api/test-support/api-harness';
import { MemoryStore } from '../../../host';
import { startRequest } from './start-request';

// The Start dialog sends the start form's values as formValues: the engine checks them against
// the deployed form again and the instance gets exactly them.
const BPMN = readFileSync(new URL('../../../api/run-gaps.bpmn', import.meta.url), 'utf8');
const FORM = readFileSync(new URL('../../../api/run-gaps.form', import.meta.url), 'utf8');

describe('startRequest (the Start dialog)', () => {
  it('given a process with a start form, when started with the form\'s values, then the instance has them; values the form refuses start nothing', async () => {
    const store = new MemoryStore();
    const { api } = await apiOn(store, new MemoryCatalog(store));
    await api.call('deployments.deploy', { kind: 'bpmn', name: 'intake.bpmn', source: BPMN });
    await api.call('deployments.deploy', { kind: 'form', name: 'intake.form', source: FORM });

    const request = startRequest('intake', 1, '  ', { formValues: { amount: 5, due: '2026-02-01T10:00:00Z', prio: 90 } });
    expect(request).toEqual({ processId: 'intake', version: 1, businessKey: null, formValues: { amount: 5, due: '2026-02-01T10:00:00Z', prio: 90 } });
    const started = await api.call('instances.start', request);
    if ('error' in started) throw new Error(started.message);
    const instance = await api.call('instances.get', { instanceId: started.data.instanceId });
    expect('error' in instance ? instance : instance.data.variables).toMatchObject({ amount: 5, due: '2026-02-01T10:00:00Z', prio: 90 });

    const refused = await api.call('instances.start', startRequest('intake', 1, 'K-1', { formValues: { amount: 0 } }));
    expect(refused).toMatchObject({ error: 'invalid', details: { formId: 'intake-form', fields: [{ key: 'amount', message: 'must be at least 1' }] } });
    const all = await api.call('instances.list', {});
    expect('error' in all ? all : all.data.total).toBe(1);
  });

  it('given JSON variables, then they go as variables with the business key trimmed', () => {
    expect(startRequest('order', 2, ' B-7 ', { variables: { amount: 3 } })).toEqual({ processId: 'order', version: 2, businessKey: 'B-7', variables: { amount: 3 } });
  });
});

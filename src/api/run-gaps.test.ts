import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { isFailure } from './errors';
import { apiOn, STORE_KINDS } from './test-support/api-harness';

// The Run UI's API gaps (issue 8): processes.scripts, starting through the start form, and the
// tasklist's follow-up dates and priority range. On every store kind.
const BPMN = readFileSync(new URL('./run-gaps.bpmn', import.meta.url), 'utf8');
const FORM = readFileSync(new URL('./run-gaps.form', import.meta.url), 'utf8');
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function deployed(kind: (typeof STORE_KINDS)[number]) {
  const made = kind.make();
  closers.push(made.close);
  const { api, host } = await apiOn(made.store, made.catalog, undefined, made.instances);
  expect(isFailure(await api.call('deployments.deploy', { kind: 'bpmn', name: 'intake.bpmn', source: BPMN }))).toBe(false);
  expect(isFailure(await api.call('deployments.deploy', { kind: 'form', name: 'intake.form', source: FORM }))).toBe(false);
  return { api, host };
}

describe.each(STORE_KINDS)('the Run API gaps on $name', (kind) => {
  it('given a deployed process, then processes.scripts lists, gets and changes its script tasks; a change deploys the next version', async () => {
    const { api, host } = await deployed(kind);

    const list = await api.call('processes.scripts.list', { processId: 'intake' });
    expect(list).toEqual({ data: [expect.objectContaining({ nodeId: 'score', processId: 'intake', language: 'feel', body: 'amount * 2', resultVariable: 'score' })] });
    expect(await api.call('processes.scripts.get', { processId: 'intake', nodeId: 'check' })).toMatchObject({ error: 'invalid' });
    expect(await api.call('processes.scripts.get', { processId: 'other', nodeId: 'score' })).toMatchObject({ error: 'notFound' });

    const put = await api.call('processes.scripts.put', { processId: 'intake', nodeId: 'score', body: 'amount * 3' });
    expect(put).toMatchObject({ data: { version: 2, script: { body: 'amount * 3' } }, message: 'script score changed: deployed intake v2' });
    expect(await api.call('processes.scripts.get', { processId: 'intake', nodeId: 'score' })).toMatchObject({ data: { body: 'amount * 3' } });
    expect(await api.call('processes.scripts.get', { processId: 'intake', nodeId: 'score', version: 1 })).toMatchObject({ data: { body: 'amount * 2' } });
    const s = await host.startInstance('intake', { variables: { amount: 2, due: null, followUp: null, prio: 10 } });
    expect(s.variables.score).toBe(6);
  });

  it('given a process with a start form, when started with form values, then valid ones start it, and refused ones start nothing and name each field', async () => {
    const { api } = await deployed(kind);

    const started = await api.call('instances.start', { processId: 'intake', formValues: { amount: 5, due: '2026-02-01T10:00:00Z', prio: 90 } });
    expect(started).toMatchObject({ data: { processId: 'intake', state: 'active' } });

    const refused = await api.call('instances.start', { processId: 'intake', formValues: { amount: 0, due: 'soon', prio: 50, extra: 1 } });
    expect(refused).toMatchObject({ error: 'invalid', details: { formId: 'intake-form', fields: [
      { key: 'extra', message: 'is not a field of the form' },
      { key: 'amount', message: 'must be at least 1' },
      { key: 'due', message: 'must match \\d{4}-\\d{2}-\\d{2}T.*' },
      { key: 'prio', message: 'must be one of 10, 90' },
    ] } });
    expect(await api.call('instances.start', { processId: 'intake', formValues: {} })).toMatchObject({ error: 'invalid', details: { fields: [{ key: 'amount', message: 'is required' }] } });
    expect(await api.call('instances.start', { processId: 'intake', formValues: { amount: 1 }, variables: {} })).toMatchObject({ error: 'invalidRequest' });
    expect((await api.call('instances.list', {})) as { data: { total: number } }).toMatchObject({ data: { total: 1 } });
  });

  it('given tasks with due and follow-up dates and priorities, then the tasklist filters and sorts by them', async () => {
    const { api } = await deployed(kind);
    const start = (amount: number, followUp: string, prio: number) => api.call('instances.start', { processId: 'intake', formValues: { amount, due: '2026-03-01T00:00:00Z', followUp, prio } });
    await start(1, '2026-01-20T00:00:00Z', 10);
    await start(2, '2026-01-12T00:00:00Z', 90);
    await start(3, '2026-01-15T00:00:00Z', 10);

    const sorted = await api.call('tasks.list', { sortBy: 'followUpDate', order: 'asc' });
    expect(isFailure(sorted) ? sorted : sorted.data.items.map((t) => [t.followUpDate, t.priority, t.dueDate])).toEqual([
      ['2026-01-12T00:00:00Z', 90, '2026-03-01T00:00:00Z'], ['2026-01-15T00:00:00Z', 10, '2026-03-01T00:00:00Z'], ['2026-01-20T00:00:00Z', 10, '2026-03-01T00:00:00Z'],
    ]);
    const followUpSoon = await api.call('tasks.list', { followUpBefore: '2026-01-16', sortBy: 'priority', maxPriority: 50 });
    expect(isFailure(followUpSoon) ? followUpSoon : followUpSoon.data.items.map((t) => t.followUpDate)).toEqual(['2026-01-15T00:00:00Z']);
    const later = await api.call('tasks.list', { followUpAfter: '2026-01-14', minPriority: 10, sortBy: 'followUpDate', order: 'desc' });
    expect(isFailure(later) ? later : later.data.items.map((t) => t.followUpDate)).toEqual(['2026-01-20T00:00:00Z', '2026-01-15T00:00:00Z']);
  });
});

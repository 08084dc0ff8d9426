import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { isFailure, type ApiResult } from './errors';
import { listAudit } from '../store/engine/audit';
import { DexieStore } from '../store';
import { freshDb } from '../store/test-support/fresh-db';
import { DexieCatalog } from './dexie-catalog';
import { apiOn, STORE_KINDS } from './test-support/api-harness';

const WAIT_BPMN = readFileSync(new URL('./timers.bpmn', import.meta.url), 'utf8');

function data<T>(r: ApiResult<T>): T {
  if (isFailure(r)) throw new Error(`expected success, got ${r.error}: ${r.message}`);
  return r.data;
}

describe.each(STORE_KINDS)('timers.fire on $name', (kind) => {
  const env = kind.make();
  afterEach(() => env.close());

  it('given an instance waiting an hour, when its timer is fired now, then it continues at once, the timer fires once, and a second fire is refused', async () => {
    const { api, host } = await apiOn(env.store, env.catalog, undefined, env.instances);
    data(await api.call('deployments.deploy', { kind: 'bpmn', name: 'wait.bpmn', source: WAIT_BPMN }));
    const started = data(await api.call('instances.start', { processId: 'wait' }));
    const waiting = data(await api.call('instances.get', { instanceId: started.instanceId }));
    const [timerKey] = Object.keys(waiting.timers);
    expect(timerKey).toBeDefined();

    const fired = await api.call('timers.fire', { instanceId: started.instanceId, timerKey });
    expect(data(fired).state).toBe('completed');
    expect(fired.message).toMatch(/fired timer .* of hour now/);

    // when the hour passes, nothing fires again
    expect(await host.timers.advance(2 * 3600_000)).toBe(0);
    const history = data(await api.call('history.get', { instanceId: started.instanceId }));
    expect(history.filter((e) => e.type === 'elementCompleted' && e.elementId === 'hour')).toHaveLength(1);
    const again = await api.call('timers.fire', { instanceId: started.instanceId, timerKey });
    expect(again).toMatchObject({ error: 'illegalState' });
    const unknown = await api.call('timers.fire', { instanceId: 'nope', timerKey });
    expect(unknown).toMatchObject({ error: 'notFound' });
  });
});

describe('timers.fire in the audit log', () => {
  it('given the local user ana, when she fires a timer now, then the audit log records fireTimerNow by ana on that instance, and the start by her too', async () => {
    const db = freshDb();
    try {
      const store = new DexieStore(db, { actor: () => 'ana' });
      const { api } = await apiOn(store, new DexieCatalog(db, () => 'ana'));
      data(await api.call('deployments.deploy', { kind: 'bpmn', name: 'wait.bpmn', source: WAIT_BPMN }));
      const { instanceId } = data(await api.call('instances.start', { processId: 'wait' }));
      const [timerKey] = Object.keys(data(await api.call('instances.get', { instanceId })).timers);
      data(await api.call('timers.fire', { instanceId, timerKey }));
      const audit = await listAudit(db, { instanceId });
      expect(audit.map((a) => [a.action, a.who])).toEqual([['fireTimerNow', 'ana'], ['start', 'ana']]);
      expect(audit[0].details).toMatchObject({ timerKey, early: true });
    } finally {
      await db.delete();
    }
  });
});

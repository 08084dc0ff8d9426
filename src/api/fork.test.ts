import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../host';
import { APPROVAL } from '../replay/test-support/approval-run';
import { DexieStore, listAudit } from '../store';
import { freshDb } from '../store/test-support/fresh-db';
import { apiOn } from './test-support/api-harness';
import { DexieCatalog } from './dexie-catalog';

describe('instances.fork', () => {
  it('given an instance in the Dexie store, when forked through the API, then the fork is stored, and the audit log has one fork entry for it, not the re-executed commands', async () => {
    const db = freshDb();
    const store = new DexieStore(db, { actor: () => 'ana' });
    const clock = new ManualClock(Date.UTC(2026, 0, 10));
    const { api, host } = await apiOn(store, new DexieCatalog(db, () => 'ana'), clock);
    await host.deploy(APPROVAL, 'approval.bpmn');
    const pi = await host.startInstance('approval', { variables: { amount: 100 } });
    await host.completeUserTask({ instanceId: pi.instanceId, elementId: 'Enter' });
    const history = await host.history(pi.instanceId);
    const at = (history.find((e) => e.type === 'timerCreated') as { seq: number }).seq;

    const r = await api.call('instances.fork', { instanceId: pi.instanceId, atSeq: at, variables: { amount: 900 } });
    if ('error' in r) throw new Error(r.message);
    expect(r.message).toBe(`forked ${pi.instanceId} at event ${at} as ${r.data.instanceId}`);
    expect(r.data.variables).toEqual({ amount: 900 });
    const stored = await api.call('history.get', { instanceId: r.data.instanceId });
    if ('error' in stored) throw new Error(stored.message);
    expect(stored.data.filter((e) => e.type === 'instanceForked')).toHaveLength(1);
    const audit = await listAudit(db, { instanceId: r.data.instanceId });
    expect(audit.map((a) => a.action)).toEqual(['fork']);
    expect(audit[0]).toMatchObject({ who: 'ana', details: { forkOf: { instanceId: pi.instanceId, atSeq: at } } });

    const missing = await api.call('instances.fork', { instanceId: pi.instanceId, atSeq: 999 });
    expect(missing).toMatchObject({ error: 'notFound' });
    const bad = await api.call('instances.fork', { instanceId: pi.instanceId, atSeq: 0 });
    expect(bad).toMatchObject({ error: 'invalidRequest' });
    await db.delete();
  });
});

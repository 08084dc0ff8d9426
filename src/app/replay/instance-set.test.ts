import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../engine';
import { listAllInstances, loadInstanceSet, pageLabel, type Call } from './instance-set';

// Engine instances of several processes played as one set: grouped per process, each drawn on
// its own diagram (the newest version its instances ran); lists paged past 200.

const history = (instanceId: string, processId: string): HistoryEvent[] => [
  { seq: 1, at: 1000, type: 'instanceStarted', instanceId, processId, data: {} } as unknown as HistoryEvent,
];

function fakeEngine(instances: Array<{ instanceId: string; processId: string; processVersion: number }>): Call {
  const xml = (p: string, v: number) => `<definitions id="${p}-v${v}"/>`;
  return (async (method: string, request: Record<string, unknown>) => {
    const inst = instances.find((i) => i.instanceId === request.instanceId);
    switch (method) {
      case 'instances.get':
        return inst ? { data: inst } : { error: 'notFound', message: `no instance ${String(request.instanceId)}` };
      case 'history.get':
        return inst ? { data: history(inst.instanceId, inst.processId) } : { error: 'notFound', message: 'none' };
      case 'deployments.versions': {
        const versions = [...new Set(instances.filter((i) => i.processId === request.id).map((i) => i.processVersion))];
        return { data: versions.map((v) => ({ version: v, deploymentId: `${String(request.id)}@${v}` })) };
      }
      case 'deployments.get': {
        const [p, v] = String(request.deploymentId).split('@');
        return { data: { source: xml(p, Number(v)) } };
      }
      case 'instances.list': {
        const size = Number(request.pageSize);
        const page = Number(request.page ?? 1);
        return { data: { items: instances.slice((page - 1) * size, page * size), total: instances.length, page, pageSize: size } };
      }
      default:
        throw new Error(method);
    }
  }) as unknown as Call;
}

describe('instance sets', () => {
  it('given instances of two processes, when loaded as a set, then there is one group per process in first-chosen order, each with its cases and the newest version its instances ran', async () => {
    const call = fakeEngine([
      { instanceId: 'a1', processId: 'order', processVersion: 1 },
      { instanceId: 'b1', processId: 'refund', processVersion: 3 },
      { instanceId: 'a2', processId: 'order', processVersion: 2 },
    ]);
    const set = await loadInstanceSet(['a1', 'b1', 'a2'], 'mixed', call);
    if ('problem' in set) throw new Error(set.problem);
    expect(set.groups.map((g) => [g.processId, g.version, g.log.cases, [...g.histories.keys()]])).toEqual([
      ['order', 2, ['a1', 'a2'], ['a1', 'a2']],
      ['refund', 3, ['b1'], ['b1']],
    ]);
    expect(set.groups[0].xml).toBe('<definitions id="order-v2"/>');
    expect(set.instances).toBe(3);
    expect(set.log.cases).toEqual(['a1', 'b1', 'a2']);
  });

  it('given an instance that does not exist, when loaded, then the problem names it', async () => {
    const set = await loadInstanceSet(['a1', 'zz'], 'x', fakeEngine([{ instanceId: 'a1', processId: 'order', processVersion: 1 }]));
    expect(set).toEqual({ problem: 'zz: no instance zz' });
  });

  it('given 2,345 instances, when all matching are listed, then every page is read (1,000 a call) and each instance comes once', async () => {
    const all = Array.from({ length: 2345 }, (_, n) => ({ instanceId: `i${n}`, processId: 'order', processVersion: 1 }));
    const r = await listAllInstances({ processId: 'order' }, fakeEngine(all));
    if ('problem' in r) throw new Error(r.problem);
    expect(r.length).toBe(2345);
    expect(new Set(r.map((i) => i.instanceId)).size).toBe(2345);
  });

  it('given a page of a long list, when labelled, then it says which rows of how many', () => {
    expect(pageLabel(2, 200, 1234)).toBe('201–400 of 1,234');
    expect(pageLabel(7, 200, 1234)).toBe('1,201–1,234 of 1,234');
    expect(pageLabel(1, 200, 0)).toBe('none');
  });
});

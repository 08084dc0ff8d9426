import { afterEach, describe, expect, it } from 'vitest';
import { EngineClient } from './engine-client';
import { fakeLocks } from './test-support/fake-locks';
import { fakeWorkers } from './test-support/fake-workers';

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

describe('EngineClient: one engine per origin', () => {
  const clients: EngineClient[] = [];
  afterEach(() => clients.splice(0).forEach((c) => c.close()));

  it('given two tabs, then the second forwards its calls to the first one\'s engine, and takes over when the first closes', async () => {
    const locks = fakeLocks();
    const a = new EngineClient({ locks, spawn: fakeWorkers('a').spawn });
    const b = new EngineClient({ locks, spawn: fakeWorkers('b').spawn });
    clients.push(a, b);
    await until(() => a.isLeader && b.leader === a.tabId);
    expect(b.isLeader).toBe(false);

    expect(await b.call('instances.list', { page: 1 })).toMatchObject({ data: { method: 'instances.list', label: 'a' } });

    const stuck = b.call('hang' as never);
    await new Promise((r) => setTimeout(r, 20)); // the request reaches a's worker, which never answers
    a.close();
    // sent to a leader that left: it may have run, so it is not re-sent
    expect(await stuck).toMatchObject({ error: 'unavailable' });
    await until(() => b.isLeader);
    expect(await b.call('instances.list', {})).toMatchObject({ data: { label: 'b' } });
  });

  it('given a call made while no tab leads, then it waits for the next leader and runs once there', async () => {
    const locks = fakeLocks();
    const a = new EngineClient({ locks, spawn: fakeWorkers('a').spawn });
    clients.push(a);
    await until(() => a.isLeader);
    const b = new EngineClient({ locks, spawn: fakeWorkers('b').spawn });
    clients.push(b);
    await until(() => b.leader === a.tabId);
    a.close();
    await until(() => b.leader === null || b.isLeader);
    const later = await b.call('instances.get', { instanceId: 'x' });
    expect(later).toMatchObject({ data: { label: 'b', generation: 1 } });
  });
});

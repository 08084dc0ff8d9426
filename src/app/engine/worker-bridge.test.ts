import { afterEach, describe, expect, it } from 'vitest';
import { fakeWorkers } from './test-support/fake-workers';
import { WorkerBridge } from './worker-bridge';

describe('WorkerBridge', () => {
  let bridge: WorkerBridge | undefined;
  afterEach(() => bridge?.stop());

  it('given a call in flight, when the worker is terminated, then the call answers unavailable and a new worker serves the next call', async () => {
    const { spawn, started } = fakeWorkers();
    const restarts: number[] = [];
    bridge = new WorkerBridge(spawn, (g) => restarts.push(g));
    expect(await bridge.call('instances.list', { page: 1 })).toEqual({ data: { method: 'instances.list', request: { page: 1 }, generation: 1, label: '' } });

    const pending = bridge.call('hang', {});
    bridge.terminate();
    expect(await pending).toMatchObject({ error: 'unavailable', message: expect.stringContaining('may not have run') });
    expect(started.map((w) => w.terminated)).toEqual([true, false]);
    expect(restarts).toEqual([2]);
    expect(await bridge.call('instances.get', { instanceId: 'a' })).toMatchObject({ data: { generation: 2 } });
  });

  it('given a stopped bridge (the engine moved to another tab), then pending and later calls answer unavailable and no worker restarts', async () => {
    const { spawn, started } = fakeWorkers();
    bridge = new WorkerBridge(spawn);
    const pending = bridge.call('hang', {});
    bridge.stop();
    expect(await pending).toMatchObject({ error: 'unavailable', message: 'the engine moved to another tab' });
    expect(await bridge.call('instances.list', {})).toMatchObject({ error: 'unavailable' });
    expect(started).toHaveLength(1);
  });
});

import type { HistoryEvent } from '../history/events';
import type { InstanceState } from '../runtime/state';
import { CountingIds, ManualClock, SeededRandom } from '../../host/clocks';
import { EngineHost, type EngineHostOptions } from '../../host/engine-host';
import { MemoryStore } from '../../host/memory-store';
import { testFeel } from './feel';

/**
 * The one host shell (`src/host/EngineHost`) on an in-memory store and a manual clock, for specs
 * that need more than one instance (call activities, messages, timers): the same code the CLI,
 * the worker and the server run.
 */
export async function testHost(xmls: string[], options: Partial<EngineHostOptions> = {}) {
  const store = new MemoryStore();
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const host = new EngineHost({ store, clock, ids: new CountingIds(), random: new SeededRandom(7), expressions: testFeel, ...options });
  for (const xml of xmls) await host.deploy(xml);
  return {
    host,
    store,
    clock,
    /** Every instance the store holds, in start order. */
    async all(): Promise<InstanceState[]> {
      return host.listInstances();
    },
    async state(id: string): Promise<InstanceState> {
      const s = await host.getInstance(id);
      if (!s) throw new Error(`no instance ${id}`);
      return s;
    },
    async childrenOf(id: string): Promise<InstanceState[]> {
      return (await host.listInstances()).filter((s) => s.parent?.instanceId === id);
    },
    history(id: string): Promise<HistoryEvent[]> {
      return host.history(id);
    },
  };
}

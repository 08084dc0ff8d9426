import type { InstanceState, Logger } from '../../engine';
import { testFeel } from '../../engine/test-support/feel';
import { CountingIds, ManualClock, SeededRandom, UniqueIds } from '../clocks';
import { EngineHost, type EngineHostOptions } from '../engine-host';
import { MemoryStore } from '../memory-store';

/** 2026-01-01T00:00:00Z, where every message spec's clock starts. */
export const T0 = Date.UTC(2026, 0, 1);

/**
 * The real host on a MemoryStore and a virtual clock, for message and signal specs, with
 * `restart()`: a new host on a JSON copy of the store (what a restart from disk sees), so a spec
 * proves its subscriptions, buffered messages and locks survive serialization.
 */
export class MessageTestHost {
  readonly warnings: string[] = [];
  readonly clock = new ManualClock(T0);
  private constructor(
    public host: EngineHost,
    public store: MemoryStore,
    private readonly options: Partial<EngineHostOptions>,
  ) {}

  static async create(xmls: string[], options: Partial<EngineHostOptions> = {}): Promise<MessageTestHost> {
    const t = new MessageTestHost(undefined as unknown as EngineHost, new MemoryStore(), options);
    t.host = new EngineHost({ store: t.store, clock: t.clock, ids: new CountingIds(), random: new SeededRandom(7), expressions: testFeel, logger: t.logger(), ...options });
    for (const xml of xmls) await t.host.deploy(xml);
    return t;
  }

  /** Replaces the host by one on a JSON round trip of the store (instances, buffer, locks, deployments). */
  async restart(): Promise<void> {
    const snapshot = JSON.parse(JSON.stringify(this.store.snapshot())) as ReturnType<MemoryStore['snapshot']>;
    this.store = await MemoryStore.fromSnapshot(snapshot);
    this.host = await EngineHost.create({ store: this.store, clock: this.clock, ids: new UniqueIds(), expressions: testFeel, logger: this.logger(), ...this.options });
  }

  /** Instances in start order, optionally of one process. */
  async instances(processId?: string): Promise<InstanceState[]> {
    return this.host.listInstances(processId ? { processId } : {});
  }

  async state(id: string): Promise<InstanceState> {
    const s = await this.host.getInstance(id);
    if (!s) throw new Error(`no instance ${id}`);
    return s;
  }

  /** Completes the open user task at `elementId` of an instance. */
  completeTask(instanceId: string, elementId: string, variables?: Record<string, unknown>): Promise<InstanceState> {
    return this.host.completeUserTask({ instanceId, elementId }, variables);
  }

  private logger(): Logger {
    return { debug: () => {}, warn: (m: string) => void this.warnings.push(m) };
  }
}

import type { CommandRecord, HistoryEvent, InstanceState } from '../engine';
import type { DeploymentRecord, InstanceQuery, StartTimerRecord, Store, StoreCommit } from './store';

/**
 * A {@link Store} in plain maps, for the CLI, tests, benchmarks and simulation. A commit is applied
 * synchronously in one go, so it is atomic; an invalid commit is rejected before anything changes.
 *
 * @example
 * const host = new EngineHost({ store: new MemoryStore(), clock: new ManualClock(0), expressions });
 */
export class MemoryStore implements Store {
  private readonly instances = new Map<string, InstanceState>();
  private readonly history = new Map<string, HistoryEvent[]>();
  private readonly commandLog = new Map<string, CommandRecord[]>();
  private readonly jobIndex = new Map<string, string>();
  private readonly taskIndex = new Map<string, string>();
  private readonly deployments: DeploymentRecord[] = [];
  private readonly startTimers = new Map<string, StartTimerRecord>();
  /** Number of commits applied; lets tests prove one operation is one commit. */
  commits = 0;

  async loadInstance(instanceId: string): Promise<InstanceState | undefined> {
    return this.instances.get(instanceId);
  }

  async commit(changes: StoreCommit): Promise<void> {
    // Validate everything before touching anything, so a bad commit leaves no trace.
    const ids = new Set<string>();
    for (const s of changes.instances) ids.add(s.instanceId);
    for (const e of changes.history) {
      if (!ids.has(e.instanceId) && !this.instances.has(e.instanceId)) {
        throw new Error(`history event ${e.seq} belongs to unknown instance ${e.instanceId}`);
      }
    }
    for (const state of changes.instances) {
      const previous = this.instances.get(state.instanceId);
      if (previous) this.unindex(previous);
      this.instances.set(state.instanceId, state);
      for (const key in state.jobs) this.jobIndex.set(key, state.instanceId);
      for (const id in state.tasks) this.taskIndex.set(id, state.instanceId);
    }
    let list: HistoryEvent[] | undefined;
    let listOf: string | undefined;
    for (const e of changes.history) {
      if (e.instanceId !== listOf) {
        listOf = e.instanceId;
        list = this.history.get(listOf);
        if (!list) this.history.set(listOf, (list = []));
      }
      (list as HistoryEvent[]).push(e);
    }
    for (const processId of changes.replaceStartTimersOf ?? []) {
      for (const [key, t] of this.startTimers) if (t.processId === processId) this.startTimers.delete(key);
    }
    for (const t of changes.startTimers ?? []) {
      if (t.dueAt === null) this.startTimers.delete(t.key);
      else this.startTimers.set(t.key, t);
    }
    for (const c of changes.commands ?? []) {
      const log = this.commandLog.get(c.instanceId);
      if (log) log.push(c);
      else this.commandLog.set(c.instanceId, [c]);
    }
    this.commits++;
  }

  async findInstanceByJob(jobKey: string): Promise<string | undefined> {
    return this.jobIndex.get(jobKey);
  }

  async findInstanceByTask(taskId: string): Promise<string | undefined> {
    return this.taskIndex.get(taskId);
  }

  async listInstances(query: InstanceQuery = {}): Promise<InstanceState[]> {
    const out: InstanceState[] = [];
    for (const s of this.instances.values()) {
      if (query.processId !== undefined && s.processId !== query.processId) continue;
      if (query.status !== undefined && s.status !== query.status) continue;
      if (query.withIncidents && Object.keys(s.incidents).length === 0) continue;
      out.push(s);
    }
    return out;
  }

  async loadHistory(instanceId: string, afterSeq = 0): Promise<HistoryEvent[]> {
    const list = this.history.get(instanceId) ?? [];
    return afterSeq > 0 ? list.filter((e) => e.seq > afterSeq) : list.slice();
  }

  async loadCommands(instanceId: string): Promise<CommandRecord[]> {
    return (this.commandLog.get(instanceId) ?? []).slice();
  }

  async saveDeployment(record: DeploymentRecord): Promise<void> {
    this.deployments.push(record);
  }

  async listStartTimers(): Promise<StartTimerRecord[]> {
    return [...this.startTimers.values()];
  }

  async listDeployments(): Promise<DeploymentRecord[]> {
    return this.deployments.slice();
  }

  private unindex(state: InstanceState): void {
    for (const key in state.jobs) this.jobIndex.delete(key);
    for (const id in state.tasks) this.taskIndex.delete(id);
  }
}

import type { CommandRecord, HistoryEvent, InstanceState } from '../engine';

/** A deployed BPMN or DMN file, kept so a host can recompile everything after a restart. */
export interface DeploymentRecord {
  /** Unique per deployment. */
  id: string;
  kind: 'bpmn' | 'dmn';
  /** File name or label shown to users. */
  name: string;
  xml: string;
  deployedAt: number;
  /** BPMN: process id -> version given by this deployment. DMN: decision id -> version. */
  versions: Record<string, number>;
}

/**
 * Everything one host operation changed, from one wait state to the next: every instance it touched
 * (a call activity can touch parent and child) and their new history events. A store applies it
 * entirely or not at all.
 */
export interface StoreCommit {
  instances: InstanceState[];
  history: HistoryEvent[];
  /** The command log entries of this operation (replaying them reproduces the history). */
  commands?: CommandRecord[];
  /** Timer start events whose next due time changed (`dueAt: null` removes one); `startTimersOf` replaces all of a process's. */
  startTimers?: StartTimerRecord[];
  /** Process ids whose stored timer start events are all replaced by `startTimers` (a new version was deployed). */
  replaceStartTimersOf?: string[];
}

/**
 * A timer start event of a deployed process: when it next starts an instance. One per process
 * id and start event; deploying a new version replaces the old version's.
 */
export interface StartTimerRecord {
  /** `${processId}/${elementId}`. */
  key: string;
  processId: string;
  version: number;
  elementId: string;
  /** Null once the timer is over (a date that fired, a cycle with its repetitions used). */
  dueAt: number | null;
  fired: number;
  /** The parsed schedule (plain JSON). */
  schedule: unknown;
}

/** Filters for {@link Store.listInstances}; all optional and combined with AND. */
export interface InstanceQuery {
  processId?: string;
  status?: InstanceState['status'];
  /** Instances with at least one open incident. */
  withIncidents?: boolean;
}

/**
 * Persistence for the {@link EngineHost}. The in-memory implementation is {@link MemoryStore}; the
 * browser's Dexie adapter lives in `src/store`. Jobs, user tasks and incidents live inside
 * `InstanceState`; a store may index them (by job key, task id) for the lookups below.
 *
 * Ownership: after `commit`, the store owns the state objects; the host never mutates them and
 * callers of the `load`/`list` methods must not either.
 */
export interface Store {
  loadInstance(instanceId: string): Promise<InstanceState | undefined>;
  /** Applies all changes atomically. */
  commit(changes: StoreCommit): Promise<void>;
  /** The instance holding an open job with this key. */
  findInstanceByJob(jobKey: string): Promise<string | undefined>;
  /** The instance holding an open user task with this id. */
  findInstanceByTask(taskId: string): Promise<string | undefined>;
  listInstances(query?: InstanceQuery): Promise<InstanceState[]>;
  /** History of one instance in sequence order, optionally only events after `afterSeq`. */
  loadHistory(instanceId: string, afterSeq?: number): Promise<HistoryEvent[]>;
  /** The command log of one instance, in order. */
  loadCommands(instanceId: string): Promise<CommandRecord[]>;
  saveDeployment(record: DeploymentRecord): Promise<void>;
  /** Every pending timer start event. */
  listStartTimers(): Promise<StartTimerRecord[]>;
  listDeployments(): Promise<DeploymentRecord[]>;
}

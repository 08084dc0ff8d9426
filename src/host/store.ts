import type { CommandRecord, HistoryEvent, InstanceState, Job, Subscription, Variables } from '../engine';

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
  /** What the deployer said about it (optional; the Dexie store keeps it). */
  note?: string;
  /** Who deployed it (optional; the Dexie store otherwise asks its actor). */
  deployedBy?: string;
  /**
   * The records of one `deploy` with decisions (BPMN and DMN deployed together) share it: a
   * business rule task with `bindingType="deployment"` evaluates its bundle's decision versions.
   */
  bundle?: string;
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
  /** Buffered messages new or changed (put by `key`, keeping their place in the buffer). */
  messages?: BufferedMessage[];
  /** Keys of buffered messages that left the buffer (their time to live ended). */
  removeMessages?: string[];
  /** Message start locks taken: an instance started by a message with a correlation key. */
  messageStartLocks?: MessageStartLock[];
  /** Instance ids whose message start lock is released (the instance ended). */
  releaseMessageStartLocks?: string[];
}

/**
 * A published message kept for its time to live, so that a subscription opened later gets it
 * (Zeebe's message buffer). Plain JSON.
 */
export interface BufferedMessage {
  /** Unique per published message (`message-...`). */
  key: string;
  name: string;
  /** '' when the message was published without one. */
  correlationKey: string;
  /** The publisher's id for de-duplication, or null. */
  messageId: string | null;
  variables: Variables;
  publishedAt: number;
  /** `publishedAt + timeToLive`: from this instant on the message is gone. */
  expiresAt: number;
  /** Process ids it was correlated to: a message correlates once per process id, across versions. */
  correlatedTo: string[];
}

/**
 * Zeebe's rule for message start events with a correlation key: while an instance of `processId`
 * started by a message with this key is active, the key starts no other instance of that process.
 */
export interface MessageStartLock {
  processId: string;
  correlationKey: string;
  instanceId: string;
}

/** An open message or signal subscription as the store indexes it: the instance's, plus its process id. */
export interface StoredSubscription extends Subscription {
  processId: string;
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
  /**
   * The job executor's lookup (`host.jobs.fetchAndLock`): jobs of `type` in active, unsuspended
   * instances that a worker may lock at `now` (`jobAvailableFrom(job) <= now`: activatable, or a
   * lock or retry backoff that has ended; never `failed`), highest `priority` first, then oldest
   * `createdAt`, then by key; at most `limit`. Read from the committed states like the job key
   * index; an index lookup, never a scan of instances.
   */
  findAvailableJobs(type: string, now: number, limit: number): Promise<Job[]>;
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
  /**
   * Open subscriptions of active instances for (kind, name), and for messages that correlation
   * key: oldest first (in the order they were committed). An index lookup, never a scan of instances.
   */
  findSubscriptions(kind: 'message' | 'signal', name: string, correlationKey?: string): Promise<StoredSubscription[]>;
  /** Buffered messages with this name and correlation key, oldest first (the expired included until removed). */
  findBufferedMessages(name: string, correlationKey: string): Promise<BufferedMessage[]>;
  loadBufferedMessage(key: string): Promise<BufferedMessage | undefined>;
  /** Every buffered message (a starting host schedules their ends). */
  listBufferedMessages(): Promise<BufferedMessage[]>;
  /** The lock of an active instance of `processId` started by a message with `correlationKey`. */
  findMessageStartLock(processId: string, correlationKey: string): Promise<MessageStartLock | undefined>;
  /** The message start lock an instance holds, if any. */
  findMessageStartLockOf(instanceId: string): Promise<MessageStartLock | undefined>;
  listDeployments(): Promise<DeploymentRecord[]>;
}

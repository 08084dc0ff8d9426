import type { CommandRecord, HistoryEvent, Incident, InstanceState, Job, Timer, UserTask } from '../../engine';
import type { BufferedMessage, MessageStartLock, StartTimerRecord, StoredSubscription } from '../../host/store';

/*
 * Row shapes of the engine tables (schemas v2 and v3, see ../schema.ts). Every row is plain data (a
 * structured clone). Index fields that may be null are stored as '' because IndexedDB leaves a row
 * out of an index whose key path holds null.
 */

/**
 * An instance's hot record: the engine state without its completed path while it runs (kept in
 * `paths`, appended per commit, so a long-running instance's row stays the size of its live
 * state); once it has ended, with the path inline (`pathInline`: it no longer grows). `revision` is
 * `state.commands`, checked inside every commit transaction.
 */
export interface InstanceRow {
  instanceId: string;
  processId: string;
  processVersion: number;
  status: InstanceState['status'];
  suspended: 0 | 1;
  businessKey: string;
  /** Parent instance id ('' for a top-level instance). */
  parentId: string;
  startedAt: number;
  /** Null while running: the row stays out of the `endedAt` index. */
  endedAt: number | null;
  incidentCount: number;
  revision: number;
  /** Length of the completed path stored in `paths`. */
  pathLength: number;
  /** Rows of `paths` holding it (compacted to one past `MAX_PATH_PIECES`); absent in rows written before compaction existed. */
  pathPieces?: number;
  /** v3: the instance has ended and `state.path` holds its whole completed path (no `paths` rows). */
  pathInline?: 1;
  /** v3: the highest history seq stored for it (0: none), so a commit refuses an event stored twice without reading its batches. */
  historySeq?: number;
  /** First-commit order, so lists read in the order instances were created. */
  order: number;
  state: InstanceState;
}

/** A piece of an instance's completed path: element ids `from..from+ids.length-1`. */
export interface PathRow {
  instanceId: string;
  from: number;
  ids: string[];
}

/** One variable of one scope ('' = process scope, else the element instance id): a query projection. */
export interface VariableRow {
  instanceId: string;
  scopeId: string;
  name: string;
  value: unknown;
}

export type JobRow = Job & { instanceId: string; processId: string };
export type UserTaskRow = UserTask & { instanceId: string; processId: string; assigneeKey: string };
export type TimerRow = Timer & { instanceId: string };
export type IncidentRow = Incident & { instanceId: string; processId: string };
/** An open message or signal subscription; `correlationKey` '' for signals and messages without one; `order` = first-commit order. */
export interface SubscriptionRow {
  key: string;
  instanceId: string;
  kind: 'message' | 'signal';
  name: string;
  correlationKey: string;
  order: number;
  subscription: StoredSubscription;
}
export type BufferedMessageRow = BufferedMessage & { order: number };
export type MessageStartLockRow = MessageStartLock;
export type StartTimerRow = StartTimerRecord;
/** v2: one history event per row (moved into `historyBatches` by the v3 upgrade; no longer written). */
export type HistoryRow = HistoryEvent;

/**
 * v3: the history events one commit appended to one instance, in order. Key: [instanceId, seq of
 * the first event]; `last` is the last event's seq. One row instead of one per event (ADR 0140).
 */
export interface HistoryBatchRow {
  instanceId: string;
  seq: number;
  last: number;
  /** The events as objects: rows written before ADR 0242 (and by the v3 upgrade). Read with `batchEvents`. */
  events?: HistoryEvent[];
  /** The events as one JSON text (ADR 0242: a string costs IndexedDB far less to clone than 30 objects). */
  eventsJson?: string;
}
export type CommandRow = CommandRecord;

/** A deployment as stored: the host's record plus the source's SHA-256 and its place in deployment order. */
export interface DeploymentRow {
  id: string;
  kind: 'bpmn' | 'dmn' | 'form';
  name: string;
  /** The source (BPMN/DMN XML, form JSON). */
  xml: string;
  /** Hex SHA-256 of `xml` (UTF-8), via `crypto.subtle`. */
  sha256: string;
  deployedAt: number;
  deployedBy: string;
  note: string;
  versions: Record<string, number>;
  order: number;
  /** `DeploymentRecord.bundle`: BPMN and DMN deployed together. */
  bundle?: string;
}

/** One deployed version of a process, decision or form, pointing at its deployment. */
export interface DefinitionRow {
  kind: 'bpmn' | 'dmn' | 'form';
  definitionId: string;
  version: number;
  deploymentId: string;
  sha256: string;
  deployedAt: number;
}

/** Who did what, when, to which instance (the user actions of the studio; see audit.ts). */
export interface AuditRow {
  id?: number;
  at: number;
  who: string;
  action: string;
  /** '' when the action is not about one instance (a deployment). */
  instanceId: string;
  details?: Record<string, unknown>;
}

/** Named counters (first-commit orders). */
export interface CounterRow {
  name: string;
  value: number;
}

/**
 * Append-only history of one instance. Events are small structured records; no strings are
 * formatted while stepping (renderers format them later).
 */
export type HistoryEvent = HistoryBase & HistoryBody;

export interface HistoryBase {
  /** 1-based, gap-free per instance. */
  seq: number;
  /** From the Clock port; every event of one step shares the step's time. */
  time: number;
  instanceId: string;
}

/**
 * Every event about an element carries the element instance it happened to (`elementInstanceId`)
 * and, for element life events and flows, the scope it lives in (`scopeId`: the enclosing element
 * instance, null at process level), so a replay can place each token exactly.
 */
export type HistoryBody =
  | { type: 'instanceStarted'; processId: string; processVersion: number; businessKey: string | null }
  | { type: 'instanceCompleted' }
  | { type: 'instanceCanceled' }
  | { type: 'instanceSuspended' }
  | { type: 'instanceResumed' }
  /**
   * Written by the host's rewind-and-fork (src/replay/rewind.ts), never by a step: this instance
   * was restored from `fromInstanceId` as it was after its history event `atSeq` (its command log
   * re-executed) and goes on from here, with the edited variables set next.
   */
  | { type: 'instanceForked'; fromInstanceId: string; atSeq: number }
  | { type: 'elementEntered'; elementId: string; elementInstanceId: string; scopeId: string | null }
  | { type: 'elementCompleted'; elementId: string; elementInstanceId: string; scopeId: string | null }
  | { type: 'elementTerminated'; elementId: string; elementInstanceId: string; scopeId: string | null }
  /** `elementInstanceId`: the element instance the token left (null when it came from a join). */
  | { type: 'flowTaken'; flowId: string; elementInstanceId: string | null; scopeId: string | null }
  /** `scopeId` null = process scope. `oldValue` is absent when the variable was created. */
  | { type: 'variableSet'; name: string; scopeId: string | null; oldValue?: unknown; newValue: unknown }
  | { type: 'taskCreated'; taskId: string; elementId: string; elementInstanceId: string; assignee: string | null }
  | { type: 'taskAssigned'; taskId: string; elementId: string; elementInstanceId: string; assignee: string | null }
  | { type: 'taskCompleted'; taskId: string; elementId: string; elementInstanceId: string }
  | { type: 'jobCreated'; jobKey: string; jobType: string; elementId: string; elementInstanceId: string; retries: number }
  | { type: 'jobCompleted'; jobKey: string; elementId: string; elementInstanceId: string }
  /** `retryAt`: set when the job waits out a retry backoff before it is handed out again. */
  | { type: 'jobFailed'; jobKey: string; elementId: string; elementInstanceId: string; retries: number; errorMessage: string | null; retryAt?: number }
  /** A worker locked the job (external task pattern) until `lockExpiresAt`; `jobLockExtended` moves that instant. */
  | { type: 'jobLocked'; jobKey: string; elementId: string; elementInstanceId: string; worker: string; lockExpiresAt: number }
  | { type: 'jobLockExtended'; jobKey: string; elementId: string; elementInstanceId: string; worker: string; lockExpiresAt: number }
  /** The lock ran out before the worker reported: the job is available again, no retry used. */
  | { type: 'jobTimedOut'; jobKey: string; elementId: string; elementInstanceId: string; worker: string }
  /** A failed job's retry backoff is over: it is available again. */
  | { type: 'jobRetryDue'; jobKey: string; elementId: string; elementInstanceId: string }
  | { type: 'errorThrown'; elementId: string; elementInstanceId: string; errorCode: string; caughtBy: string | null }
  /** `caughtBy` null: nothing in this instance caught it (it went on to the parent, if any; never an incident). */
  | { type: 'escalationThrown'; elementId: string; elementInstanceId: string; escalationCode: string; caughtBy: string | null }
  /** A compensation throw (or a transaction's cancel) took `completions` completed activities to compensate (0: nothing to do). */
  | { type: 'compensationThrown'; elementId: string; elementInstanceId: string; activityRef: string | null; completions: number }
  /**
   * The completion `elementInstanceId` of `elementId` is being compensated by `handlerInstanceId`:
   * its handler (`handlerId`), or the subprocess opened again as a compensation scope (`handlerId`:
   * its compensation event subprocess, or null when it compensates its inside in turn).
   */
  | { type: 'compensating'; elementId: string; elementInstanceId: string; handlerId: string | null; handlerInstanceId: string }
  /** A canceled transaction, its compensation done, leaves through its cancel boundary event. */
  | { type: 'transactionCanceled'; elementId: string; elementInstanceId: string; boundaryId: string }
  /**
   * A business rule task evaluated a decision (`zeebe:calledDecision`): the version, what each
   * decision of its requirement graph read, the rules that matched in each table (0-based index
   * and id; `chosen`: the ones the hit policy used) and the result. Bounded: see {@link DecisionTrace}.
   */
  | { type: 'decisionEvaluated'; elementId: string; elementInstanceId: string; decisionId: string; decisionVersion: number | null; result: unknown; decisions: DecisionTrace[]; warnings: string[]; truncated: boolean }
  | { type: 'incidentRaised'; incidentId: string; incidentType: string; elementId: string; elementInstanceId: string; message: string }
  | { type: 'incidentResolved'; incidentId: string; elementId: string; elementInstanceId: string }
  /** `elementInstanceId`: the wait's owner (the catch event, the activity of a boundary, an event subprocess's scope; null: process). */
  | { type: 'timerCreated'; timerKey: string; elementId: string; elementInstanceId: string | null; dueAt: number }
  | { type: 'subscriptionOpened'; key: string; kind: string; name: string; correlationKey: string | null; elementId: string; elementInstanceId: string | null }
  /** A timer came due, a message was correlated, a signal arrived, a condition became true. */
  | { type: 'eventTriggered'; kind: string; key: string; elementId: string; elementInstanceId: string | null }
  /** An asynchronous continuation: the step stopped before the element started / after it completed... */
  | { type: 'continuationCreated'; key: string; phase: 'before' | 'after'; elementId: string; elementInstanceId: string }
  /** ...and, in a later operation, went on. */
  | { type: 'continuationRun'; key: string; phase: 'before' | 'after'; elementId: string; elementInstanceId: string };

export type HistoryType = HistoryEvent['type'];

/**
 * One decision of a `decisionEvaluated` event. Capped so that history stays small: at most 20
 * decisions, 10 tables each, 50 matched rules per table, 50 inputs per decision, 20 warnings; a
 * value whose JSON exceeds 1,000 characters (the result: 4,000) is replaced by
 * `{ $truncated: true, chars, preview }`. `truncated` on the event says whether anything was cut.
 */
export interface DecisionTrace {
  decisionId: string;
  decisionName: string | null;
  inputs: Record<string, unknown>;
  tables: Array<{ tableId: string | null; hitPolicy: string; matched: Array<{ index: number; id: string | null }>; chosen: number[]; usedDefaults: boolean }>;
  output: unknown;
}

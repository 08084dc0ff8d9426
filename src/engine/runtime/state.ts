/** Version of {@link InstanceState}; bump with a migration in snapshot/ when the shape changes. */
export const STATE_SCHEMA_VERSION = 2;

export type Variables = Record<string, unknown>;

export type InstanceStatus = 'active' | 'completed' | 'canceled';

/**
 * The complete state of one process instance: plain JSON, so it can be stored, cloned with
 * `JSON.parse(JSON.stringify(state))` and resumed by any engine with the same definition.
 */
export interface InstanceState {
  schemaVersion: number;
  instanceId: string;
  processId: string;
  processVersion: number;
  businessKey: string | null;
  status: InstanceStatus;
  suspended: boolean;
  /** Set for instances started by a call activity. */
  parent: { instanceId: string; elementInstanceId: string } | null;
  /** How many call activities deep this instance runs (0: started directly). */
  callDepth: number;
  startedAt: number;
  endedAt: number | null;
  /** Last history sequence number used. */
  seq: number;
  /** Process-scope variables. */
  variables: Variables;
  /**
   * Live element instances by id (removed when completed or terminated). Element instance ids are
   * numbers in text ("1", "2"...) unique within the instance: V8 stores such keys as array
   * elements, whereas globally unique string keys cost ~50x more per insert (measured).
   */
  elements: Record<string, ElementInstance>;
  /** Last element instance number handed out. */
  elementCounter: number;
  /** Number of live element instances (`elements`), kept so the limit on them costs nothing to check. */
  liveElements: number;
  /**
   * Last number handed out per id kind (`job`, `task`, `incident`, `call`, `timer`...). Ids are
   * `${instanceId}-${kind}-${n}`: unique as the instance id is, and the same whatever other
   * instances did in between (a step is a function of this state and its command alone).
   */
  counters: Record<string, number>;
  /** The instance's own random state (mulberry32); script seeds are drawn from it. */
  rng: number;
  /** Number of commands applied so far (the start counts as the first); the command log's sequence. */
  commands: number;
  /** Tokens waiting at joining gateways, keyed `${scopeId}/${gatewayId}`. */
  joins: Record<string, JoinState>;
  jobs: Record<string, Job>;
  tasks: Record<string, UserTask>;
  /** Timers of catching timer events, by key; the host's scheduler fires them (`timerFired`). */
  timers: Record<string, Timer>;
  /** Open message, signal and conditional subscriptions of catching events, by key. */
  subscriptions: Record<string, Subscription>;
  incidents: Record<string, Incident>;
  /** Element ids in completion order. */
  path: string[];
  /**
   * Asynchronous continuations waiting to run (`asyncBefore` / `asyncAfter`): each is a commit
   * boundary the host's scheduler runs in an operation of its own (`continueAsync`). Absent in
   * states written before continuations existed.
   */
  continuations?: Record<string, Continuation>;
  /**
   * Parallel multiple catch events part-way triggered, keyed `${ownerId ?? ''}/${catcherId}`: the
   * variables of each definition that triggered so far (null: not yet).
   */
  parallelTriggers?: Record<string, ParallelTrigger>;
  /**
   * Compensation (BPMN): completed activities that can still be compensated, and the compensation
   * runs under way. Absent until the first compensable completion (and in older states).
   */
  compensation?: CompensationState;
}

export interface CompensationState {
  /** Compensable completions in completion order (compensation runs them in reverse). */
  records: Compensable[];
  /** Runs under way, by the element instance that waits for them (a throw event, a transaction, a compensation scope). */
  runs: Record<string, CompensationRun>;
}

/** One completion of an activity that compensation can undo, once. */
export interface Compensable {
  elementId: string;
  /** The element instance that completed. */
  elementInstanceId: string;
  /** The scope it completed in (null: the process); a compensation throw there finds it. */
  scopeId: string | null;
  /** Its local variables at completion (a multi-instance iteration's element and loopCounter): its handler starts with them. */
  variables?: Variables;
  /** A subprocess: what completed inside it, compensated inside it in turn. */
  inner?: Compensable[];
}

export interface CompensationRun {
  /** What the owner does once every handler has run: move on (a throw event), or nothing (a scope, which completes once empty). */
  then: 'complete' | 'scope';
  /** Completions still to compensate, in the order they will run. */
  queue: Compensable[];
}

/** An asynchronous continuation: a job of kind `async`, due at once, run by the host's scheduler. */
export interface Continuation {
  key: string;
  kind: 'async';
  /** `before`: the element instance has not started yet; `after`: it completed and waits to leave. */
  phase: 'before' | 'after';
  elementId: string;
  elementInstanceId: string;
  processInstanceId: string;
  dueAt: number;
  createdAt: number;
}

/** A parallel multiple catch event waiting for the rest of its definitions to trigger. */
export interface ParallelTrigger {
  catcherId: string;
  ownerId: string | null;
  /** By definition index: the variables it triggered with, or null while it has not triggered. */
  fired: Array<Variables | null>;
}

export type ElementStatus = 'active' | 'waiting' | 'incident';

export interface ElementInstance {
  id: string;
  elementId: string;
  /** Enclosing element instance (subprocess, multi-instance body); null at process scope. */
  parentId: string | null;
  status: ElementStatus;
  /** Local variables (input mappings, multi-instance element, loop counter...). */
  variables?: Variables;
  /** Number of live child element instances (scopes only). */
  children: number;
  /** A multi-instance or loop body rather than the activity itself. */
  body?: LoopBodyState;
  /** An inner instance of a multi-instance body: its 0-based index. */
  loopIndex?: number;
  jobKey?: string;
  taskId?: string;
  childInstanceId?: string;
  /** A complex gateway instance holding an incident for the tokens waiting at this join key. */
  joinKey?: string;
  /** Owns timers or subscriptions (a catch event, an activity with boundary events, a scope with event subprocesses). */
  waits?: true;
  /** The event this catch event waits for already happened (an event-based gateway chose it): its variables. */
  pending?: Variables;
  /** Event subprocess: the start event that triggered it. */
  startAt?: string;
  /** An event-based gateway: the catch event whose event arrived first, and that event's variables. */
  chosen?: string;
  handOff?: Variables;
  /** The asynchronous continuations this element instance has passed (`after` implies `before`). */
  asyncPassed?: 'before' | 'after';
  /** An ad-hoc subprocess: activations waiting their turn (sequential ordering) and what it has done. */
  adHoc?: AdHocState;
  /** A compensation handler (or compensation scope): the element instance whose compensation run it belongs to. */
  helps?: string;
  /** A completed subprocess opened again to compensate what completed inside it: no outputs, no flows when it completes. */
  compensationScope?: true;
  /** A transaction whose cancel end event was reached: once empty (compensation done), it leaves through its cancel boundary. */
  canceling?: true;
}

export interface AdHocState {
  /** Activations requested while another ran (sequential ordering), in request order. */
  queue: Array<{ elementId: string; variables?: Variables }>;
  /** Inner elements activated so far. */
  activated: number;
  /** The completion condition held (or an interrupting event subprocess ended): it completes once empty. */
  completing?: true;
}

export interface LoopBodyState {
  kind: 'parallel' | 'sequential' | 'standardLoop';
  /** The collection (or null for cardinality / standard loops). */
  items: unknown[] | null;
  /** Iterations to run; -1 = unbounded (standard loop without loopMaximum). */
  total: number;
  /** Multi-instance output collection, indexed like the input. */
  outputs?: unknown[];
  started: number;
  active: number;
  completed: number;
}

export interface JoinState {
  gatewayId: string;
  scopeId: string | null;
  /** Tokens waiting per incoming flow index. */
  arrived: number[];
  /** Complex gateway: `reset` after firing, until the remaining tokens have arrived. */
  phase?: 'waiting' | 'reset';
  /** Complex gateway: the element instance holding the incident of a failed activation condition. */
  blockedBy?: string;
}

export interface Job {
  key: string;
  type: string;
  retries: number;
  elementId: string;
  elementInstanceId: string;
  processInstanceId: string;
  customHeaders: Record<string, string>;
  /**
   * `activatable`: waiting for a worker; `activated`: locked by `worker` until `lockExpiresAt`;
   * `backoff`: failed with retries left, available again at `retryAt`; `failed`: no retries left
   * (an incident is open).
   */
  state: 'activatable' | 'activated' | 'backoff' | 'failed';
  errorMessage: string | null;
  createdAt: number;
  /** The worker holding the lock (`activated`), else null. */
  worker: string | null;
  lockExpiresAt: number | null;
  retryAt: number | null;
  /** Higher is handed out first (a `priority` task header or attribute; default 0). */
  priority: number;
}

/** A timer of a catching event: an intermediate catch, a boundary or an event subprocess start. */
export interface Timer {
  key: string;
  /** The catching event. */
  elementId: string;
  /** Whose life bounds the timer: the catch event, the activity a boundary sits on, or the scope of an event subprocess (null: process). */
  elementInstanceId: string | null;
  processInstanceId: string;
  dueAt: number;
  /** The parsed schedule (plain JSON, see timers/), for cycles. */
  schedule: unknown;
  /** Times it fired so far (cycles). */
  fired: number;
  createdAt: number;
  /** Which of the catcher's event definitions it belongs to, when it has several (index into its definitions). */
  def?: number;
}

/** An open subscription of a catching message, signal or conditional event. */
export interface Subscription {
  key: string;
  kind: 'message' | 'signal' | 'conditional';
  /** Message or signal name; the condition's element id for conditionals. */
  name: string;
  /** Messages: the correlation key evaluated when the catching element was entered. */
  correlationKey: string | null;
  elementId: string;
  elementInstanceId: string | null;
  processInstanceId: string;
  interrupting: boolean;
  createdAt: number;
  /** Which of the catcher's event definitions it belongs to, when it has several (index into its definitions). */
  def?: number;
  /** Conditional: the condition held at its last evaluation (it triggers when it becomes true). */
  holds?: boolean;
  /** An incident about this wait is open (its condition failed to evaluate): not re-evaluated until resolved. */
  incidentId?: string;
}

export interface UserTask {
  id: string;
  elementId: string;
  elementInstanceId: string;
  processInstanceId: string;
  name: string | null;
  assignee: string | null;
  candidateUsers: string[];
  candidateGroups: string[];
  dueDate: string | null;
  followUpDate: string | null;
  priority: number;
  formKey: string | null;
  formId: string | null;
  /** The task's `zeebe:taskHeaders` `category`; absent when it has none (and on tasks stored before categories); the API says `null` then. */
  category?: string | null;
  createdAt: number;
}

export type IncidentType =
  | 'expression'
  | 'condition'
  | 'script'
  | 'decision'
  | 'jobNoRetries'
  | 'unhandledError'
  | 'calledElement'
  | 'io'
  | 'extract'
  /** The step's budget of element activations ran out (a loop without a wait state?). */
  | 'budget';

export interface Incident {
  id: string;
  type: IncidentType;
  message: string;
  elementId: string;
  /**
   * The element instance it is about; for a wait of the process scope (a process-level event
   * subprocess's conditional start), the instance id.
   */
  elementInstanceId: string;
  /**
   * What resolving retries: entering the element, leaving it, re-handing out its job, or
   * re-evaluating the wait `waitKey` (a conditional event whose condition failed to evaluate).
   */
  retry: 'activate' | 'complete' | 'job' | 'wait';
  /** `wait` incidents: the subscription whose evaluation failed. */
  waitKey?: string;
  jobKey: string | null;
  createdAt: number;
  /**
   * Work the step still had queued when its budget ran out (`budget` incidents): resolving the
   * incident queues it again, after the element's own retry.
   */
  deferred?: Array<{ t: 'activate' | 'complete'; id: string }>;
}

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
  elementInstanceId: string;
  /** What resolving retries: entering the element, leaving it, or re-handing out its job. */
  retry: 'activate' | 'complete' | 'job';
  jobKey: string | null;
  createdAt: number;
  /**
   * Work the step still had queued when its budget ran out (`budget` incidents): resolving the
   * incident queues it again, after the element's own retry.
   */
  deferred?: Array<{ t: 'activate' | 'complete'; id: string }>;
}

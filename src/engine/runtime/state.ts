/** Version of {@link InstanceState}; bump with a migration in snapshot/ when the shape changes. */
export const STATE_SCHEMA_VERSION = 1;

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
  /** Tokens waiting at joining gateways, keyed `${scopeId}/${gatewayId}`. */
  joins: Record<string, JoinState>;
  jobs: Record<string, Job>;
  tasks: Record<string, UserTask>;
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
}

export interface Job {
  key: string;
  type: string;
  retries: number;
  elementId: string;
  elementInstanceId: string;
  processInstanceId: string;
  customHeaders: Record<string, string>;
  /** `failed` once retries reached 0 (an incident is open). */
  state: 'activatable' | 'failed';
  errorMessage: string | null;
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
  | 'extract';

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
}

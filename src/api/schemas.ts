import { z } from 'zod';

/*
 * Every request of the engine API, defined once: the runtime check at the boundary and (through
 * `z.input`) the request types the client offers. Objects are strict, so a misspelt field is an
 * error rather than silently ignored. Limits on the size and depth of variables are the host's
 * (`checkVariables`, src/host/limits.ts), checked after these.
 */

const id = z.string().min(1, 'must not be empty');
/** A JSON object (not an array, not null); its values are checked by the host. */
export const variables = z.record(z.string(), z.unknown(), { error: 'must be a JSON object' });
const millis = z.number().int().nonnegative();
const page = { page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(1000).default(50) };
const order = z.enum(['asc', 'desc']).default('asc');

export const deploymentsDeploy = z.strictObject({
  kind: z.enum(['bpmn', 'dmn', 'form']),
  /** File name shown to users, e.g. `order.bpmn`. */
  name: id,
  /** BPMN or DMN XML, or form-js JSON. */
  source: z.string().min(1, 'must not be empty'),
  note: z.string().max(10_000).optional(),
  /** Forms: the form id (default: the JSON's `id`). */
  formId: id.optional(),
  /**
   * BPMN: DMN files deployed together with it, in one deployment (all or nothing); a business
   * rule task with `bindingType="deployment"` evaluates these versions.
   */
  decisions: z.array(z.strictObject({ name: id, source: z.string().min(1, 'must not be empty') })).max(100).optional(),
});
export const deploymentsList = z.strictObject({ kind: z.enum(['bpmn', 'dmn', 'form']).optional() });
export const deploymentsVersions = z.strictObject({ kind: z.enum(['bpmn', 'dmn', 'form']), id });
export const deploymentsGet = z.strictObject({ deploymentId: id });

export const instanceStates = ['active', 'suspended', 'completed', 'canceled'] as const;
export const instancesList = z.strictObject({
  processId: id.optional(),
  version: z.number().int().min(1).optional(),
  /** `active` = running and not suspended; `suspended` = running but suspended. */
  state: z.enum(instanceStates).optional(),
  businessKey: z.string().optional(),
  /** Process-scope variable equal (as JSON) to `value`. */
  variable: z.strictObject({ name: id, value: z.unknown() }).optional(),
  startedFrom: millis.optional(),
  startedTo: millis.optional(),
  endedFrom: millis.optional(),
  endedTo: millis.optional(),
  hasIncident: z.boolean().optional(),
  sortBy: z.enum(['startedAt', 'endedAt', 'processId', 'businessKey', 'instanceId']).default('startedAt'),
  order,
  ...page,
});
export const instanceRef = z.strictObject({ instanceId: id });
export const instancesStart = z.strictObject({
  processId: id,
  version: z.number().int().min(1).optional(),
  variables: variables.optional(),
  businessKey: z.string().nullable().optional(),
  /** Start through the process's start form: the values are checked against its fields, then become the variables (not with `variables`). */
  formValues: variables.optional(),
});
/** A timer an instance waits for: `timerKey` as listed in the instance's `timers`. */
export const timersFire = z.strictObject({ instanceId: id, timerKey: id });
export const instancesSetVariables = z.strictObject({
  instanceId: id,
  variables,
  /** An element instance id: set there (and, unless `local`, where the variable already lives). */
  scopeId: id.optional(),
  local: z.boolean().optional(),
});

export const statsInstances = z.strictObject({ processId: id.optional() });
export const statsElements = z.strictObject({ processId: id, version: z.number().int().min(1).optional() });
/** Instances over time: `buckets` intervals between `from` and `to` (epoch ms; defaults: the data's span). */
export const statsTimeline = z.strictObject({
  processId: id,
  version: z.number().int().min(1).optional(),
  buckets: z.number().int().min(1).max(500).optional(),
  from: z.number().int().optional(),
  to: z.number().int().optional(),
});

export const tasksList = z.strictObject({
  /** `null`: unassigned tasks only. */
  assignee: z.string().nullable().optional(),
  candidateGroup: z.string().optional(),
  /** Any of these groups (a user's groups), e.g. "my groups' tasks". */
  candidateGroups: z.array(z.string()).optional(),
  candidateUser: z.string().optional(),
  processId: id.optional(),
  instanceId: id.optional(),
  /** ISO date-times compared as text (tasks without a due date are left out). */
  dueBefore: z.string().optional(),
  dueAfter: z.string().optional(),
  /** Follow-up dates (zeebe:taskSchedule followUpDate), ISO, compared like due dates. */
  followUpBefore: z.string().optional(),
  followUpAfter: z.string().optional(),
  minPriority: z.number().optional(),
  maxPriority: z.number().optional(),
  /** The task's category (its `zeebe:taskHeaders` `category` header); `null`: tasks without one. */
  category: z.string().nullable().optional(),
  sortBy: z.enum(['priority', 'createdAt', 'dueDate', 'followUpDate']).default('priority'),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...page,
});
export const taskRef = z.strictObject({ taskId: id });
export const tasksClaim = z.strictObject({ taskId: id, userId: id });
export const tasksAssign = z.strictObject({ taskId: id, assignee: id.nullable() });
export const tasksComplete = z.strictObject({ taskId: id, variables: variables.optional() });

export const jobsFetchAndLock = z.strictObject({
  topic: id,
  workerId: id,
  lockDurationMs: z.number().int().min(1),
  maxJobs: z.number().int().min(1).max(1000).optional(),
  fetchVariables: z.array(z.string()).optional(),
});
export const jobsComplete = z.strictObject({ jobKey: id, workerId: id, variables: variables.optional() });
export const jobsFail = z.strictObject({
  jobKey: id, workerId: id,
  retries: z.number().int().min(0).optional(),
  retryBackoffMs: millis.optional(),
  errorMessage: z.string().optional(),
});
export const jobsThrowError = z.strictObject({
  jobKey: id, workerId: id, errorCode: id,
  errorMessage: z.string().optional(),
  variables: variables.optional(),
});
export const jobsExtendLock = z.strictObject({ jobKey: id, workerId: id, lockDurationMs: z.number().int().min(1) });
export const jobsList = z.strictObject({ instanceId: id.optional(), type: id.optional() });

export const messagesPublish = z.strictObject({
  name: id,
  correlationKey: z.union([z.string(), z.number()]).optional(),
  variables: variables.optional(),
  timeToLiveMs: millis.optional(),
  messageId: z.string().nullable().optional(),
});
export const messagesCorrelate = z.strictObject({ name: id, correlationKey: z.union([z.string(), z.number()]).optional(), variables: variables.optional() });
export const signalsBroadcast = z.strictObject({ name: id, variables: variables.optional() });

export const incidentsList = z.strictObject({ instanceId: id.optional(), processId: id.optional(), ...page });
export const incidentsRetry = z.strictObject({ instanceId: id, incidentId: id, retries: z.number().int().min(1).optional() });

export const historyGet = z.strictObject({ instanceId: id, afterSeq: z.number().int().min(0).optional() });

export const decisionsEvaluate = z.strictObject({ decisionId: id, variables: variables.default({}) });

/** Rewind and fork: `atSeq` is the history event to restore the instance at. */
export const instancesFork = z.strictObject({ instanceId: id, atSeq: z.number().int().min(1), variables: variables.optional() });

/*
 * Engine data as `exportEngineSnapshot` / `MemoryStore.snapshot()` write it (an archive's
 * `data/instances.json`). Only the keys the stores index are checked here; instance states are
 * the engine's own JSON and are taken as they are.
 */
const keyed = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);
export const engineDataImport = z.strictObject({
  data: z.strictObject({
    instances: z.array(keyed({ instanceId: id, processId: id, processVersion: z.number().int().min(1), status: z.string() })),
    history: z.array(keyed({ instanceId: id, seq: z.number().int().min(0) })),
    commands: z.array(keyed({ instanceId: id, n: z.number().int().min(0) })),
    deployments: z.array(z.strictObject({
      id, kind: z.enum(['bpmn', 'dmn']), name: z.string(), xml: z.string().min(1, 'must not be empty'), deployedAt: millis,
      versions: z.record(z.string(), z.number().int().min(1)), note: z.string().optional(), deployedBy: z.string().optional(),
    })),
    startTimers: z.array(keyed({ key: id, processId: id })).default([]),
    bufferedMessages: z.array(keyed({ key: id, name: z.string() })).default([]),
    messageStartLocks: z.array(keyed({})).default([]),
  }),
});

/** `processes.scripts.*`: the script tasks of the latest (or the given) deployed version of a process. */
export const scriptsList = z.strictObject({ processId: id, version: z.number().int().min(1).optional() });
export const scriptsGet = z.strictObject({ processId: id, nodeId: id, version: z.number().int().min(1).optional() });
/** Changes one script task's body (and language, result variable): deploys the changed model as the next version. */
export const scriptsPut = z.strictObject({
  processId: id,
  nodeId: id,
  body: z.string(),
  language: z.enum(['javascript', 'feel']).optional(),
  resultVariable: z.string().optional(),
  note: z.string().max(10_000).optional(),
});

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

export type HistoryBody =
  | { type: 'instanceStarted'; processId: string; processVersion: number; businessKey: string | null }
  | { type: 'instanceCompleted' }
  | { type: 'instanceCanceled' }
  | { type: 'instanceSuspended' }
  | { type: 'instanceResumed' }
  | { type: 'elementEntered'; elementId: string; elementInstanceId: string }
  | { type: 'elementCompleted'; elementId: string; elementInstanceId: string }
  | { type: 'elementTerminated'; elementId: string; elementInstanceId: string }
  | { type: 'flowTaken'; flowId: string }
  /** `scopeId` null = process scope. `oldValue` is absent when the variable was created. */
  | { type: 'variableSet'; name: string; scopeId: string | null; oldValue?: unknown; newValue: unknown }
  | { type: 'taskCreated'; taskId: string; elementId: string; assignee: string | null }
  | { type: 'taskAssigned'; taskId: string; assignee: string | null }
  | { type: 'taskCompleted'; taskId: string; elementId: string }
  | { type: 'jobCreated'; jobKey: string; jobType: string; elementId: string; retries: number }
  | { type: 'jobCompleted'; jobKey: string; elementId: string }
  | { type: 'jobFailed'; jobKey: string; elementId: string; retries: number; errorMessage: string | null }
  | { type: 'errorThrown'; elementId: string; errorCode: string; caughtBy: string | null }
  | { type: 'incidentRaised'; incidentId: string; incidentType: string; elementId: string; message: string }
  | { type: 'incidentResolved'; incidentId: string; elementId: string };

export type HistoryType = HistoryEvent['type'];

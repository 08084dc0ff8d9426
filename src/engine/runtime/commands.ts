import type { Variables } from './state';

/** Commands a host (or user) sends to a running instance through `dispatch`. */
export type Command =
  | { type: 'completeJob'; jobKey: string; variables?: Variables }
  | { type: 'failJob'; jobKey: string; retries?: number; errorMessage?: string }
  | { type: 'throwError'; jobKey: string; errorCode: string; errorMessage?: string; variables?: Variables }
  | { type: 'completeUserTask'; taskId: string; variables?: Variables }
  | { type: 'assignUserTask'; taskId: string; assignee: string | null }
  | { type: 'cancel' }
  | { type: 'suspend' }
  | { type: 'resume' }
  /** `scopeId` is an element instance id (default: process scope); `local` sets there without propagation. */
  | { type: 'setVariables'; variables: Variables; scopeId?: string; local?: boolean }
  /** `retries` applies to job incidents (default 1). */
  | { type: 'resolveIncident'; incidentId: string; retries?: number }
  /** The child instance started for a call activity completed with these variables. */
  | { type: 'childCompleted'; elementInstanceId: string; variables: Variables }
  /** The child instance ended with a BPMN error it did not catch: thrown from the call activity. */
  | { type: 'childError'; elementInstanceId: string; errorCode: string; errorMessage?: string | null; variables?: Variables }
  /**
   * The child instance was canceled, or could not start: the call activity gets an incident.
   * `reason` says why when the host knows (e.g. `process shipping is not deployed`).
   */
  | { type: 'childCanceled'; elementInstanceId: string; reason?: string };

/** Thrown by `dispatch` when a command cannot apply to the state (unknown job, suspended...). The state is unchanged. */
export class CommandRejectedError extends Error {
  readonly reason: 'notFound' | 'suspended' | 'notActive' | 'invalid';
  constructor(reason: CommandRejectedError['reason'], message: string) {
    super(message);
    this.name = 'CommandRejectedError';
    this.reason = reason;
  }
}

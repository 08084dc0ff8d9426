import type { ContinueAsyncCommand } from './async';
import type { Variables } from './state';

/** Commands every instance understands, whatever its elements: handled by the kernel (`dispatch.ts`). */
export type KernelCommand =
  | { type: 'cancel' }
  | { type: 'suspend' }
  | { type: 'resume' }
  /** `scopeId` is an element instance id (default: process scope); `local` sets there without propagation. */
  | { type: 'setVariables'; variables: Variables; scopeId?: string; local?: boolean }
  /** `retries` applies to job incidents (default 1). */
  | { type: 'resolveIncident'; incidentId: string; retries?: number }
  /** The host's scheduler: an asynchronous continuation is due. */
  | ContinueAsyncCommand;

/**
 * Thrown by `dispatch` when a command cannot apply to the state (unknown job, suspended...). The
 * state is unchanged. `conflict`: the command's author no longer holds what it acts on (a job
 * worker whose lock expired or was never taken).
 */
export class CommandRejectedError extends Error {
  readonly reason: 'notFound' | 'suspended' | 'notActive' | 'invalid' | 'conflict';
  constructor(reason: CommandRejectedError['reason'], message: string) {
    super(message);
    this.name = 'CommandRejectedError';
    this.reason = reason;
  }
}

import type { Job, Variables } from '../../engine';

/** What {@link HostJobs.fetchAndLock} takes (the external task pattern's fetch-and-lock request). */
export interface FetchAndLockRequest {
  /** The job type (`zeebe:taskDefinition type`), Camunda 7's "topic". */
  topic: string;
  /** Who locks the jobs; it must name itself again to complete, fail, throw or extend. */
  workerId: string;
  /** How long each lock lasts: after it, the job is available again (no retry used). */
  lockDurationMs: number;
  /** At most this many jobs (1..{@link MAX_JOBS_PER_FETCH}). Default 1. */
  maxJobs?: number;
  /** Only these variables (those that exist); default every variable visible at the job's element. */
  fetchVariables?: string[];
}

/** A job locked by a worker, with the variables it asked for (a plain JSON copy). */
export interface LockedJob extends Job {
  state: 'activated';
  worker: string;
  lockExpiresAt: number;
  processId: string;
  processVersion: number;
  businessKey: string | null;
  variables: Variables;
}

/** What {@link HostJobs.fail} takes. */
export interface FailJobOptions {
  /** Retries left (default: one less than now); 0 opens an incident. */
  retries?: number;
  /** With retries left, the job is handed out again only after this many milliseconds. Default 0. */
  retryBackoffMs?: number;
  /** Longer messages are cut at {@link MAX_ERROR_MESSAGE_CHARS} characters (marked), not refused: a failure report must not be lost. */
  errorMessage?: string;
}

/** What {@link HostJobs.throwError} takes besides the error code. */
export interface ThrowJobErrorOptions {
  message?: string;
  /** Set where the catching event is (Zeebe: the error's variables). */
  variables?: Variables;
}

/** Largest `maxJobs` of one fetch. */
export const MAX_JOBS_PER_FETCH = 1000;
/** Longest job error message kept. */
export const MAX_ERROR_MESSAGE_CHARS = 10_000;

import { HostError } from '../transaction';
import { MAX_ERROR_MESSAGE_CHARS, MAX_JOBS_PER_FETCH, type FailJobOptions, type FetchAndLockRequest } from './types';

/*
 * Input checks of the job executor's API: workers are outside code (another process, the UI), so
 * every field is checked before anything runs and refused with a HostError naming it.
 */

/** The request with its defaults, or a HostError (`invalid`) naming the bad field. */
export function checkFetch(request: FetchAndLockRequest): Required<Omit<FetchAndLockRequest, 'fetchVariables'>> & Pick<FetchAndLockRequest, 'fetchVariables'> {
  if (request === null || typeof request !== 'object') throw new HostError('invalid', 'fetchAndLock needs a request object');
  checkName(request.topic, 'topic of fetchAndLock');
  checkName(request.workerId, 'workerId of fetchAndLock');
  checkDuration(request.lockDurationMs, 'lockDurationMs of fetchAndLock');
  const maxJobs = request.maxJobs ?? 1;
  if (!Number.isInteger(maxJobs) || maxJobs < 1 || maxJobs > MAX_JOBS_PER_FETCH) {
    throw new HostError('invalid', `maxJobs of fetchAndLock must be a whole number from 1 to ${MAX_JOBS_PER_FETCH}, not ${JSON.stringify(request.maxJobs)}`);
  }
  const names = request.fetchVariables;
  if (names !== undefined) {
    if (!Array.isArray(names) || names.some((n) => typeof n !== 'string')) throw new HostError('invalid', 'fetchVariables of fetchAndLock must be a list of variable names');
    if (names.length > 10_000) throw new HostError('invalid', `fetchVariables of fetchAndLock lists ${names.length} names (at most 10000)`);
  }
  return { topic: request.topic, workerId: request.workerId, lockDurationMs: request.lockDurationMs, maxJobs, fetchVariables: names };
}

/** A job key or worker id: a non-empty string of reasonable length. */
export function checkName(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string' || value === '') throw new HostError('invalid', `${what} must be a non-empty string, not ${JSON.stringify(value) ?? String(value)}`);
  if (value.length > 1000) throw new HostError('invalid', `${what} is longer than 1000 characters`);
}

/** A lock duration: whole milliseconds above 0 (at most ~24.8 days, what a real timer can arm). */
export function checkDuration(value: unknown, what: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value > 0x7fffffff) {
    throw new HostError('invalid', `${what} must be whole milliseconds from 1 to ${0x7fffffff}, not ${JSON.stringify(value) ?? String(value)}`);
  }
}

/** The failure's fields checked, its message cut to {@link MAX_ERROR_MESSAGE_CHARS}. */
export function checkFailure(options: FailJobOptions): FailJobOptions {
  if (options === null || typeof options !== 'object') throw new HostError('invalid', 'fail needs an options object');
  const { retries, retryBackoffMs, errorMessage } = options;
  if (retries !== undefined && (!Number.isInteger(retries) || retries < 0)) throw new HostError('invalid', `retries of fail must be a whole number >= 0, not ${JSON.stringify(retries)}`);
  if (retryBackoffMs !== undefined && (typeof retryBackoffMs !== 'number' || !Number.isInteger(retryBackoffMs) || retryBackoffMs < 0)) {
    throw new HostError('invalid', `retryBackoffMs of fail must be whole milliseconds >= 0, not ${JSON.stringify(retryBackoffMs)}`);
  }
  if (errorMessage !== undefined && typeof errorMessage !== 'string') throw new HostError('invalid', `errorMessage of fail must be a string, not ${typeof errorMessage}`);
  const cut = errorMessage !== undefined && errorMessage.length > MAX_ERROR_MESSAGE_CHARS
    ? `${errorMessage.slice(0, MAX_ERROR_MESSAGE_CHARS)}... (cut at ${MAX_ERROR_MESSAGE_CHARS} of ${errorMessage.length} characters)`
    : errorMessage;
  return { retries, retryBackoffMs, errorMessage: cut };
}

import type { ApiData, ApiFailure, ApiMethod, ApiRequest, ApiResult } from '../../../api';
import type { Job } from '../../../engine';
import { callEngine } from '../../run/engine';

export type HandAction = 'complete' | 'fail' | 'throwError';
export type HandWork =
  | { action: 'complete'; variables: Record<string, unknown> }
  | { action: 'fail'; message: string }
  | { action: 'throwError'; errorCode: string; message: string; variables: Record<string, unknown> };

type Call = <M extends ApiMethod>(method: M, request: ApiRequest<M>) => Promise<ApiResult<ApiData<M>>>;

/** The worker id the studio locks jobs under, so the history shows who worked them. */
export const HAND_WORKER = 'studio (by hand)';
/** Long enough for the next call; other jobs of the type locked along come free again this soon. */
const LOCK_MS = 2000;

/**
 * Works an external job by hand as a worker would: fetch-and-lock its type, then complete, fail
 * (one retry less) or throw a BPMN error. The API locks by type, not by key, so other open jobs
 * of the type may be locked along for {@link LOCK_MS}; if this job is not among those handed out
 * (another worker holds it, or it waits out a backoff) nothing is done and the reason is given.
 *
 * @example
 * const r = await workJobByHand(job, { action: 'complete', variables: { paid: true } });
 */
export async function workJobByHand(job: Pick<Job, 'key' | 'type' | 'retries'>, work: HandWork, call: Call = callEngine): Promise<ApiResult<unknown>> {
  const locked = await call('jobs.fetchAndLock', { topic: job.type, workerId: HAND_WORKER, lockDurationMs: LOCK_MS, maxJobs: 1000, fetchVariables: [] });
  if ('error' in locked) return locked;
  if (!locked.data.some((j) => j.key === job.key)) {
    return { error: 'illegalState', message: `job ${job.key} (${job.type}) is not available to lock now: another worker holds it or it waits for a retry` } satisfies ApiFailure;
  }
  const base = { jobKey: job.key, workerId: HAND_WORKER };
  if (work.action === 'complete') return call('jobs.complete', { ...base, variables: work.variables });
  if (work.action === 'fail') return call('jobs.fail', { ...base, retries: Math.max(0, job.retries - 1), ...(work.message ? { errorMessage: work.message } : {}) });
  return call('jobs.throwError', { ...base, errorCode: work.errorCode, ...(work.message ? { errorMessage: work.message } : {}), variables: work.variables });
}

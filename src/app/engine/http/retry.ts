/** How the HTTP engine client retries transient failures. */
export interface RetryPolicy {
  /** Tries in all, the first included (>= 1). */
  attempts: number;
  /** The first wait; each next one doubles, with jitter (0.5x..1x). */
  baseDelayMs: number;
  /** No wait is longer, `Retry-After` included. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 250, maxDelayMs: 8_000 };

/**
 * Calls that only read: retrying them after a lost answer cannot do anything twice. A write whose
 * answer was lost (network, 502, 504) may have committed, so it is not repeated blindly.
 */
export function isReadOnly(method: string): boolean {
  return READ_ONLY.has(method);
}

const READ_ONLY = new Set([
  'deployments.list', 'deployments.get', 'deployments.versions', 'instances.list', 'instances.get', 'history.get',
  'incidents.list', 'stats.instances', 'stats.elements', 'jobs.list', 'tasks.list', 'tasks.get',
]);

/**
 * Whether to try again after `status` (0: no answer at all). 429 and 503 mean the server did not
 * run the call (rate limited, starting or shutting down), so every call retries them; a lost
 * answer (network, 502, 504) retries only read-only calls.
 */
export function isRetryable(status: number, readOnly: boolean): boolean {
  if (status === 429 || status === 503) return true;
  if (status === 0 || status === 502 || status === 504) return readOnly;
  return false;
}

/**
 * The wait before try `attempt + 1` (attempt counts from 1): exponential with jitter, or the
 * server's `Retry-After` (seconds or an HTTP date) when it gave one; never above `maxDelayMs`.
 */
export function retryDelay(policy: RetryPolicy, attempt: number, retryAfter: string | null, now = Date.now(), random = Math.random): number {
  const fromHeader = parseRetryAfter(retryAfter, now);
  if (fromHeader !== undefined) return Math.min(policy.maxDelayMs, fromHeader);
  const exp = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(policy.maxDelayMs, Math.round(exp * (0.5 + random() / 2)));
}

function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

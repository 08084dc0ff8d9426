import { jobAvailableFrom } from '../engine';
import type { InstanceState, Job } from '../engine';

/**
 * The MemoryStore's job index: the open jobs of active, unsuspended instances by job type, read
 * from the committed states, so `fetchAndLock` never scans instances. Per type two sorted lists:
 * jobs available at once in hand-out order, and locked or backing-off jobs by the time they become
 * available; a lookup reads the head of each, so its cost does not grow with the queue. A store
 * with real indexes (Dexie) keeps the same rows: type, availability (`jobAvailableFrom`), priority,
 * creation time.
 */
export class MemoryJobIndex {
  private readonly byType = new Map<string, { ready: Job[]; timed: Job[] }>();
  /** Where each indexed job sits, with the object it was sorted by. */
  private readonly entries = new Map<string, { job: Job; timed: boolean }>();

  /** Replaces what `previous` (the state before a commit, if any) indexed by what `state` holds. */
  reindex(previous: InstanceState | undefined, state: InstanceState): void {
    if (previous) for (const key in previous.jobs) this.remove(key);
    if (state.status !== 'active' || state.suspended) return;
    for (const key in state.jobs) {
      const job = state.jobs[key];
      const from = jobAvailableFrom(job);
      if (from === null) continue;
      const lists = this.lists(job.type);
      const timed = from !== Number.NEGATIVE_INFINITY;
      if (timed) insert(lists.timed, job, byAvailability);
      else insert(lists.ready, job, byHandOutOrder);
      this.entries.set(key, { job, timed });
    }
  }

  /** Jobs of `type` available at `now`: highest priority first, then oldest, then by key; at most `limit`. */
  available(type: string, now: number, limit: number): Job[] {
    const lists = this.byType.get(type);
    if (!lists || limit <= 0) return [];
    const out = lists.ready.slice(0, limit);
    // Locks and backoffs that ended (the scheduler has not fired them yet, or this lookup is early).
    for (const job of lists.timed) {
      if ((jobAvailableFrom(job) as number) > now) break;
      out.push(job);
    }
    return out.length > limit || out.length > lists.ready.length ? out.sort(byHandOutOrder).slice(0, limit) : out;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    const lists = this.lists(entry.job.type);
    if (entry.timed) removeFrom(lists.timed, entry.job, byAvailability);
    else removeFrom(lists.ready, entry.job, byHandOutOrder);
  }

  private lists(type: string): { ready: Job[]; timed: Job[] } {
    let lists = this.byType.get(type);
    if (!lists) this.byType.set(type, (lists = { ready: [], timed: [] }));
    return lists;
  }
}

/** The hand-out order of `fetchAndLock`: higher priority, then older, then key. */
export function byHandOutOrder(a: Job, b: Job): number {
  return b.priority - a.priority || a.createdAt - b.createdAt || byKey(a, b);
}

function byAvailability(a: Job, b: Job): number {
  return (jobAvailableFrom(a) as number) - (jobAvailableFrom(b) as number) || byKey(a, b);
}

function byKey(a: Job, b: Job): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** First index whose job does not sort before `job`. */
function lowerBound(list: Job[], job: Job, order: (a: Job, b: Job) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(list[mid], job) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insert(list: Job[], job: Job, order: (a: Job, b: Job) => number): void {
  list.splice(lowerBound(list, job, order), 0, job);
}

function removeFrom(list: Job[], job: Job, order: (a: Job, b: Job) => number): void {
  const i = lowerBound(list, job, order);
  if (list[i]?.key === job.key) list.splice(i, 1);
}

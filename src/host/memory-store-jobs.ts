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
  private readonly byType = new Map<string, Lists>();
  /** The indexed object of each job by key; list entries that are not it are stale. */
  private readonly entries = new Map<string, Job>();

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
      const list = timed ? lists.timed : lists.ready;
      insert(list, job, timed ? byAvailability : byHandOutOrder);
      this.entries.set(key, job);
      list.live++;
    }
  }

  /** Jobs of `type` available at `now`: highest priority first, then oldest, then by key; at most `limit`. */
  available(type: string, now: number, limit: number): Job[] {
    const lists = this.byType.get(type);
    if (!lists || limit <= 0) return [];
    this.skipStale(lists.ready);
    this.skipStale(lists.timed);
    const out: Job[] = [];
    for (let i = lists.ready.head; i < lists.ready.jobs.length && out.length < limit; i++) {
      if (this.isLive(lists.ready.jobs[i])) out.push(lists.ready.jobs[i]);
    }
    const ready = out.length;
    // Locks and backoffs that ended (the scheduler has not fired them yet, or this lookup is early).
    for (let i = lists.timed.head; i < lists.timed.jobs.length; i++) {
      const job = lists.timed.jobs[i];
      if ((jobAvailableFrom(job) as number) > now) break;
      if (this.isLive(job)) out.push(job);
    }
    return out.length > ready ? out.sort(byHandOutOrder).slice(0, limit) : out;
  }

  /** Moves the list's head past stale entries (the jobs taken from the front), dropping them once they are half of it. */
  private skipStale(list: SortedJobs): void {
    while (list.head < list.jobs.length && !this.isLive(list.jobs[list.head])) list.head++;
    if (list.head > 64 && list.head * 2 > list.jobs.length) {
      list.jobs = list.jobs.slice(list.head);
      list.head = 0;
    }
  }

  private isLive(job: Job): boolean {
    return this.entries.get(job.key) === job;
  }

  // Removal leaves the list entry in place (stale): taking the oldest jobs out of the front of a long
  // list one by one would otherwise move the whole list each time. A list is compacted when it is
  // mostly stale.
  private remove(key: string): void {
    const job = this.entries.get(key);
    if (!job) return;
    this.entries.delete(key);
    const lists = this.lists(job.type);
    const list = jobAvailableFrom(job) === Number.NEGATIVE_INFINITY ? lists.ready : lists.timed;
    list.live--;
    if (list.jobs.length > 64 && list.jobs.length > 4 * list.live) {
      list.jobs = list.jobs.filter((j) => this.isLive(j));
      list.head = 0;
    }
  }

  private lists(type: string): Lists {
    let lists = this.byType.get(type);
    if (!lists) this.byType.set(type, (lists = { ready: { jobs: [], head: 0, live: 0 }, timed: { jobs: [], head: 0, live: 0 } }));
    return lists;
  }
}

/** Per job type: available jobs in hand-out order, and locked or backing-off jobs by when they become available. */
interface Lists {
  ready: SortedJobs;
  timed: SortedJobs;
}

/** Jobs in one order, with stale entries; those before `head` are all stale; `live` counts the others. */
interface SortedJobs {
  jobs: Job[];
  head: number;
  live: number;
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

/** Inserts `job` in order after the list's head (a job sorting before it goes right at the head). */
function insert(list: SortedJobs, job: Job, order: (a: Job, b: Job) => number): void {
  let lo = list.head;
  let hi = list.jobs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(list.jobs[mid], job) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (lo === list.head && lo > 0) list.jobs[--list.head] = job; // reuse a stale slot before the head
  else list.jobs.splice(lo, 0, job);
}

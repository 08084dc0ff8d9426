import { jobAvailableFrom } from '../engine';
import type { InstanceState, Job } from '../engine';

/**
 * The MemoryStore's job index: the open jobs of active, unsuspended instances by job type, read
 * from the committed states, so `fetchAndLock` never scans instances. A store with real indexes
 * (Dexie) keeps the same rows: type, availability (`jobAvailableFrom`), priority, creation time.
 */
export class MemoryJobIndex {
  private readonly byType = new Map<string, Map<string, Job>>();

  /** Replaces what `previous` (the state before a commit, if any) indexed by what `state` holds. */
  reindex(previous: InstanceState | undefined, state: InstanceState): void {
    if (previous) for (const key in previous.jobs) this.byType.get(previous.jobs[key].type)?.delete(key);
    if (state.status !== 'active' || state.suspended) return;
    for (const key in state.jobs) {
      const job = state.jobs[key];
      if (job.state === 'failed') continue;
      let jobs = this.byType.get(job.type);
      if (!jobs) this.byType.set(job.type, (jobs = new Map()));
      jobs.set(key, job);
    }
  }

  /** Jobs of `type` available at `now`: highest priority first, then oldest, then by key; at most `limit`. */
  available(type: string, now: number, limit: number): Job[] {
    const out: Job[] = [];
    for (const job of this.byType.get(type)?.values() ?? []) {
      const from = jobAvailableFrom(job);
      if (from !== null && from <= now) out.push(job);
    }
    out.sort(byHandOutOrder);
    return out.slice(0, Math.max(0, limit));
  }
}

/** The hand-out order of `fetchAndLock`: higher priority, then older, then key. */
export function byHandOutOrder(a: Job, b: Job): number {
  return b.priority - a.priority || a.createdAt - b.createdAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

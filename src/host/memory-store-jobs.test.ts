import { describe, expect, it } from 'vitest';
import { jobAvailableFrom, type InstanceState, type Job } from '../engine';
import { SeededRandom } from './clocks';
import { byHandOutOrder, MemoryJobIndex } from './memory-store-jobs';
import { instance, job } from './test-support/store-contract';

/** What the index must answer, by brute force over the live states. */
function reference(states: Map<string, InstanceState>, type: string, now: number, limit: number): string[] {
  const all: Job[] = [];
  for (const s of states.values()) {
    if (s.status !== 'active' || s.suspended) continue;
    for (const j of Object.values(s.jobs)) {
      const from = jobAvailableFrom(j);
      if (j.type === type && from !== null && from <= now) all.push(j);
    }
  }
  return all.sort(byHandOutOrder).slice(0, limit).map((j) => j.key);
}

describe('MemoryJobIndex', () => {
  it('given 4,000 random commits (new jobs, locks, backoffs, completions, suspensions, ends), then every lookup answers what a full scan answers', () => {
    const random = new SeededRandom(42);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random.next() * xs.length)];
    const index = new MemoryJobIndex();
    const states = new Map<string, InstanceState>();
    let next = 0;
    for (let round = 0; round < 4_000; round++) {
      const id = `i${Math.floor(random.next() * 150)}`;
      const previous = states.get(id);
      const jobs: Record<string, Job> = {};
      // Keep, change or drop each job the instance had; sometimes add one.
      for (const j of Object.values(previous?.jobs ?? {})) {
        const r = random.next();
        if (r < 0.25) continue;
        if (r < 0.45) jobs[j.key] = { ...j, state: 'activated', worker: 'w', lockExpiresAt: Math.floor(random.next() * 2000) };
        else if (r < 0.6) jobs[j.key] = { ...j, state: 'backoff', worker: null, lockExpiresAt: null, retryAt: Math.floor(random.next() * 2000) };
        else if (r < 0.7) jobs[j.key] = { ...j, state: pick(['activatable', 'failed'] as const), worker: null, lockExpiresAt: null, retryAt: null };
        else jobs[j.key] = { ...j };
      }
      if (random.next() < 0.6) {
        const key = `j${next++}`;
        jobs[key] = job(id, key, { type: pick(['a', 'b']), priority: pick([0, 0, 1, 5]), createdAt: Math.floor(random.next() * 1000) });
      }
      const state: InstanceState = {
        ...instance(id), jobs,
        status: random.next() < 0.03 ? 'completed' : 'active',
        suspended: random.next() < 0.05,
      };
      index.reindex(previous, state);
      states.set(id, state);
      const now = Math.floor(random.next() * 2000);
      const type = pick(['a', 'b']);
      const limit = pick([1, 3, 10, 1000]);
      expect(index.available(type, now, limit).map((j) => j.key), `round ${round}: ${type} at ${now}, limit ${limit}`).toEqual(reference(states, type, now, limit));
    }
  });
});

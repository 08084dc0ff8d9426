import type { IdGenerator } from '../ports';

/**
 * Deterministic ids `${prefix}${kind}-${n}`, one counter per kind. For tests, simulation and replay.
 *
 * @example
 * const ids = createSequentialIds(); ids.next('job'); // 'job-1'
 */
export function createSequentialIds(prefix = ''): IdGenerator {
  const counters = new Map<string, number>();
  return {
    next(kind) {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      return `${prefix}${kind}-${n}`;
    },
  };
}

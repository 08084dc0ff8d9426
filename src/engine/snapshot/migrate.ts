import { seedFrom } from '../runtime/random';
import type { InstanceState } from '../runtime/state';
import { STATE_SCHEMA_VERSION } from '../runtime/state';

type Upgrade = (state: Record<string, unknown>) => void;

/**
 * One upgrade per schema version, from the version before it, applied in order. Each is
 * idempotent and keeps what it does not know. Never edit an upgrade once shipped: add one.
 */
const UPGRADES: Record<number, Upgrade> = {
  // v2: per-instance id counters and random state, a command count, timers and subscriptions.
  2(s) {
    s.counters ??= {};
    s.rng ??= seedFrom(String(s.instanceId));
    // v1 kept no command log: the count starts here (a replay needs a log from the start).
    s.commands ??= 0;
    s.timers ??= {};
    s.subscriptions ??= {};
    // `continuations` and `parallelTriggers`, and the wait fields `def`, `holds` and `incidentId`,
    // are optional: absent means none, so v2 states written before them resume as they are.
    s.callDepth ??= 0;
    s.liveElements ??= Object.keys((s.elements ?? {}) as object).length;
    for (const job of Object.values((s.jobs ?? {}) as Record<string, Record<string, unknown>>)) {
      job.worker ??= null;
      job.lockExpiresAt ??= null;
      job.retryAt ??= null;
      job.priority ??= 0;
    }
  },
};

/**
 * Brings a stored instance state up to the current schema (golden snapshots of each older version
 * live in `golden/` and must keep resuming).
 *
 * @example
 * const state = migrateState(JSON.parse(stored));
 * @throws Error for states newer than this engine or without a schema version.
 */
export function migrateState(stored: unknown): InstanceState {
  const state = stored as Record<string, unknown> | null;
  if (!state || typeof state !== 'object' || typeof state.schemaVersion !== 'number') {
    throw new Error('not an instance state: schemaVersion is missing');
  }
  if (state.schemaVersion > STATE_SCHEMA_VERSION) {
    throw new Error(`instance state schema ${state.schemaVersion} is newer than this engine (${STATE_SCHEMA_VERSION})`);
  }
  for (let v = state.schemaVersion + 1; v <= STATE_SCHEMA_VERSION; v++) {
    UPGRADES[v](state);
    state.schemaVersion = v;
  }
  return state as unknown as InstanceState;
}

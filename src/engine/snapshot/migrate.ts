import type { InstanceState } from '../runtime/state';
import { STATE_SCHEMA_VERSION } from '../runtime/state';

/**
 * Brings a stored instance state up to the current schema. Each future version adds one
 * upgrade step here (and a golden snapshot of the old version beside the spec).
 *
 * @example
 * const state = migrateState(JSON.parse(stored));
 * @throws Error for states newer than this engine or without a schema version.
 */
export function migrateState(stored: unknown): InstanceState {
  const state = stored as Partial<InstanceState> | null;
  if (!state || typeof state !== 'object' || typeof state.schemaVersion !== 'number') {
    throw new Error('not an instance state: schemaVersion is missing');
  }
  if (state.schemaVersion > STATE_SCHEMA_VERSION) {
    throw new Error(`instance state schema ${state.schemaVersion} is newer than this engine (${STATE_SCHEMA_VERSION})`);
  }
  return state as InstanceState;
}

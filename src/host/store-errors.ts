import type { CommandRecord, InstanceState } from '../engine';

/**
 * A commit was based on an instance revision that is no longer the stored one: another writer (a
 * second tab's engine, a stale worker after a restart) committed that instance in between. Nothing
 * of the commit was written. Plain fields, so it survives a worker boundary as `{code, message, details}`.
 *
 * An instance's revision is the number of commands applied to it (`InstanceState.commands`): the
 * engine's own state carries it, and a commit states the revision it started from through its
 * command records (the first record's `n` - 1).
 *
 * @example
 * try { await store.commit(changes) }
 * catch (e) { if (e instanceof StoreConflictError) reloadAndRetry(e.instanceId) }
 */
export class StoreConflictError extends Error {
  readonly code = 'conflict' as const;
  constructor(
    readonly instanceId: string,
    /** The revision the writer started from. */
    readonly expectedRevision: number,
    /** The revision stored now (0: the instance does not exist). */
    readonly actualRevision: number,
  ) {
    super(actualRevision === 0 && expectedRevision > 0
      ? `instance ${instanceId} is not stored (this commit was based on its revision ${expectedRevision}); nothing was written`
      : `instance ${instanceId} was changed by another writer (stored revision ${actualRevision}, this commit was based on ${expectedRevision}); nothing was written`);
    this.name = 'StoreConflictError';
  }

  get details(): { instanceId: string; expectedRevision: number; actualRevision: number } {
    return { instanceId: this.instanceId, expectedRevision: this.expectedRevision, actualRevision: this.actualRevision };
  }
}

/**
 * The revision each instance of a commit must have in the store for the commit to apply: the
 * first command record's `n` - 1 (a start, n = 1, expects no stored instance). Instances without a
 * command record in the commit are not checked (a store restoring a snapshot, tests).
 */
export function expectedRevisions(instances: readonly InstanceState[], commands: readonly CommandRecord[] | undefined): Map<string, number> {
  // The usual commit: one instance, one command.
  if (instances.length === 1 && commands?.length === 1 && commands[0].instanceId === instances[0].instanceId) {
    return new Map([[instances[0].instanceId, commands[0].n - 1]]);
  }
  const first = new Map<string, number>();
  for (const c of commands ?? []) {
    const seen = first.get(c.instanceId);
    if (seen === undefined || c.n < seen) first.set(c.instanceId, c.n);
  }
  const out = new Map<string, number>();
  for (const s of instances) {
    const n = first.get(s.instanceId);
    if (n !== undefined) out.set(s.instanceId, n - 1);
  }
  return out;
}

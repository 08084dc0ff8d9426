import type { CommandRecord } from '../engine';

/**
 * The store-wide order of command records (`CommandRecord.order`, ADR 0250): every store numbers
 * the records of a commit from one counter, in the order the commit holds them (the order the
 * host applied the steps, across instances), so the logs of an instance tree have a common
 * order that a shared millisecond cannot blur. A restore (imported data) keeps the numbers its
 * records have, or their absence, and only moves the counter past them.
 *
 * @example
 * const { records, last } = numberCommands(changes.commands ?? [], this.lastOrder);
 * this.lastOrder = last; // store `records`, not the caller's objects (a failed commit may be retried)
 */
export function numberCommands(records: readonly CommandRecord[], last: number): { records: CommandRecord[]; last: number } {
  const out = new Array<CommandRecord>(records.length);
  for (let i = 0; i < records.length; i++) out[i] = { ...records[i], order: last + i + 1 };
  return { records: out, last: last + records.length };
}

/** The counter after a restore of `records` (which keep their numbers): past the highest of them. */
export function orderAfterRestore(records: readonly CommandRecord[], last: number): number {
  let max = last;
  for (const r of records) if (typeof r.order === 'number' && r.order > max) max = r.order;
  return max;
}

/** A named counter table, as a store keeps it (the Dexie store's `counters`). */
export interface CounterTable {
  get(name: string): PromiseLike<{ value: number } | undefined>;
  put(row: { name: string; value: number }): PromiseLike<unknown>;
}

/** Per write transaction: the counter after the last commit numbered in it (the chain the next one waits on). */
const chains = new WeakMap<object, Promise<number>>();

/**
 * A commit's records numbered from the counter `commands` of `counters` (inside the caller's
 * write transaction); a restore's records keep theirs and the counter moves past them.
 * `transaction` (the store's current write transaction) chains the commits that share it: each
 * numbers after the one called before it, even when their requests interleave (a group commit
 * that does not wait for one commit's writes before the next), so none reads the counter stale.
 */
export function orderCommands(counters: CounterTable, records: readonly CommandRecord[], restore: boolean, transaction?: object | null): Promise<readonly CommandRecord[]> {
  const earlier = transaction ? chains.get(transaction) : undefined;
  let out: readonly CommandRecord[] = records;
  const last = (earlier ?? Promise.resolve(counters.get('commands')).then((row) => row?.value ?? 0)).then(async (before) => {
    let after: number;
    if (restore) after = orderAfterRestore(records, before);
    else ({ records: out, last: after } = numberCommands(records, before));
    if (after !== before) await counters.put({ name: 'commands', value: after });
    return after;
  });
  if (transaction) chains.set(transaction, last);
  return last.then(() => out);
}

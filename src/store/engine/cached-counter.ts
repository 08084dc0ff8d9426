import { Dexie } from 'dexie';
import type { FlowdeckDb } from '../db';

/** The counters a commit numbers from: new instances' order, and command records' store-wide order (ADR 0250). */
export type CounterName = 'instances' | 'commands';

/** The two counters of one commit transaction. */
export interface CommitCounters {
  instances: CachedCounter;
  commands: CachedCounter;
}

/** Counters read inside the transaction (nothing known in memory), written with each commit. */
export function freshCounters(): CommitCounters {
  return { instances: new CachedCounter('instances', undefined), commands: new CachedCounter('commands', undefined) };
}

/**
 * A `counters` row (the order number of each new instance, or of each command record) as one
 * commit transaction sees it. The DexieStore keeps the last value it committed in memory, so a
 * commit does not wait for a read of the counter before writing; instead the transaction reads it
 * without waiting and aborts if someone else moved it (an imported snapshot, a stale second
 * engine): `moved` tells the store to forget its value and write the batch again, reading the
 * counter first.
 *
 * @example
 * const order = new CachedCounter('instances', cached); // undefined: read it in the transaction
 * await db.transaction('rw', tables, () => applyCommit(db, changes, actor, { instances: order, commands }));
 * cached = order.value;
 */
export class CachedCounter {
  /** The counter stored elsewhere was not the value this transaction started from. */
  moved = false;
  private checked = false;
  private dirty = false;

  constructor(
    readonly name: CounterName,
    /** The counter's value, as far as known (undefined: read it in the transaction, awaited). */
    public value: number | undefined,
    /** Write the counter once, by {@link flush}, instead of with every commit (a group commit). */
    private readonly deferred = false,
    /** Nobody else writes the counter (the store is the engine's sole writer, ADR 0244): no check. */
    private readonly trusted = false,
  ) {}

  get known(): boolean {
    return this.value !== undefined;
  }

  /** The value read inside this transaction (nothing to check). */
  adopt(stored: number): void {
    this.value = stored;
    this.checked = true;
  }

  /**
   * Takes `count` numbers: returns the first and queues in `writes` the counter's put, preceded
   * (once per transaction, when the value was not read in it) by the check that the stored counter
   * is the one this started from. Inside the caller's transaction, which the check aborts.
   */
  take(db: FlowdeckDb, count: number, writes: Promise<unknown>[]): number {
    if (this.value === undefined) throw new Error(`the ${this.name} counter was not read before taking numbers from it`);
    const first = this.value + 1;
    if (count === 0) return first;
    this.moveTo(this.value + count, db, writes);
    return first;
  }

  /** Moves the counter forward to `value` (a restore's records keep their numbers); the same check and write as {@link take}. */
  moveTo(value: number, db: FlowdeckDb, writes: Promise<unknown>[]): void {
    if (this.value === undefined) throw new Error(`the ${this.name} counter was not read before moving it`);
    if (value <= this.value) return;
    if (!this.checked && !this.trusted) {
      this.checked = true;
      const expected = this.value;
      const tx = Dexie.currentTransaction;
      writes.push(db.counters.get(this.name).then((row) => {
        const stored = row?.value ?? 0;
        if (stored === expected) return;
        this.moved = true;
        try { tx?.abort(); } catch { /* already aborting */ }
        throw new Error(`the ${this.name} counter is ${stored} in the database, not ${expected} as this engine last wrote it; the commit is written again`);
      }));
    }
    this.value = value;
    if (this.deferred) this.dirty = true;
    else writes.push(db.counters.put({ name: this.name, value: this.value }));
  }

  /** The one write of a deferred counter, once every commit of the transaction has taken its numbers. */
  flush(db: FlowdeckDb): Promise<unknown> | undefined {
    if (!this.dirty || this.value === undefined) return undefined;
    this.dirty = false;
    return db.counters.put({ name: this.name, value: this.value });
  }
}

/**
 * Group commit: commits that arrive while a transaction is being written (or in the same tick) are
 * written together in the next one, as databases batch their log flushes. A commit is never split:
 * each is applied whole inside one transaction. When a shared transaction fails, every commit of
 * it is retried alone, so one stale or invalid commit rejects only its own caller.
 *
 * @example
 * const group = new GroupCommitter<StoreCommit>((batch) => db.transaction('rw', tables, async () => { for (const c of batch) await apply(c) }));
 * await Promise.all([group.submit(a), group.submit(b)]); // one transaction
 */
export class GroupCommitter<T> {
  private readonly queue: Array<{ item: T; resolve: () => void; reject: (error: unknown) => void }> = [];
  private draining = false;
  /** Transactions run so far (shared ones and retries alone). */
  transactions = 0;

  constructor(
    private readonly write: (batch: readonly T[]) => Promise<void>,
    /** At most this many commits per transaction, so one transaction stays short. */
    private readonly maxBatch = 128,
  ) {}

  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        // Commits submitted in the same task join the first transaction: the drain waits for the
        // next task, not a microtask, so a host's pipelined operations (each one's commit a few
        // microtasks after the one before) share it instead of the first going alone (ADR 0243).
        nextTask(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        await this.run(batch.map((b) => b.item));
        for (const b of batch) b.resolve();
      } catch (error) {
        if (batch.length === 1) {
          batch[0].reject(error);
          continue;
        }
        for (const b of batch) {
          try {
            await this.run([b.item]);
            b.resolve();
          } catch (alone) {
            b.reject(alone);
          }
        }
      }
    }
    this.draining = false;
  }

  private run(batch: readonly T[]): Promise<void> {
    this.transactions++;
    return this.write(batch);
  }
}

/**
 * Runs `work` in a task of its own, after the microtasks queued now, without the 1 ms minimum a
 * nested `setTimeout` gets: `setImmediate` where there is one (Node: tests, tools), else a
 * MessageChannel message (browsers, workers).
 */
function nextTask(work: () => void): void {
  const immediate = (globalThis as { setImmediate?: (f: () => void) => unknown }).setImmediate;
  if (immediate) {
    immediate(work);
    return;
  }
  if (typeof MessageChannel === 'undefined') {
    setTimeout(work, 0);
    return;
  }
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  waiting.push(work);
  channel.port2.postMessage(0);
}

let channel: MessageChannel | undefined;
const waiting: Array<() => void> = [];

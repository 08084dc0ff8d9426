/**
 * Long polling of `fetch-and-lock`: a request that found no job waits until a commit may have
 * made one available (any commit: the fetch is an index lookup, cheap to retry), its time runs
 * out, its client goes away, or the server shuts down.
 */
export class JobWaiters {
  private readonly waiting = new Set<() => void>();
  private closed = false;

  /** Wakes every waiter (called after each commit). */
  wake(): void {
    for (const w of [...this.waiting]) w();
  }

  /** Resolves at the next wake, after `ms`, or when `signal` aborts; at once when closed. */
  wait(ms: number, signal: AbortSignal): Promise<void> {
    if (this.closed || ms <= 0 || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
      this.waiting.add(done);
    });
  }

  /** Ends every wait and refuses new ones (shutdown). */
  close(): void {
    this.closed = true;
    this.wake();
  }

  get size(): number {
    return this.waiting.size;
  }

  get isClosed(): boolean {
    return this.closed;
  }
}

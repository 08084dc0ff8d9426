import type { EngineChange } from '../../api';

/** One open `GET /events` stream: writes one server-sent event. */
export type ChangeSink = (change: EngineChange) => void;

/**
 * The engine's commits as change events for `GET /events` (the studio re-reads what they name):
 * the instance ids of one event-loop turn's commits in one event, sent once they are durable
 * (`durable`, the group commit), so a client never re-reads before the data is committed.
 */
export class ChangeFeed {
  private readonly sinks = new Set<ChangeSink>();
  private pending = new Set<string>();
  private scheduled = false;
  private closed = false;

  constructor(private readonly durable: () => Promise<void>) {}

  /** Called after each commit with the instances it wrote. */
  publish(instanceIds: readonly string[]): void {
    if (this.closed || this.sinks.size === 0) return;
    for (const id of instanceIds) this.pending.add(id);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const ids = [...this.pending];
      this.pending = new Set();
      // A failed commit wrote nothing: there is nothing to tell.
      void this.durable().then(() => this.send({ type: 'changed', instanceIds: ids, at: Date.now() }), () => undefined);
    });
  }

  /** Adds a stream; returns its removal. */
  subscribe(sink: ChangeSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  /** Ends every stream (shutdown: an open stream would keep the server from closing). */
  close(end: (sink: ChangeSink) => void): void {
    this.closed = true;
    for (const s of [...this.sinks]) end(s);
    this.sinks.clear();
  }

  get size(): number {
    return this.sinks.size;
  }

  private send(change: EngineChange): void {
    for (const s of this.sinks) s(change);
  }
}

/**
 * What falls due at a time: a timer of an instance, a job whose lock or retry backoff ends, a
 * buffered message whose time to live ends, a timer start event of a deployment.
 */
export interface DueItem {
  /** Unique among scheduled items (a timer key, `lock:${jobKey}`...); scheduling a key again replaces it. */
  key: string;
  at: number;
  kind: 'timer' | 'jobLock' | 'jobBackoff' | 'messageTtl' | 'startTimer' | 'async';
  /** The instance it belongs to (null for deployment-level and message items). */
  instanceId: string | null;
}

/**
 * The host's one scheduler: a binary min-heap of due times (ties in scheduling order), O(log n)
 * per add and per fire, with removal by key (lazily: a removed or replaced entry is skipped when
 * it reaches the top). The items themselves are persisted in the instance states and the store;
 * this is the in-memory index over them, rebuilt when a host starts.
 *
 * @example
 * const s = new Scheduler();
 * s.add({ key: 't1', at: 1000, kind: 'timer', instanceId: 'pi-1' });
 * s.nextAt();          // 1000
 * s.popDue(1000);      // [{ key: 't1', ... }]
 */
export class Scheduler {
  private heap: Array<{ item: DueItem; order: number }> = [];
  private readonly live = new Map<string, { item: DueItem; order: number }>();
  private order = 0;

  get size(): number {
    return this.live.size;
  }

  add(item: DueItem): void {
    const entry = { item: { ...item }, order: this.order++ };
    this.live.set(item.key, entry);
    this.heap.push(entry);
    this.up(this.heap.length - 1);
  }

  remove(key: string): void {
    this.live.delete(key);
    // The heap entry stays until it surfaces; keep the heap from growing without bound.
    if (this.heap.length > 64 && this.heap.length > 2 * this.live.size) this.compact();
  }

  has(key: string): boolean {
    return this.live.has(key);
  }

  /** When `key` is due, if it is scheduled. */
  scheduledAt(key: string): number | undefined {
    return this.live.get(key)?.item.at;
  }

  /** The earliest due time, or null when nothing is scheduled. */
  nextAt(): number | null {
    this.dropStale();
    return this.heap.length > 0 ? this.heap[0].item.at : null;
  }

  /** Removes and returns the earliest item if it is due at `now`, else null. */
  popNext(now: number): DueItem | null {
    this.dropStale();
    const top = this.heap[0];
    if (!top || top.item.at > now) return null;
    this.pop();
    this.live.delete(top.item.key);
    return top.item;
  }

  /** Removes and returns every item due at `now`, earliest first. */
  popDue(now: number): DueItem[] {
    const out: DueItem[] = [];
    for (let item = this.popNext(now); item; item = this.popNext(now)) out.push(item);
    return out;
  }

  clear(): void {
    this.heap = [];
    this.live.clear();
  }

  private dropStale(): void {
    while (this.heap.length > 0 && this.live.get(this.heap[0].item.key) !== this.heap[0]) this.pop();
  }

  private compact(): void {
    this.heap = [...this.live.values()];
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  private pop(): void {
    const last = this.heap.pop();
    if (last && this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a];
    const y = this.heap[b];
    return x.item.at < y.item.at || (x.item.at === y.item.at && x.order < y.order);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      [this.heap[i], this.heap[parent]] = [this.heap[parent], this.heap[i]];
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.heap.length && this.less(l, m)) m = l;
      if (r < this.heap.length && this.less(r, m)) m = r;
      if (m === i) return;
      [this.heap[i], this.heap[m]] = [this.heap[m], this.heap[i]];
      i = m;
    }
  }
}

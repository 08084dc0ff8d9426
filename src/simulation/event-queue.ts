/**
 * The replication's future event list: events in order of time, then of the order they were
 * scheduled (`seq`), so the same inputs give the same run.
 *
 * The same order as a binary heap over `(t, seq)`, cheaper on the simulator's hot path:
 * - the keys live in their own arrays (times in a Float64Array), so comparisons never read the
 *   events, whose shapes differ by kind (a comparator over them was megamorphic);
 * - an event due now (enqueueing work, taking in a step's answer: a third of all events) goes to
 *   a FIFO instead. Its `seq` is larger than that of every event already scheduled, so it comes
 *   after those due now and before any due later: the FIFO's head is compared with the heap's
 *   top and the smaller `(t, seq)` goes first.
 */
export class EventQueue<E extends { t: number; seq: number }> {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private items: Array<E | undefined> = [];
  private n = 0;
  private readonly fifo: E[] = [];
  private head = 0;
  private seq = 0;

  get size(): number {
    return this.n + this.fifo.length - this.head;
  }

  /**
   * Schedules `ev` (it gets the next sequence number). `now`: the simulated time; an event due
   * then goes to the FIFO. Events are never scheduled before `now`.
   */
  push(ev: E, now: number): void {
    ev.seq = ++this.seq;
    if (ev.t === now) {
      this.fifo.push(ev);
      return;
    }
    this.heapPush(ev);
  }

  pop(): E | undefined {
    if (this.head < this.fifo.length) {
      const f = this.fifo[this.head];
      if (this.n === 0 || f.t < this.times[0] || (f.t === this.times[0] && f.seq < this.seqs[0])) {
        this.fifo[this.head++] = undefined as unknown as E;
        if (this.head === this.fifo.length) {
          this.fifo.length = 0;
          this.head = 0;
        }
        return f;
      }
    }
    return this.heapPop();
  }

  private heapPush(ev: E): void {
    if (this.n === this.times.length) this.grow();
    const t = ev.t;
    const s = ev.seq;
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (t > times[p] || (t === times[p] && s > seqs[p])) break;
      times[i] = times[p];
      seqs[i] = seqs[p];
      items[i] = items[p];
      i = p;
    }
    times[i] = t;
    seqs[i] = s;
    items[i] = ev;
  }

  private heapPop(): E | undefined {
    if (this.n === 0) return undefined;
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    const top = items[0];
    const n = --this.n;
    const t = times[n];
    const s = seqs[n];
    const last = items[n];
    items[n] = undefined;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let m = l;
      if (r < n && (times[r] < times[l] || (times[r] === times[l] && seqs[r] < seqs[l]))) m = r;
      if (t < times[m] || (t === times[m] && s < seqs[m])) break;
      times[i] = times[m];
      seqs[i] = seqs[m];
      items[i] = items[m];
      i = m;
    }
    if (n > 0) {
      times[i] = t;
      seqs[i] = s;
      items[i] = last;
    }
    return top;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    const seqs = new Float64Array(this.seqs.length * 2);
    seqs.set(this.seqs);
    this.times = times;
    this.seqs = seqs;
  }
}

import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue';
import { Rng } from './random';

type Ev = { t: number; seq: number; id: number };

describe('EventQueue', () => {
  it('given events pushed and popped in a random interleaving, many due now and many tied in time, when drained, then they come out by time, then by the order they were scheduled, as a sort would give', () => {
    const rng = new Rng(7);
    const q = new EventQueue<Ev>();
    const popped: Ev[] = [];
    const pushed: Ev[] = [];
    let now = 0;
    let id = 0;
    for (let i = 0; i < 20_000; i++) {
      const u = rng.next();
      if (u < 0.55 || q.size === 0) {
        // Due now (a FIFO event), at a few tied later times, or anywhere later.
        const t = u < 0.2 ? now : u < 0.35 ? now + Math.floor(rng.next() * 3) : now + rng.next() * 100;
        const ev = { t, seq: 0, id: ++id };
        q.push(ev, now);
        pushed.push(ev);
      } else {
        const ev = q.pop() as Ev;
        expect(ev.t).toBeGreaterThanOrEqual(now);
        now = ev.t;
        popped.push(ev);
      }
    }
    for (let ev = q.pop(); ev; ev = q.pop()) popped.push(ev);
    expect(q.size).toBe(0);
    expect(popped.length).toBe(pushed.length);
    // Every event is pushed at or after the time last popped, so a correct queue pops in sorted order.
    const byTimeThenSeq = [...popped].sort((a, b) => a.t - b.t || a.seq - b.seq).map((e) => e.id);
    expect(popped.map((e) => e.id)).toEqual(byTimeThenSeq);
  });
});

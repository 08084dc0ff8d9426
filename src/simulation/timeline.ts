/**
 * Utilization and queue length per role over simulated time, sampled at a fixed interval. The
 * state between two events is constant, so a sample taken before the first event at or after its
 * time is exact. At most {@link MAX_SAMPLES} samples: when full, every other one is dropped and the
 * interval doubles, so a run of unknown length keeps a bounded, evenly spaced series.
 */
export interface TimelineSample {
  /** Simulated time (epoch ms). */
  t: number;
  /** Per role: units busy / units (0..1) and tasks waiting in its queue. */
  roles: Record<string, { utilization: number; queue: number }>;
}

export const MAX_SAMPLES = 240;

interface Sampled {
  id: string;
  quantity: number;
  busy(): number;
  queued(): number;
}

export class Timeline {
  readonly samples: TimelineSample[] = [];
  private next: number;

  constructor(
    start: number,
    private interval: number,
    private readonly roles: readonly Sampled[],
  ) {
    this.next = start;
  }

  /** Records every sample due up to (and including) time `t`, with the state before `t`'s events. */
  advance(t: number): void {
    if (this.roles.length === 0) return;
    while (this.next <= t) {
      const roles: TimelineSample['roles'] = {};
      for (const r of this.roles) roles[r.id] = { utilization: r.quantity > 0 ? r.busy() / r.quantity : 0, queue: r.queued() };
      this.samples.push({ t: this.next, roles });
      this.next += this.interval;
      if (this.samples.length >= MAX_SAMPLES) this.thin();
    }
  }

  private thin(): void {
    const kept = this.samples.filter((_, i) => i % 2 === 0);
    this.samples.length = 0;
    this.samples.push(...kept);
    this.interval *= 2;
    this.next = kept[kept.length - 1].t + this.interval;
  }
}

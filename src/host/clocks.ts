import type { Clock, IdGenerator, Random } from '../engine';

/**
 * The wall clock, in epoch milliseconds.
 *
 * @example
 * const host = new EngineHost({ clock: new RealClock(), ... });
 */
export class RealClock implements Clock {
  now(): number {
    return Date.now();
  }
}

/**
 * A clock that only moves when told to: tests, the CLI (reproducible output) and simulation.
 *
 * @example
 * const clock = new ManualClock(Date.UTC(2024, 0, 1));
 * clock.advance(60_000); // one minute later
 */
export class ManualClock implements Clock {
  constructor(private time = 0) {}

  now(): number {
    return this.time;
  }

  set(time: number): void {
    this.time = time;
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`a clock cannot go back (advance by ${ms})`);
    this.time += ms;
  }
}

/**
 * Ids `${kind}-${n}` counting from 1 per kind: stable across runs, for the CLI and tests.
 *
 * @example
 * const ids = new CountingIds(); ids.next('job'); // 'job-1'
 */
export class CountingIds implements IdGenerator {
  private readonly counters = new Map<string, number>();

  next(kind: string): string {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return `${kind}-${n}`;
  }
}

/**
 * Ids unique across restarts and tabs (the browser keeps instances in IndexedDB): a random 8-hex
 * session prefix plus a counter, cheaper than a UUID per id.
 */
export class UniqueIds implements IdGenerator {
  private n = 0;
  private readonly prefix = Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');

  next(kind: string): string {
    return `${kind}-${this.prefix}-${(++this.n).toString(36)}`;
  }
}

/**
 * A seeded uniform generator (sfc32 seeded through splitmix32): the same seed gives the same run.
 *
 * @example
 * const random = new SeededRandom(42); random.next(); // always the same first value
 */
export class SeededRandom implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const splitmix = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = splitmix();
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
}

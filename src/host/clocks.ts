import type { Clock, IdGenerator, Random } from '../engine';
import { Sfc32 } from '../engine';

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
export class SeededRandom extends Sfc32 implements Random {}

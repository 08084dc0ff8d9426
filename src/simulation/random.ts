import { Sfc32 } from '../engine';

/**
 * The simulator's seeded pseudo-random numbers: the engine's sfc32 stream (`Sfc32`), warmed up
 * by twelve draws. Not `Math.random`: a run must be the same
 * for the same seed, event for event, on every JavaScript engine.
 */
export class Rng extends Sfc32 {
  constructor(seed: number) {
    super(seed);
    for (let i = 0; i < 12; i++) this.next(); // let the seed's bits spread before the first draw
  }

  /** A uniform number in (0, 1): safe for logarithms. */
  open(): number {
    let u = this.next();
    while (u === 0) u = this.next();
    return u;
  }

  /** A 31-bit integer, for instance seeds. */
  int(): number {
    return Math.floor(this.next() * 0x7fffffff);
  }
}

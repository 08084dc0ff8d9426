import type { Decimal } from '../../feel/decimal';
import { intervalContains, type NumericInterval } from './entry-shape';

interface Entry {
  readonly rule: number;
  readonly iv: NumericInterval;
  /** Lower bound as a float for ordering (-Infinity when unbounded). */
  readonly lo: number;
  readonly hi: number;
}

/**
 * Finds the rules whose numeric intervals contain a value, in O(log n + hits): intervals are sorted
 * by lower bound and an implicit balanced tree over that order stores the largest upper bound of
 * each subtree, so whole subtrees that end below the value are skipped.
 *
 * Floats only order and prune; membership is always decided exactly on decimals.
 *
 * @example
 * const idx = new IntervalIndex([{ rule: 0, iv: { lo: new Decimal(1), loIncluded: true, hiIncluded: false } }]);
 * idx.query(new Decimal(5), out); // out gets 0
 */
export class IntervalIndex {
  private readonly entries: Entry[];
  /** maxHi[node] for an implicit segment tree over `entries`. */
  private readonly maxHi: Float64Array;

  constructor(items: readonly { rule: number; iv: NumericInterval }[]) {
    this.entries = items
      .map(({ rule, iv }) => ({
        rule,
        iv,
        lo: iv.lo ? iv.lo.toNumber() : -Infinity,
        hi: iv.hi ? iv.hi.toNumber() : Infinity,
      }))
      .sort((a, b) => a.lo - b.lo || a.rule - b.rule);
    this.maxHi = new Float64Array(Math.max(1, 4 * this.entries.length));
    if (this.entries.length > 0) this.build(1, 0, this.entries.length);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Adds to `out` the rule of every interval containing `v` (a rule may appear more than once). */
  query(v: Decimal, out: number[]): void {
    if (this.entries.length === 0) return;
    const x = v.toNumber();
    // Float rounding may misorder bounds closer than ~1e-15 relative; widen the pruning a little.
    const slack = Math.abs(x) * 1e-12 + 1e-300;
    this.visit(1, 0, this.entries.length, x, slack, v, out);
  }

  private build(node: number, from: number, to: number): number {
    if (to - from === 1) {
      this.maxHi[node] = this.entries[from]!.hi;
      return this.maxHi[node]!;
    }
    const mid = (from + to) >>> 1;
    const m = Math.max(this.build(2 * node, from, mid), this.build(2 * node + 1, mid, to));
    this.maxHi[node] = m;
    return m;
  }

  private visit(node: number, from: number, to: number, x: number, slack: number, v: Decimal, out: number[]): void {
    if (this.maxHi[node]! < x - slack) return;
    if (this.entries[from]!.lo > x + slack) return;
    if (to - from === 1) {
      const e = this.entries[from]!;
      if (intervalContains(e.iv, v)) out.push(e.rule);
      return;
    }
    const mid = (from + to) >>> 1;
    this.visit(2 * node, from, mid, x, slack, v, out);
    this.visit(2 * node + 1, mid, to, x, slack, v, out);
  }
}

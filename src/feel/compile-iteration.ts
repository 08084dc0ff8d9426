import type { Iteration } from './ast';
import type { Budget } from './budget';
import { compileNode, type Ev } from './compile';
import { Decimal } from './decimal';
import { feelCompare, TEMPORAL_OP_COST } from './ops';
import { Scope } from './scope';
import { type CallContext, FeelDate, FeelRange, type FeelValue, typeNameOf } from './values';

/**
 * `for`, `some` and `every`: iteration contexts over lists, ranges and `a..b` bounds.
 *
 * Ranges are walked lazily (one value at a time, never a materialised list), so their size costs
 * no memory; every iteration is a step of the evaluation's budget, which bounds the time. An
 * iteration context that cannot iterate (an unbounded or descending range, non-integer bounds)
 * makes the whole expression null with a warning: never `false` for `some` nor `true` for
 * `every`, which a gateway would take as an answer.
 */

/** A range computed element by element. */
interface LazySequence {
  readonly length: number;
  /** Element `i`; pays the budget when computing it costs more than a step. */
  at(i: number, budget?: Budget): FeelValue;
}

/** What an iteration context walks: a list, or a range computed element by element. */
export type Sequence = readonly FeelValue[] | LazySequence;

/** Consecutive integers from `from` by `step` (±1), as FEEL numbers. */
class IntegerSequence implements LazySequence {
  constructor(
    readonly length: number,
    private readonly from: number,
    private readonly step: number,
    /** Set when the bounds are beyond 2^53: then the values are computed as decimals. */
    private readonly big: Decimal | null,
  ) {}

  at(i: number): FeelValue {
    return this.big ? this.big.plus(i * this.step) : new Decimal(this.from + i * this.step);
  }
}

/** Consecutive days (each one a Temporal computation: paid for like a date built by `date()`). */
class DateSequence implements LazySequence {
  constructor(
    readonly length: number,
    private readonly from: FeelDate,
    private readonly step: number,
  ) {}

  at(i: number, budget?: Budget): FeelValue {
    budget?.step(TEMPORAL_OP_COST);
    return new FeelDate(this.from.date.add({ days: i * this.step }), this.from.yearShift);
  }
}

/**
 * The values an iteration context ranges over (a list, a range value or `a..b`), or null with a
 * warning when it cannot iterate. Exported for DMN's boxed iterators.
 */
export function iterationSequence(from: FeelValue, to: FeelValue | undefined, c: CallContext): Sequence | null {
  if (to !== undefined) return rangeSequence(from, to, true, true, c);
  if (from instanceof FeelRange) {
    if (from.start === null || from.end === null || from.unaryOp) {
      c.warn('cannot iterate over an unbounded range');
      return null;
    }
    if (feelCompare(from.start, from.end) === 1) {
      c.warn('cannot iterate over a descending range');
      return null;
    }
    return rangeSequence(from.start, from.end, from.startIncluded, from.endIncluded, c);
  }
  if (Array.isArray(from)) return from;
  if (from === null) {
    c.warn('cannot iterate over null');
    return null;
  }
  return [from];
}

function rangeSequence(a: FeelValue, b: FeelValue, aIn: boolean, bIn: boolean, c: CallContext): Sequence | null {
  if (a instanceof Decimal && b instanceof Decimal) {
    if (!a.isInteger() || !b.isInteger()) {
      c.warn('iteration range bounds must be integers');
      return null;
    }
    const step = a.lte(b) ? 1 : -1;
    const first = aIn ? a : a.plus(step);
    const last = bIn ? b : b.minus(step);
    const span = last.minus(first).times(step);
    if (span.isNegative()) return [];
    // Beyond 2^53 elements the count is inexact, but no budget allows that many steps anyway.
    const length = span.plus(1).toNumber();
    const safe = Number.isSafeInteger(first.toNumber()) && Number.isSafeInteger(last.toNumber());
    return new IntegerSequence(length, safe ? first.toNumber() : 0, step, safe ? null : first);
  }
  if (a instanceof FeelDate && b instanceof FeelDate && a.yearShift === b.yearShift) {
    const days = a.date.until(b.date, { largestUnit: 'days' }).days;
    const step = days >= 0 ? 1 : -1;
    const first = aIn ? a : new FeelDate(a.date.add({ days: step }), a.yearShift);
    const length = Math.abs(days) + 1 - (aIn ? 0 : 1) - (bIn ? 0 : 1);
    return length <= 0 ? [] : new DateSequence(length, first, step);
  }
  c.warn(`cannot iterate from ${typeNameOf(a)} to ${typeNameOf(b)}`);
  return null;
}

interface CompiledIteration {
  readonly name: string;
  readonly from: Ev;
  readonly to: Ev | null;
}

function compileIterations(iters: Iteration[]): CompiledIteration[] {
  return iters.map((it) => ({ name: it.name, from: compileNode(it.from), to: it.to ? compileNode(it.to) : null }));
}

function sequenceOf(it: CompiledIteration, sc: Scope, c: CallContext): Sequence | null {
  const from = it.from(sc, c);
  return iterationSequence(from, it.to ? it.to(sc, c) : undefined, c);
}

/** Signals, from deep inside nested iteration contexts, that one of them refused to iterate. */
const REFUSED = Symbol('refused');

export function compileFor(iters: Iteration[], body: Ev): Ev {
  const its = compileIterations(iters);
  return (sc, c) => {
    const out: FeelValue[] = [];
    const budget: Budget = c.budget;
    const max = budget.limits.maxCollectionSize;
    const loop = (k: number, s: Scope): typeof REFUSED | undefined => {
      if (k === its.length) {
        budget.step();
        if (out.length >= max) budget.checkSize(out.length + 1, 'for');
        out.push(body(new Scope(s, null, 'partial', out), c));
        return undefined;
      }
      const seq = sequenceOf(its[k], s, c);
      if (seq === null) return REFUSED;
      const list = Array.isArray(seq) ? (seq as readonly FeelValue[]) : null;
      for (let i = 0; i < seq.length; i++) {
        if (loop(k + 1, new Scope(s, null, its[k].name, list ? list[i] : (seq as LazySequence).at(i, budget))) === REFUSED) return REFUSED;
      }
      return undefined;
    };
    return loop(0, sc) === REFUSED ? null : out.slice();
  };
}

export function compileQuantified(every: boolean, iters: Iteration[], cond: Ev): Ev {
  const its = compileIterations(iters);
  return (sc, c) => {
    let sawNull = false;
    const budget: Budget = c.budget;
    // true/false: decided; undefined: go on; REFUSED: an iteration context could not iterate.
    const loop = (k: number, s: Scope): boolean | undefined | typeof REFUSED => {
      if (k === its.length) {
        budget.step();
        const r = cond(s, c);
        if (every && r === false) return false;
        if (!every && r === true) return true;
        if (r !== true && r !== false) sawNull = true;
        return undefined;
      }
      const seq = sequenceOf(its[k], s, c);
      if (seq === null) return REFUSED;
      const list = Array.isArray(seq) ? (seq as readonly FeelValue[]) : null;
      for (let i = 0; i < seq.length; i++) {
        const r = loop(k + 1, new Scope(s, null, its[k].name, list ? list[i] : (seq as LazySequence).at(i, budget)));
        if (r !== undefined) return r;
      }
      return undefined;
    };
    const r = loop(0, sc);
    if (r === REFUSED) return null;
    if (r !== undefined) return r;
    if (sawNull) return false;
    return every;
  };
}

import type { Iteration } from './ast';
import { compileNode, type Ev } from './compile';
import { Decimal } from './decimal';
import { feelCompare } from './ops';
import { Scope } from './scope';
import { type CallContext, FeelDate, FeelRange, type FeelValue, typeNameOf } from './values';

/** `for`, `some` and `every`: iteration contexts over lists, ranges and `a..b` bounds. */

/** The values an iteration context ranges over, or null (with a warning) when it cannot iterate. */
function iterationValues(it: { from: Ev; to: Ev | null }, sc: Scope, c: CallContext): FeelValue[] | null {
  const a = it.from(sc, c);
  if (it.to) return rangeValues(a, it.to(sc, c), true, true, c);
  if (a instanceof FeelRange) {
    if (a.start === null || a.end === null || a.unaryOp) {
      c.warn('cannot iterate over an unbounded range');
      return null;
    }
    if (feelCompare(a.start, a.end) === 1) {
      c.warn('cannot iterate over a descending range');
      return null;
    }
    return rangeValues(a.start, a.end, a.startIncluded, a.endIncluded, c);
  }
  if (Array.isArray(a)) return a;
  if (a === null) return null;
  return [a];
}

function rangeValues(a: FeelValue, b: FeelValue, aIn: boolean, bIn: boolean, c: CallContext): FeelValue[] | null {
  if (a instanceof Decimal && b instanceof Decimal) {
    if (!a.isInteger() || !b.isInteger()) {
      c.warn('iteration range bounds must be integers');
      return null;
    }
    const out: FeelValue[] = [];
    const step = a.lte(b) ? 1 : -1;
    const from = a.toNumber() + (aIn ? 0 : step);
    const to = b.toNumber() - (bIn ? 0 : step);
    if (Math.abs(to - from) > 1e7) {
      c.warn('iteration range too large');
      return null;
    }
    for (let i = from; step > 0 ? i <= to : i >= to; i += step) out.push(new Decimal(i));
    return out;
  }
  if (a instanceof FeelDate && b instanceof FeelDate && a.yearShift === b.yearShift) {
    const out: FeelValue[] = [];
    const step = a.date.until(b.date).sign >= 0 ? 1 : -1;
    let d = aIn ? a.date : a.date.add({ days: step });
    const end = bIn ? b.date : b.date.add({ days: -step });
    while (step > 0 ? d.until(end).sign >= 0 : d.until(end).sign <= 0) {
      out.push(new FeelDate(d, a.yearShift));
      d = d.add({ days: step });
      if (out.length > 1e6) return null;
    }
    return out;
  }
  c.warn(`cannot iterate from ${typeNameOf(a)} to ${typeNameOf(b)}`);
  return null;
}

function compileIterations(iters: Iteration[]) {
  return iters.map((it) => ({ name: it.name, from: compileNode(it.from), to: it.to ? compileNode(it.to) : null }));
}

export function compileFor(iters: Iteration[], body: Ev): Ev {
  const its = compileIterations(iters);
  return (sc, c) => {
    const out: FeelValue[] = [];
    const loop = (k: number, s: Scope): boolean => {
      if (k === its.length) {
        out.push(body(new Scope(s, null, 'partial', out), c));
        return true;
      }
      const vals = iterationValues(its[k], s, c);
      if (vals === null) return false;
      for (const v of vals) if (!loop(k + 1, new Scope(s, null, its[k].name, v))) return false;
      return true;
    };
    return loop(0, sc) ? out.slice() : null;
  };
}

export function compileQuantified(every: boolean, iters: Iteration[], cond: Ev): Ev {
  const its = compileIterations(iters);
  return (sc, c) => {
    let sawNull = false;
    const loop = (k: number, s: Scope): boolean | undefined => {
      if (k === its.length) {
        const r = cond(s, c);
        if (every && r === false) return false;
        if (!every && r === true) return true;
        if (r !== true && r !== false) sawNull = true;
        return undefined;
      }
      const vals = iterationValues(its[k], s, c) ?? [];
      for (const v of vals) {
        const r = loop(k + 1, new Scope(s, null, its[k].name, v));
        if (r !== undefined) return r;
      }
      return undefined;
    };
    const r = loop(0, sc);
    if (r !== undefined) return r;
    if (sawNull) return every ? false : false;
    return every;
  };
}

import type { Node } from './ast';
import { compileNode } from './compile';
import { Decimal } from './decimal';
import { feelCompare, feelEquals } from './ops';
import { Scope } from './scope';
import { type CallContext, FeelRange, type FeelValue } from './values';

/** Unary tests (decision-table input entries and the right side of `in`), compiled to closures. */

/** A compiled positive unary test, applied to the input value. */
export type Test = (input: FeelValue, sc: Scope, c: CallContext) => boolean | null;

function usesInput(n: Node): boolean {
  let found = false;
  const visit = (x: unknown): void => {
    if (found || x === null || typeof x !== 'object') return;
    if (Array.isArray(x)) {
      x.forEach(visit);
      return;
    }
    const o = x as Record<string, unknown>;
    if (o.t === 'name' && o.name === '?') {
      found = true;
      return;
    }
    for (const k of Object.keys(o)) if (k !== 'type') visit(o[k]);
  };
  visit(n);
  return found;
}

/** Whether `v` lies in range `r`: true, false, or null when not comparable. */
export function inRange(v: FeelValue, r: FeelRange): boolean | null {
  if (r.unaryOp === '!=') {
    const e = feelEquals(v, r.start);
    return e === null ? null : !e;
  }
  if ((r.start === null && !r.unboundedStart) || (r.end === null && !r.unboundedEnd)) return null;
  if (r.start !== null) {
    const a = feelCompare(v, r.start);
    if (a === null) return null;
    if (a < 0 || (a === 0 && !r.startIncluded)) return false;
  }
  if (r.end !== null) {
    const b = feelCompare(v, r.end);
    if (b === null) return null;
    if (b > 0 || (b === 0 && !r.endIncluded)) return false;
  }
  return true;
}

/** Applies a test's value to the input: ranges contain, lists hold, otherwise equality. */
export function matchValue(input: FeelValue, t: FeelValue): boolean | null {
  if (t instanceof FeelRange) return inRange(input, t);
  if (Array.isArray(t)) {
    if (Array.isArray(input) && feelEquals(input, t) === true) return true;
    let out: boolean | null = false;
    for (const e of t) {
      const m = e instanceof FeelRange ? inRange(input, e) : feelEquals(input, e);
      if (m === true) return true;
      if (m === null) out = null;
    }
    return out === null ? false : out;
  }
  return feelEquals(input, t);
}

/** Compiles one positive unary test. */
export function compileTest(n: Node): Test {
  if (n.t === 'ut') {
    const e = compileNode(n.e);
    const op = n.op;
    if (op === '=' || op === '!=') {
      return (input, sc, c) => {
        const x = feelEquals(input, e(new Scope(sc, null, '?', input), c));
        return x === null ? null : op === '=' ? x : !x;
      };
    }
    const check = op === '<' ? (x: number) => x < 0 : op === '<=' ? (x: number) => x <= 0 : op === '>' ? (x: number) => x > 0 : (x: number) => x >= 0;
    return (input, sc, c) => {
      const b = e(sc, c);
      if (input instanceof Decimal && b instanceof Decimal) return check(input.cmp(b));
      const x = feelCompare(input, b);
      return x === null ? null : check(x);
    };
  }
  const e = compileNode(n);
  if (usesInput(n)) {
    return (input, sc, c) => {
      const v = e(new Scope(sc, null, '?', input), c);
      if (typeof v === 'boolean') return v;
      return v === null ? null : matchValue(input, v);
    };
  }
  return (input, sc, c) => {
    const v = e(sc, c);
    if (typeof v === 'boolean' && typeof input !== 'boolean') return v;
    return matchValue(input, v);
  };
}

/** True if any test is true; null if none is but one was null; else false. */
export function anyTest(tests: Test[], input: FeelValue, sc: Scope, c: CallContext): boolean | null {
  let out: boolean | null = false;
  for (const t of tests) {
    const r = t(input, sc, c);
    if (r === true) return true;
    if (r === null) out = null;
  }
  return out;
}

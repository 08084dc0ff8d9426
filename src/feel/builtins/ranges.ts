import { feelCompare, feelEquals } from '../ops';
import { type CallContext, FeelRange, type FeelFunction, type FeelValue } from '../values';
import { def } from './define';

/** An endpoint with infinities: `inf` -1 / +1 for an unbounded start / end. */
interface Bound {
  v: FeelValue;
  inf: number;
}

class Incomparable extends Error {}

function cmp(a: Bound, b: Bound): number {
  if (a.inf || b.inf) return a.inf === b.inf ? 0 : a.inf ? a.inf : -b.inf;
  const k = feelCompare(a.v, b.v);
  if (k === null) {
    if (feelEquals(a.v, b.v) === true) return 0;
    throw new Incomparable();
  }
  return k;
}

const pt = (v: FeelValue): Bound => ({ v, inf: 0 });
const lo = (r: FeelRange): Bound => ({ v: r.start, inf: r.unboundedStart ? -1 : 0 });
const hi = (r: FeelRange): Bound => ({ v: r.end, inf: r.unboundedEnd ? 1 : 0 });
const lt = (a: Bound, b: Bound) => cmp(a, b) < 0;
const gt = (a: Bound, b: Bound) => cmp(a, b) > 0;
const eq = (a: Bound, b: Bound) => cmp(a, b) === 0;

type PP = (a: Bound, b: Bound) => boolean;
type PR = (p: Bound, r: FeelRange) => boolean;
type RP = (r: FeelRange, p: Bound) => boolean;
type RR = (a: FeelRange, b: FeelRange) => boolean;

function rangeFn(
  name: string,
  sigs: string[],
  impl: { pp?: PP; pr?: PR; rp?: RP; rr?: RR },
): FeelFunction {
  const body = ([a, b]: (FeelValue | undefined)[], c: CallContext): FeelValue => {
    if (a === null || b === null || a === undefined || b === undefined) return null;
    const ra = a instanceof FeelRange;
    const rb = b instanceof FeelRange;
    try {
      if (ra && rb && impl.rr) return impl.rr(a, b);
      if (ra && !rb && impl.rp) return impl.rp(a, pt(b));
      if (!ra && rb && impl.pr) return impl.pr(pt(a), b);
      if (!ra && !rb && impl.pp) return impl.pp(pt(a), pt(b));
    } catch (e) {
      if (!(e instanceof Incomparable)) throw e;
      c.warn(`${name}(): the values are not comparable`);
      return null;
    }
    c.warn(`${name}(): unsupported argument kinds`);
    return null;
  };
  return def(name, sigs, body);
}

const includesPoint = (r: FeelRange, p: Bound) =>
  (lt(lo(r), p) && gt(hi(r), p)) || (eq(lo(r), p) && r.startIncluded) || (eq(hi(r), p) && r.endIncluded);
const includesRange = (a: FeelRange, b: FeelRange) =>
  (lt(lo(a), lo(b)) || (eq(lo(a), lo(b)) && (a.startIncluded || !b.startIncluded))) &&
  (gt(hi(a), hi(b)) || (eq(hi(a), hi(b)) && (a.endIncluded || !b.endIncluded)));

export const RANGES: FeelFunction[] = [
  rangeFn('before', ['point1, point2', 'point, range', 'range, point', 'range1, range2'], {
    pp: (a, b) => lt(a, b),
    pr: (p, r) => lt(p, lo(r)) || (eq(p, lo(r)) && !r.startIncluded),
    rp: (r, p) => lt(hi(r), p) || (eq(hi(r), p) && !r.endIncluded),
    rr: (a, b) => lt(hi(a), lo(b)) || ((!a.endIncluded || !b.startIncluded) && eq(hi(a), lo(b))),
  }),
  rangeFn('after', ['point1, point2', 'point, range', 'range, point', 'range1, range2'], {
    pp: (a, b) => gt(a, b),
    pr: (p, r) => gt(p, hi(r)) || (eq(p, hi(r)) && !r.endIncluded),
    rp: (r, p) => gt(lo(r), p) || (eq(lo(r), p) && !r.startIncluded),
    rr: (a, b) => gt(lo(a), hi(b)) || ((!a.startIncluded || !b.endIncluded) && eq(lo(a), hi(b))),
  }),
  rangeFn('meets', ['range1, range2'], { rr: (a, b) => a.endIncluded && b.startIncluded && eq(hi(a), lo(b)) }),
  rangeFn('met by', ['range1, range2'], { rr: (a, b) => a.startIncluded && b.endIncluded && eq(lo(a), hi(b)) }),
  rangeFn('overlaps', ['range1, range2'], {
    rr: (a, b) =>
      (gt(hi(a), lo(b)) || (eq(hi(a), lo(b)) && a.endIncluded && b.startIncluded)) &&
      (lt(lo(a), hi(b)) || (eq(lo(a), hi(b)) && a.startIncluded && b.endIncluded)),
  }),
  rangeFn('overlaps before', ['range1, range2'], {
    rr: (a, b) =>
      (lt(lo(a), lo(b)) || (eq(lo(a), lo(b)) && a.startIncluded && !b.startIncluded)) &&
      (gt(hi(a), lo(b)) || (eq(hi(a), lo(b)) && a.endIncluded && b.startIncluded)) &&
      (lt(hi(a), hi(b)) || (eq(hi(a), hi(b)) && (!a.endIncluded || b.endIncluded))),
  }),
  rangeFn('overlaps after', ['range1, range2'], {
    rr: (a, b) =>
      (lt(lo(b), lo(a)) || (eq(lo(b), lo(a)) && b.startIncluded && !a.startIncluded)) &&
      (gt(hi(b), lo(a)) || (eq(hi(b), lo(a)) && b.endIncluded && a.startIncluded)) &&
      (lt(hi(b), hi(a)) || (eq(hi(b), hi(a)) && (!b.endIncluded || a.endIncluded))),
  }),
  rangeFn('finishes', ['point, range', 'range1, range2'], {
    pr: (p, r) => r.endIncluded && eq(hi(r), p),
    rr: (a, b) =>
      a.endIncluded === b.endIncluded && eq(hi(a), hi(b)) &&
      (gt(lo(a), lo(b)) || (eq(lo(a), lo(b)) && (!a.startIncluded || b.startIncluded))),
  }),
  rangeFn('finished by', ['range, point', 'range1, range2'], {
    rp: (r, p) => r.endIncluded && eq(hi(r), p),
    rr: (a, b) =>
      a.endIncluded === b.endIncluded && eq(hi(a), hi(b)) &&
      (lt(lo(a), lo(b)) || (eq(lo(a), lo(b)) && (a.startIncluded || !b.startIncluded))),
  }),
  rangeFn('includes', ['range, point', 'range1, range2'], { rp: includesPoint, rr: includesRange }),
  rangeFn('during', ['point, range', 'range1, range2'], {
    pr: (p, r) => includesPoint(r, p),
    rr: (a, b) => includesRange(b, a),
  }),
  rangeFn('starts', ['point, range', 'range1, range2'], {
    pr: (p, r) => r.startIncluded && eq(lo(r), p),
    rr: (a, b) =>
      a.startIncluded === b.startIncluded && eq(lo(a), lo(b)) &&
      (lt(hi(a), hi(b)) || (eq(hi(a), hi(b)) && (!a.endIncluded || b.endIncluded))),
  }),
  rangeFn('started by', ['range, point', 'range1, range2'], {
    rp: (r, p) => r.startIncluded && eq(lo(r), p),
    rr: (a, b) =>
      a.startIncluded === b.startIncluded && eq(lo(a), lo(b)) &&
      (lt(hi(b), hi(a)) || (eq(hi(b), hi(a)) && (!b.endIncluded || a.endIncluded))),
  }),
  rangeFn('coincides', ['point1, point2', 'range1, range2'], {
    pp: (a, b) => eq(a, b),
    rr: (a, b) => eq(lo(a), lo(b)) && a.startIncluded === b.startIncluded && eq(hi(a), hi(b)) && a.endIncluded === b.endIncluded,
  }),
];

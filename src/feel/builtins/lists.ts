import { Decimal } from '../decimal';
import { invoke } from '../functions';
import { feelCompare, feelEquals } from '../ops';
import { type CallContext, FeelFunction, type FeelValue } from '../values';
import { def, fail, int, items, list } from './define';

function numbers(xs: FeelValue[] | null, c: CallContext, fn: string): Decimal[] | null {
  if (xs === null) return null;
  for (const x of xs) if (!(x instanceof Decimal)) return fail(c, `${fn}(): all items must be numbers`);
  return xs as Decimal[];
}

function extreme(fn: string, sign: number) {
  return def(fn, ['...list'], ([l], c) => {
    const xs = items(l);
    if (xs === null || xs.length === 0) return null;
    let best = xs[0];
    for (const x of xs.slice(1)) {
      const k = feelCompare(x, best);
      if (k === null) return fail(c, `${fn}(): items are not comparable`);
      if (k * sign > 0) best = x;
    }
    if (xs.length === 1 && feelCompare(best, best) === null) return fail(c, `${fn}(): item is not comparable`);
    return best;
  });
}

function indexOrNull(xs: FeelValue[], position: number): number | null {
  if (position === 0 || Math.abs(position) > xs.length) return null;
  return position > 0 ? position - 1 : xs.length + position;
}

function contains(xs: FeelValue[], v: FeelValue): boolean {
  return xs.some((x) => feelEquals(x, v) === true);
}

function distinct(xs: FeelValue[]): FeelValue[] {
  const out: FeelValue[] = [];
  for (const x of xs) if (!contains(out, x)) out.push(x);
  return out;
}

function flat(xs: FeelValue[], out: FeelValue[] = []): FeelValue[] {
  for (const x of xs) {
    if (Array.isArray(x)) flat(x, out);
    else out.push(x);
  }
  return out;
}

/** Sort with a FEEL `precedes` function, or natural order; null if the order is not defined. */
function sortList(xs: FeelValue[], precedes: FeelValue | undefined, c: CallContext): FeelValue[] | null {
  let bad = false;
  const cmp = (a: FeelValue, b: FeelValue): number => {
    if (precedes instanceof FeelFunction) {
      const r = invoke(precedes, [a, b], c);
      if (r === true) return -1;
      const r2 = invoke(precedes, [b, a], c);
      if (r2 === true) return 1;
      if (r !== false || r2 !== false) bad = true;
      return 0;
    }
    const k = feelCompare(a, b);
    if (k === null) bad = true;
    return k ?? 0;
  };
  const out = xs.slice().sort(cmp);
  if (bad) return fail(c, 'sort(): items could not be ordered');
  return out;
}

export const LISTS: FeelFunction[] = [
  def('list contains', ['list, element'], ([l, e], c) => {
    const xs = list(l, c, 'list contains', 'list', true);
    if (xs === null) return null;
    return xs.some((x) => feelEquals(x, e ?? null) === true);
  }),
  def('count', ['...list'], ([l]) => {
    const xs = items(l);
    return xs === null ? null : new Decimal(xs.length);
  }),
  extreme('min', -1),
  extreme('max', 1),
  def('sum', ['...list'], ([l], c) => {
    const xs = numbers(items(l), c, 'sum');
    if (xs === null || xs.length === 0) return null;
    return xs.reduce((a, b) => a.plus(b), new Decimal(0));
  }),
  def('product', ['...list'], ([l], c) => {
    const xs = numbers(items(l), c, 'product');
    if (xs === null || xs.length === 0) return null;
    return xs.reduce((a, b) => a.times(b), new Decimal(1));
  }),
  def('mean', ['...list'], ([l], c) => {
    const xs = numbers(items(l), c, 'mean');
    if (xs === null || xs.length === 0) return null;
    return xs.reduce((a, b) => a.plus(b), new Decimal(0)).div(xs.length);
  }),
  def('median', ['...list'], ([l], c) => {
    const xs = numbers(items(l), c, 'median');
    if (xs === null || xs.length === 0) return null;
    const s = xs.slice().sort((a, b) => a.cmp(b));
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m] : s[m - 1].plus(s[m]).div(2);
  }),
  def('stddev', ['...list'], ([l], c) => {
    const xs = numbers(items(l), c, 'stddev');
    if (xs === null || xs.length < 2) return null;
    const mean = xs.reduce((a, b) => a.plus(b), new Decimal(0)).div(xs.length);
    const ss = xs.reduce((a, b) => a.plus(b.minus(mean).pow(2)), new Decimal(0));
    return ss.div(xs.length - 1).sqrt();
  }),
  def('mode', ['...list'], ([l], c) => {
    const xs = numbers(items(l), c, 'mode');
    if (xs === null) return null;
    const counts: [Decimal, number][] = [];
    for (const x of xs) {
      const e = counts.find(([k]) => k.eq(x));
      if (e) e[1]++;
      else counts.push([x, 1]);
    }
    const top = Math.max(0, ...counts.map(([, n]) => n));
    return counts.filter(([, n]) => n === top).map(([k]) => k).sort((a, b) => a.cmp(b));
  }),
  def('all', ['...list'], ([l], c) => {
    const xs = items(l);
    if (xs === null) return null;
    let out: boolean | null = true;
    for (const x of xs) {
      if (x === false) return false;
      if (x !== true) out = null;
    }
    if (out === null) c.warn('all(): items must be booleans');
    return out;
  }),
  def('any', ['...list'], ([l], c) => {
    const xs = items(l);
    if (xs === null) return null;
    let out: boolean | null = false;
    for (const x of xs) {
      if (x === true) return true;
      if (x !== false) out = null;
    }
    if (out === null) c.warn('any(): items must be booleans');
    return out;
  }),
  def('sublist', ['list, start position, length?'], ([l, s, n], c) => {
    const xs = list(l, c, 'sublist', 'list', true);
    const start = int(s, c, 'sublist', 'start position');
    if (xs === null || start === null) return null;
    const i = indexOrNull(xs, start);
    if (i === null) return fail(c, 'sublist(): start position out of range');
    if (n === undefined) return xs.slice(i);
    const len = int(n, c, 'sublist', 'length');
    if (len === null) return null;
    if (len < 0 || i + len > xs.length) return fail(c, 'sublist(): length out of range');
    return xs.slice(i, i + len);
  }),
  def('append', ['list, ...items'], ([l, rest], c) => {
    const xs = list(l, c, 'append', 'list', true);
    if (xs === null) return null;
    return [...xs, ...(rest as FeelValue[])];
  }),
  def('concatenate', ['...lists'], ([ls], c) => {
    const out: FeelValue[] = [];
    for (const x of ls as FeelValue[]) {
      if (!Array.isArray(x)) return fail(c, 'concatenate(): arguments must be lists');
      out.push(...x);
    }
    return out;
  }),
  def('insert before', ['list, position, newItem'], ([l, p, v], c) => {
    const xs = list(l, c, 'insert before', 'list', true);
    const pos = int(p, c, 'insert before', 'position');
    if (xs === null || pos === null) return null;
    const i = indexOrNull(xs, pos);
    if (i === null) return fail(c, 'insert before(): position out of range');
    const out = xs.slice();
    out.splice(i, 0, v ?? null);
    return out;
  }),
  def('remove', ['list, position'], ([l, p], c) => {
    const xs = list(l, c, 'remove', 'list', true);
    const pos = int(p, c, 'remove', 'position');
    if (xs === null || pos === null) return null;
    const i = indexOrNull(xs, pos);
    if (i === null) return fail(c, 'remove(): position out of range');
    const out = xs.slice();
    out.splice(i, 1);
    return out;
  }),
  def('list replace', ['list, position, newItem', 'list, match, newItem'], ([l, p, v], c) => {
    const xs = list(l, c, 'list replace', 'list');
    if (xs === null || p === null || p === undefined) return null;
    if (p instanceof FeelFunction) {
      const out: FeelValue[] = [];
      for (const x of xs) {
        const r = invoke(p, [x, v ?? null], c);
        if (typeof r !== 'boolean') return fail(c, 'list replace(): match must return true or false');
        out.push(r ? (v ?? null) : x);
      }
      return out;
    }
    const pos = int(p, c, 'list replace', 'position');
    if (pos === null) return null;
    const i = indexOrNull(xs, pos);
    if (i === null) return fail(c, 'list replace(): position out of range');
    const out = xs.slice();
    out[i] = v ?? null;
    return out;
  }),
  def('reverse', ['list'], ([l], c) => list(l, c, 'reverse', 'list', true)?.slice().reverse() ?? null),
  def('index of', ['list, match'], ([l, m], c) => {
    const xs = list(l, c, 'index of', 'list', true);
    if (xs === null) return null;
    const out: FeelValue[] = [];
    xs.forEach((x, i) => {
      if (feelEquals(x, m ?? null) === true) out.push(new Decimal(i + 1));
    });
    return out;
  }),
  def('union', ['...lists'], ([ls], c) => {
    const out: FeelValue[] = [];
    for (const x of ls as FeelValue[]) {
      if (!Array.isArray(x)) return fail(c, 'union(): arguments must be lists');
      out.push(...x);
    }
    return distinct(out);
  }),
  def('distinct values', ['list'], ([l], c) => {
    const xs = list(l, c, 'distinct values', 'list', true);
    return xs === null ? null : distinct(xs);
  }),
  def('flatten', ['list'], ([l], c) => {
    const xs = list(l, c, 'flatten', 'list', true);
    return xs === null ? null : flat(xs);
  }),
  def('sort', ['list, precedes?'], ([l, f], c) => {
    const xs = list(l, c, 'sort', 'list', true);
    if (xs === null) return null;
    if (f !== undefined && f !== null && !(f instanceof FeelFunction)) return fail(c, 'sort(): precedes must be a function');
    return sortList(xs, f, c);
  }),
];

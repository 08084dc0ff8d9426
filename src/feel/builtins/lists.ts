import { Decimal } from '../decimal';
import { invoke } from '../functions';
import { feelCompare, feelEquals } from '../ops';
import { type CallContext, FeelFunction, type FeelValue } from '../values';
import { def, fail, int, items, list } from './define';

function numbers(xs: FeelValue[] | null, c: CallContext, fn: string): Decimal[] | null {
  if (xs === null) return null;
  c.budget.step(xs.length);
  for (const x of xs) if (!(x instanceof Decimal)) return fail(c, `${fn}(): all items must be numbers`);
  return xs as Decimal[];
}

function extreme(fn: string, sign: number) {
  return def(fn, ['...list'], ([l], c) => {
    const xs = items(l);
    if (xs === null || xs.length === 0) return null;
    c.budget.step(xs.length);
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

/** A key equal for FEEL-equal simple values (so that set operations stay linear); undefined for others. */
function hashKey(x: FeelValue): string | undefined {
  if (x === null) return 'n';
  if (typeof x === 'string') return `s${x}`;
  if (typeof x === 'boolean') return x ? 'T' : 'F';
  if (x instanceof Decimal) return x.isZero() ? 'd0' : `d${x.toString()}`;
  return undefined;
}

/**
 * Splits `xs` into first occurrences and repeats (by FEEL equality). Simple values are hashed;
 * the rest (dates, contexts, lists) are compared with the earlier ones of their kind, and every
 * comparison is a step.
 */
export function occurrences(xs: readonly FeelValue[], c: CallContext): { firsts: FeelValue[]; repeats: FeelValue[] } {
  const firsts: FeelValue[] = [];
  const repeats: FeelValue[] = [];
  const seen = new Set<string>();
  const others: FeelValue[] = [];
  c.budget.step(xs.length);
  for (const x of xs) {
    const k = hashKey(x);
    let repeat: boolean;
    if (k !== undefined) {
      repeat = seen.has(k);
      seen.add(k);
    } else {
      c.budget.step(others.length);
      repeat = others.some((y) => feelEquals(x, y, c.budget) === true);
      if (!repeat) others.push(x);
    }
    (repeat ? repeats : firsts).push(x);
  }
  return { firsts, repeats };
}

function distinct(xs: FeelValue[], c: CallContext): FeelValue[] {
  return occurrences(xs, c).firsts;
}

/** `flatten`, without recursion (a list nested thousands deep must not overflow the stack). */
function flat(xs: FeelValue[], c: CallContext): FeelValue[] {
  const out: FeelValue[] = [];
  const stack: { list: FeelValue[]; i: number }[] = [{ list: xs, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.list.length) {
      stack.pop();
      continue;
    }
    const x = top.list[top.i++]!;
    c.budget.step();
    if (Array.isArray(x)) stack.push({ list: x, i: 0 });
    else {
      c.budget.checkSize(out.length + 1, 'flatten');
      out.push(x);
    }
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
  // A comparator's calls are paid for by `invoke`; natural order pays n·log n up front.
  if (!(precedes instanceof FeelFunction)) c.budget.step(xs.length * Math.max(1, Math.ceil(Math.log2(xs.length + 1))));
  const out = xs.slice().sort(cmp);
  if (bad) return fail(c, 'sort(): items could not be ordered');
  return out;
}

/** A list a built-in made, once the budget pays for its elements. */
function produced(xs: FeelValue[], c: CallContext, fn: string): FeelValue[] {
  c.budget.collection(xs.length, fn);
  return xs;
}

export const LISTS: FeelFunction[] = [
  def('list contains', ['list, element'], ([l, e], c) => {
    const xs = list(l, c, 'list contains', 'list', true);
    if (xs === null) return null;
    c.budget.step(xs.length);
    return xs.some((x) => feelEquals(x, e ?? null, c.budget) === true);
  }),
  def('count', ['...list'], ([l]) => {
    // `count(null)` is no list (as for `sum(null)`), not a list of one null: a refused list counts nothing.
    if (Array.isArray(l) && l.length === 1 && l[0] === null) return null;
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
    const byValue = new Map<string, [Decimal, number]>();
    for (const x of xs) {
      const k = hashKey(x)!;
      const e = byValue.get(k);
      if (e) e[1]++;
      else byValue.set(k, [x, 1]);
    }
    const counts = [...byValue.values()];
    const top = Math.max(0, ...counts.map(([, n]) => n));
    return counts.filter(([, n]) => n === top).map(([k]) => k).sort((a, b) => a.cmp(b));
  }),
  def('all', ['...list'], ([l], c) => {
    const xs = items(l);
    if (xs === null) return null;
    c.budget.step(xs.length);
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
    c.budget.step(xs.length);
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
    if (n === undefined) return produced(xs.slice(i), c, 'sublist');
    const len = int(n, c, 'sublist', 'length');
    if (len === null) return null;
    if (len < 0 || i + len > xs.length) return fail(c, 'sublist(): length out of range');
    return produced(xs.slice(i, i + len), c, 'sublist');
  }),
  def('append', ['list, ...items'], ([l, rest], c) => {
    const xs = list(l, c, 'append', 'list', true);
    if (xs === null) return null;
    c.budget.collection(xs.length + (rest as FeelValue[]).length, 'append');
    return [...xs, ...(rest as FeelValue[])];
  }),
  def('concatenate', ['...lists'], ([ls], c) => {
    const lists = ls as FeelValue[];
    if (!lists.every(Array.isArray)) return fail(c, 'concatenate(): arguments must be lists');
    // Sized before it is built: concatenating a list with itself twenty times must not allocate.
    c.budget.collection(lists.reduce((n, x) => n + (x as FeelValue[]).length, 0), 'concatenate');
    return ([] as FeelValue[]).concat(...(lists as FeelValue[][]));
  }),
  def('insert before', ['list, position, newItem'], ([l, p, v], c) => {
    const xs = list(l, c, 'insert before', 'list', true);
    const pos = int(p, c, 'insert before', 'position');
    if (xs === null || pos === null) return null;
    const i = indexOrNull(xs, pos);
    if (i === null) return fail(c, 'insert before(): position out of range');
    c.budget.collection(xs.length + 1, 'insert before');
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
    c.budget.step(xs.length);
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
    c.budget.step(xs.length);
    const out = xs.slice();
    out[i] = v ?? null;
    return out;
  }),
  def('reverse', ['list'], ([l], c) => {
    const xs = list(l, c, 'reverse', 'list', true);
    return xs === null ? null : produced(xs.slice().reverse(), c, 'reverse');
  }),
  def('index of', ['list, match'], ([l, m], c) => {
    const xs = list(l, c, 'index of', 'list', true);
    if (xs === null) return null;
    c.budget.step(xs.length);
    const out: FeelValue[] = [];
    xs.forEach((x, i) => {
      if (feelEquals(x, m ?? null, c.budget) === true) out.push(new Decimal(i + 1));
    });
    return out;
  }),
  def('union', ['...lists'], ([ls], c) => {
    const lists = ls as FeelValue[];
    if (!lists.every(Array.isArray)) return fail(c, 'union(): arguments must be lists');
    c.budget.checkSize(lists.reduce((n, x) => n + (x as FeelValue[]).length, 0), 'union');
    return distinct(([] as FeelValue[]).concat(...(lists as FeelValue[][])), c);
  }),
  def('distinct values', ['list'], ([l], c) => {
    const xs = list(l, c, 'distinct values', 'list', true);
    return xs === null ? null : distinct(xs, c);
  }),
  def('flatten', ['list'], ([l], c) => {
    const xs = list(l, c, 'flatten', 'list', true);
    return xs === null ? null : flat(xs, c);
  }),
  def('sort', ['list, precedes?'], ([l, f], c) => {
    const xs = list(l, c, 'sort', 'list', true);
    if (xs === null) return null;
    if (f !== undefined && f !== null && !(f instanceof FeelFunction)) return fail(c, 'sort(): precedes must be a function');
    return sortList(xs, f, c);
  }),
];

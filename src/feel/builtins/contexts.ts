import { exhausted } from '../budget';
import { type CallContext, FeelContext, type FeelFunction, type FeelValue, typeNameOf } from '../values';
import { def, fail } from './define';

function entry(key: string, value: FeelValue): FeelContext {
  return new FeelContext(new Map<string, FeelValue>([['key', key], ['value', value]]));
}

function put(ctx: FeelContext, keys: string[], value: FeelValue, c: CallContext): FeelContext | null {
  c.budget.step(ctx.entries.size + 1);
  const m = new Map(ctx.entries);
  if (keys.length === 1) {
    m.set(keys[0], value);
    return new FeelContext(m);
  }
  const inner = m.get(keys[0]);
  const sub = inner instanceof FeelContext ? inner : inner === undefined || inner === null ? new FeelContext() : null;
  if (!sub) return null;
  const r = put(sub, keys.slice(1), value, c);
  if (!r) return null;
  m.set(keys[0], r);
  return new FeelContext(m);
}

function putPath(ctx: FeelContext, k: FeelValue | undefined, v: FeelValue | undefined, c: CallContext): FeelValue {
  if (!Array.isArray(k) || k.length === 0 || !k.every((x) => typeof x === 'string')) return fail(c, "context put(): 'keys' must be a non-empty list of strings");
  // The path nests the result as deep as it is long.
  const max = c.budget.limits.maxValueDepth;
  if (k.length > max) exhausted('value depth', max, "context put()'s key path");
  return put(ctx, k as string[], v ?? null, c) ?? fail(c, 'context put(): a key on the path is not a context');
}

export const CONTEXTS: FeelFunction[] = [
  def('get value', ['m, key'], ([m, k], c) => {
    if (!(m instanceof FeelContext)) return m === null ? null : fail(c, `get value(): 'm' must be a context, got ${typeNameOf(m ?? null)}`);
    if (typeof k !== 'string') return fail(c, "get value(): 'key' must be a string");
    return m.entries.get(k) ?? null;
  }),
  def('get entries', ['m'], ([m], c) => {
    if (!(m instanceof FeelContext)) return m === null ? null : fail(c, `get entries(): 'm' must be a context, got ${typeNameOf(m ?? null)}`);
    c.budget.collection(m.entries.size, 'get entries');
    return [...m.entries].map(([k, v]) => entry(k, v));
  }),
  def('context', ['entries'], ([es], c) => {
    const list = Array.isArray(es) ? es : es instanceof FeelContext ? [es] : null;
    if (!list) return fail(c, "context(): 'entries' must be a list of {key, value} contexts");
    c.budget.step(list.length);
    const m = new Map<string, FeelValue>();
    for (const e of list) {
      if (!(e instanceof FeelContext) || typeof e.entries.get('key') !== 'string' || !e.entries.has('value')) return fail(c, 'context(): every entry needs a string key and a value');
      const k = e.entries.get('key') as string;
      if (m.has(k)) return fail(c, `context(): duplicate key '${k}'`);
      m.set(k, e.entries.get('value') ?? null);
    }
    return new FeelContext(m);
  }),
  def('context put', ['context, key: string, value', 'context, keys, value'], [
    ([ctx, k, v], c) => {
      if (!(ctx instanceof FeelContext)) return fail(c, "context put(): 'context' must be a context");
      if (Array.isArray(k)) return putPath(ctx, k, v, c);
      if (typeof k !== 'string') return fail(c, "context put(): 'key' must be a string");
      return put(ctx, [k], v ?? null, c);
    },
    ([ctx, k, v], c) => {
      if (!(ctx instanceof FeelContext)) return fail(c, "context put(): 'context' must be a context");
      return putPath(ctx, k, v, c);
    },
  ]),
  def('context merge', ['contexts'], ([cs], c) => {
    const list = Array.isArray(cs) ? cs : cs instanceof FeelContext ? [cs] : null;
    if (!list) return fail(c, "context merge(): 'contexts' must be a list of contexts");
    const m = new Map<string, FeelValue>();
    for (const x of list) {
      if (!(x instanceof FeelContext)) return fail(c, 'context merge(): every item must be a context');
      c.budget.step(x.entries.size);
      for (const [k, v] of x.entries) m.set(k, v);
    }
    return new FeelContext(m);
  }),
];

import { Decimal } from '../decimal';
import { type CallContext, FeelFunction, type FeelParam, type FeelValue, typeNameOf } from '../values';

/** The body of a built-in: arguments in parameter order, `undefined` for omitted optional ones. */
export type Body = (args: (FeelValue | undefined)[], c: CallContext) => FeelValue;

/** Parses `'list, start position, length?'` into parameters (`?` marks optional, `...` variadic). */
function params(spec: string): { ps: FeelParam[]; variadic: boolean } {
  let variadic = false;
  const ps = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      if (s.startsWith('...')) {
        variadic = true;
        s = s.slice(3);
      }
      const colon = s.indexOf(':');
      const type = colon < 0 ? undefined : s.slice(colon + 1).trim();
      if (colon >= 0) s = s.slice(0, colon).trim();
      const optional = s.endsWith('?');
      return { name: optional ? s.slice(0, -1) : s, optional, type };
    });
  return { ps, variadic };
}

/**
 * Defines a built-in with one or more signatures, tried in order. `cost` is the budget steps a call
 * pays: 1, or `SLOW_COST` for built-ins that take 10 to 40 times longer than a call.
 * @example def('abs', ['n'], ([n], c) => ...)
 */
export function def(name: string, signatures: string[], body: Body | Body[], cost = 1): FeelFunction {
  const bodies = Array.isArray(body) ? body : signatures.map(() => body);
  const fns = signatures.map((s, i) => {
    const { ps, variadic } = params(s);
    return new FeelFunction(name, ps, bodies[i], variadic);
  });
  return new FeelFunction(name, fns[0].params, fns[0].body, fns[0].variadic, fns.slice(1), cost);
}

/**
 * The budget cost of a slow built-in (see `def`), measured against a FEEL function call: built-ins
 * that parse or build Temporal values pay it (twice when they resolve time zones), 34-digit
 * `sqrt`, `log` and `exp` half of it.
 */
export const SLOW_COST = 16;

/** A singleton list stands for its element where a single value is expected (DMN 1.5 10.3.2.9.4). */
function single(v: FeelValue | undefined): FeelValue | undefined {
  return Array.isArray(v) && v.length === 1 ? v[0] : v;
}

/** A number argument, or null with a warning naming the function and parameter. */
export function num(v: FeelValue | undefined, c: CallContext, fn: string, p: string): Decimal | null {
  v = single(v);
  if (v instanceof Decimal) return v;
  if (v !== null && v !== undefined) c.warn(`${fn}(): '${p}' must be a number, got ${typeNameOf(v)}`);
  return null;
}

/** A string argument, or null with a warning. */
export function str(v: FeelValue | undefined, c: CallContext, fn: string, p: string): string | null {
  v = single(v);
  if (typeof v === 'string') return v;
  if (v !== null && v !== undefined) c.warn(`${fn}(): '${p}' must be a string, got ${typeNameOf(v)}`);
  return null;
}

/** A list argument (a non-list value is taken as a singleton list), or null. */
export function list(v: FeelValue | undefined, c: CallContext, fn: string, p: string, strict = false): FeelValue[] | null {
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined) return null;
  if (strict) {
    c.warn(`${fn}(): '${p}' must be a list, got ${typeNameOf(v)}`);
    return null;
  }
  return [v];
}

/** An integer argument as a JS number, or null with a warning. */
export function int(v: FeelValue | undefined, c: CallContext, fn: string, p: string): number | null {
  const n = num(v, c, fn, p);
  if (n === null) return null;
  // Non-integers are truncated, as the TCK expects of positions and scales (`decimal(x, 2.5)`).
  return n.trunc().toNumber();
}

/** The values of a variadic "list or items" parameter: `max([1, 2])` and `max(1, 2)` alike. */
export function items(v: FeelValue | undefined): FeelValue[] | null {
  if (!Array.isArray(v)) return null;
  return v.length === 1 && Array.isArray(v[0]) ? v[0] : v;
}

export function fail(c: CallContext, msg: string): null {
  c.warn(msg);
  return null;
}

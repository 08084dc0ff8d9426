import { conformsTo, onlyBuiltinNames, parseType, type FeelType } from './types';
import { type CallContext, FeelFunction, type FeelParam, type FeelValue, typeNameOf } from './values';

/**
 * Builds a FEEL function value from host code (business knowledge models, decision services).
 * Parameters are names, or `{ name, type?, optional? }`; the body gets the arguments in order.
 *
 * @example
 * const double = makeFunction(['x'], ([x]) => (x instanceof Decimal ? x.times(2) : null));
 * invoke(double, [new Decimal(21)], ctx); // 42
 */
export function makeFunction(
  params: readonly (string | FeelParam)[],
  body: (args: FeelValue[], call: CallContext) => FeelValue,
  name = 'anonymous',
): FeelFunction {
  const ps = params.map((p) => (typeof p === 'string' ? { name: p } : p));
  return new FeelFunction(name, ps, (args, call) => body(args.map((a) => (a === undefined ? null : a)), call));
}

const typeCache = new Map<string, FeelType | null>();
/** The checkable type of a parameter, or null when it names types we cannot resolve. */
function paramType(p: FeelParam): FeelType | null {
  if (p.resolvedType) return p.resolvedType as FeelType;
  const t = p.type ?? '';
  let r = typeCache.get(t);
  if (r === undefined) {
    try {
      r = parseType(t);
      if (!onlyBuiltinNames(r)) r = null;
    } catch {
      r = null;
    }
    typeCache.set(t, r);
  }
  return r;
}

/** Arranges arguments by parameter; returns a reason string when they do not fit. */
function bind(fn: FeelFunction, args: readonly FeelValue[] | ReadonlyMap<string, FeelValue>): (FeelValue | undefined)[] | string {
  const ps = fn.params;
  let out: (FeelValue | undefined)[];
  if (Array.isArray(args)) {
    if (fn.variadic) {
      const fixed = ps.length - 1;
      if (args.length < fixed) return `expects at least ${fixed} arguments, got ${args.length}`;
      out = args.slice(0, fixed);
      const rest = args.slice(fixed);
      out.push(rest);
      if (rest.length === 0 && !ps[fixed].optional) return `expects at least ${fixed + 1} arguments, got ${args.length}`;
      return out;
    }
    if (args.length > ps.length) return `expects at most ${ps.length} arguments, got ${args.length}`;
    out = args.slice();
  } else {
    const named = args as ReadonlyMap<string, FeelValue>;
    out = new Array(ps.length).fill(undefined);
    for (const [k, v] of named) {
      const i = ps.findIndex((p) => p.name === k);
      if (i < 0) return `has no parameter named '${k}'`;
      out[i] = fn.variadic && i === ps.length - 1 ? [v] : v;
    }
    while (out.length && out[out.length - 1] === undefined && ps[out.length - 1].optional) out.pop();
  }
  for (let i = 0; i < ps.length; i++) {
    if (out[i] === undefined) {
      if (ps[i].optional) continue;
      if (!Array.isArray(args)) {
        out[i] = null;
        continue;
      }
      return `expects ${ps.filter((p) => !p.optional).length} arguments, got ${out.length}`;
    }
    const t = ps[i].type;
    if ((t || ps[i].resolvedType) && out[i] !== null) {
      const ft = paramType(ps[i]);
      if (ft && !conformsTo(out[i] as FeelValue, ft)) {
        // Implicit conversion from a singleton list (DMN 1.5 10.3.2.9.4).
        const v = out[i];
        if (Array.isArray(v) && v.length === 1 && conformsTo(v[0], ft)) out[i] = v[0];
        else if (ft.kind === 'list' && !Array.isArray(v) && conformsTo([v as FeelValue], ft)) out[i] = [v as FeelValue];
        else return `parameter '${ps[i].name}' expects ${t}, got ${typeNameOf(v)}`;
      }
    }
  }
  return out;
}

/**
 * Calls a FEEL function value with positional (array) or named (map) arguments. A call that does
 * not fit any signature gives null and a warning.
 *
 * @example invoke(fn, new Map([['x', new Decimal(1)]]), ctx)
 */
export function invoke(fn: FeelValue, args: readonly FeelValue[] | ReadonlyMap<string, FeelValue>, call: CallContext): FeelValue {
  if (!(fn instanceof FeelFunction)) {
    call.warn(`cannot invoke ${typeNameOf(fn)}: not a function`);
    return null;
  }
  let reason = '';
  for (let i = -1; i < fn.overloads.length; i++) {
    const f = i < 0 ? fn : fn.overloads[i];
    const bound = bind(f, args);
    if (typeof bound === 'string') {
      reason ||= bound;
      continue;
    }
    // Every call is a step and a level of nesting: recursion, however it is spelled, runs out.
    const budget = call.budget;
    budget.step(fn.cost);
    budget.enter(fn.name);
    try {
      return f.body(bound, call);
    } finally {
      budget.leave();
    }
  }
  call.warn(`${fn.name}(): ${reason}`);
  return null;
}

import type { CompareOp, Iteration, Node } from './ast';
import { BUILTINS } from './builtins';
import { Decimal } from './decimal';
import { javaFunctionFromContext } from './external-java';
import { invoke } from './functions';
import { add, divide, feelCompare, feelEquals, multiply, negate, power, subtract } from './ops';
import { pathOf } from './paths';
import { EvalState, Scope } from './scope';
import { parseDate, parseDateTime, parseDuration, parseTime } from './temporal';
import { conformsTo, type TypeResolver } from './types';
import {
  type CallContext, FeelContext, FeelDate, FeelFunction, type FeelParam, FeelRange, type FeelValue, typeNameOf,
} from './values';

/** A compiled expression: a closure over the scope chain and the call context. */
export type Ev = (sc: Scope, c: CallContext) => FeelValue;
/** A compiled positive unary test, applied to the input value. */
export type Test = (input: FeelValue, sc: Scope, c: CallContext) => boolean | null;

function formatTypeNode(n: Node & { t: 'fn' }, i: number): string | undefined {
  const t = n.params[i].type;
  if (!t) return undefined;
  const show = (x: typeof t): string => {
    switch (x.kind) {
      case 'name':
        return x.name;
      case 'list':
      case 'range':
        return `${x.kind}<${show(x.of)}>`;
      case 'context':
        return `context<${x.fields.map(([k, v]) => `${k}: ${show(v)}`).join(', ')}>`;
      case 'function':
        return `function<${x.params.map(show).join(', ')}> -> ${show(x.result)}`;
    }
  };
  return show(t);
}

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

// The item-definition resolver of the compilation in progress (compilation is synchronous).
let typeResolver: TypeResolver | undefined;

/** Compiles a syntax tree with a resolver for type names that are not built in (item definitions). */
export function compileWithTypes<T>(resolve: TypeResolver | undefined, f: () => T): T {
  const saved = typeResolver;
  typeResolver = resolve;
  try {
    return f();
  } finally {
    typeResolver = saved;
  }
}

/** Whether a subtree is made of literals only, so that its value can be computed once. */
function isConstant(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.t) {
    case 'num': case 'str': case 'bool': case 'null': case 'at':
      return true;
    case 'neg':
      return isConstant(n.e);
    case 'arith': case 'cmp':
      return isConstant(n.l) && isConstant(n.r);
    case 'range':
      return isConstant(n.lo) && isConstant(n.hi);
    case 'ut':
      return isConstant(n.e);
    default:
      return false;
  }
}

const FOLDABLE = new Set(['neg', 'arith', 'cmp', 'range', 'ut']);

/**
 * Compiles a syntax tree to a closure. Literal-only subtrees (`-5`, `[1..10)`, `< 100`, `1 / 3`)
 * are evaluated once here, unless that produced a warning (which must then show at run time).
 */
export function compileNode(n: Node): Ev {
  const ev = compileRaw(n);
  if (FOLDABLE.has(n.t) && isConstant(n)) {
    const probe = new EvalState(undefined);
    const v = ev(new Scope(null, null), probe);
    if (probe.warnings.length === 0) return () => v;
  }
  return ev;
}

function compileRaw(n: Node): Ev {
  switch (n.t) {
    case 'num': {
      // Literals are decimal128 too: more than 34 significant digits round.
      const v = new Decimal(n.v).toSignificantDigits(34);
      return () => v;
    }
    case 'str': {
      const v = n.v;
      return () => v;
    }
    case 'bool': {
      const v = n.v;
      return () => v;
    }
    case 'null':
      return () => null;
    case 'at': {
      const s = n.v;
      const v = /^-?P/.test(s) ? parseDuration(s) : s.includes('T') ? parseDateTime(s) : parseDate(s) ?? parseTime(s);
      return (_sc, c) => {
        if (v === null) c.warn(`@"${s}" is not a valid date, time, date and time or duration`);
        return v;
      };
    }
    case 'name':
      return compileName(n.name);
    case 'arith': {
      const l = compileNode(n.l);
      const r = compileNode(n.r);
      const op = { '+': add, '-': subtract, '*': multiply, '/': divide, '**': power }[n.op];
      if (n.op === '+') {
        return (sc, c) => {
          const a = l(sc, c);
          const b = r(sc, c);
          return a instanceof Decimal && b instanceof Decimal ? a.plus(b) : add(a, b, c);
        };
      }
      return (sc, c) => op(l(sc, c), r(sc, c), c);
    }
    case 'cmp':
      return compileCompare(n.op, compileNode(n.l), compileNode(n.r));
    case 'and': {
      const l = compileNode(n.l);
      const r = compileNode(n.r);
      return (sc, c) => {
        const a = l(sc, c);
        if (a === false) return false;
        const b = r(sc, c);
        if (b === false) return false;
        return a === true && b === true ? true : null;
      };
    }
    case 'or': {
      const l = compileNode(n.l);
      const r = compileNode(n.r);
      return (sc, c) => {
        const a = l(sc, c);
        if (a === true) return true;
        const b = r(sc, c);
        if (b === true) return true;
        return a === false && b === false ? false : null;
      };
    }
    case 'neg': {
      const e = compileNode(n.e);
      return (sc, c) => negate(e(sc, c), c);
    }
    case 'between': {
      const e = compileNode(n.e);
      const lo = compileNode(n.lo);
      const hi = compileNode(n.hi);
      return (sc, c) => {
        const v = e(sc, c);
        const a = feelCompare(v, lo(sc, c));
        const b = feelCompare(v, hi(sc, c));
        if (a === null || b === null) {
          if (v !== null) c.warn(`cannot compare ${typeNameOf(v)} in 'between'`);
          return a !== null && a < 0 ? false : b !== null && b > 0 ? false : null;
        }
        return a >= 0 && b <= 0;
      };
    }
    case 'in': {
      const e = compileNode(n.e);
      const tests = n.tests.map(compileTest);
      return (sc, c) => anyTest(tests, e(sc, c), sc, c);
    }
    case 'inst': {
      const e = compileNode(n.e);
      const type = n.type;
      const resolve = typeResolver;
      return (sc, c) => conformsTo(e(sc, c), type, resolve);
    }
    case 'path': {
      const e = compileNode(n.e);
      const name = n.name;
      return (sc, c) => pathOf(e(sc, c), name, c);
    }
    case 'filter':
      return compileFilter(compileNode(n.e), compileNode(n.f));
    case 'call':
      return compileCall(n);
    case 'if': {
      const cond = compileNode(n.c);
      const a = compileNode(n.a);
      const b = compileNode(n.b);
      return (sc, c) => (cond(sc, c) === true ? a(sc, c) : b(sc, c));
    }
    case 'for':
      return compileFor(n.iters, compileNode(n.body));
    case 'quant':
      return compileQuantified(n.every, n.iters, compileNode(n.cond));
    case 'list': {
      const items = n.items.map(compileNode);
      return (sc, c) => items.map((i) => i(sc, c));
    }
    case 'ctx': {
      const entries = n.entries.map(([k, e]) => [k, compileNode(e)] as const);
      return (sc, c) => {
        const m = new Map<string, FeelValue>();
        const inner = new Scope(sc, m);
        for (const [k, e] of entries) {
          if (m.has(k)) {
            c.warn(`duplicate context key '${k}'`);
            return null;
          }
          m.set(k, e(inner, c));
        }
        return new FeelContext(m);
      };
    }
    case 'range': {
      const lo = n.lo ? compileNode(n.lo) : () => null;
      const hi = n.hi ? compileNode(n.hi) : () => null;
      const loIn = n.loIn;
      const hiIn = n.hiIn;
      return (sc, c) => {
        const a = lo(sc, c);
        const b = hi(sc, c);
        if (a !== null && b !== null && feelCompare(a, b) === null) {
          c.warn(`range endpoints ${typeNameOf(a)} and ${typeNameOf(b)} are not comparable`);
          return null;
        }
        return new FeelRange(a, b, loIn, hiIn);
      };
    }
    case 'ut': {
      const e = compileNode(n.e);
      const op = n.op;
      return (sc, c) => {
        const v = e(sc, c);
        switch (op) {
          case '<':
            return new FeelRange(null, v, false, false, op);
          case '<=':
            return new FeelRange(null, v, false, true, op);
          case '>':
            return new FeelRange(v, null, false, false, op);
          case '>=':
            return new FeelRange(v, null, true, false, op);
          default:
            return new FeelRange(v, v, true, true, op);
        }
      };
    }
    case 'fn':
      return compileFunction(n);
    case 'not':
    case 'any':
      throw new Error(`'${n.t}' is only valid in unary tests`);
  }
}

function compileName(name: string): Ev {
  const builtin = BUILTINS.get(name);
  return (sc, c) => {
    const v = sc.lookup(name);
    if (v !== undefined) return v;
    if (builtin) return builtin;
    c.warn(`no variable named '${name}'`);
    return null;
  };
}

function compileCompare(op: CompareOp, l: Ev, r: Ev): Ev {
  if (op === '=' || op === '!=') {
    const neg = op === '!=';
    return (sc, c) => {
      const a = l(sc, c);
      const b = r(sc, c);
      const e = feelEquals(a, b);
      if (e === null) {
        c.warn(`cannot compare ${typeNameOf(a)} and ${typeNameOf(b)} with '${op}'`);
        return null;
      }
      return neg ? !e : e;
    };
  }
  const check = op === '<' ? (x: number) => x < 0 : op === '<=' ? (x: number) => x <= 0 : op === '>' ? (x: number) => x > 0 : (x: number) => x >= 0;
  return (sc, c) => {
    const a = l(sc, c);
    const b = r(sc, c);
    if (a instanceof Decimal && b instanceof Decimal) return check(a.cmp(b));
    const x = feelCompare(a, b);
    if (x === null) {
      if (a !== null && b !== null) c.warn(`cannot compare ${typeNameOf(a)} and ${typeNameOf(b)} with '${op}'`);
      return null;
    }
    return check(x);
  };
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

function compileFilter(list: Ev, f: Ev): Ev {
  return (sc, c) => {
    const lv = list(sc, c);
    if (lv === null) return null;
    const items = Array.isArray(lv) ? lv : [lv];
    const out: FeelValue[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      // The element's own entries win over the `item` binding (`[{item: 1}][item > 0]`).
      const inner = item instanceof FeelContext ? new Scope(new Scope(sc, null, 'item', item), item.entries) : new Scope(sc, null, 'item', item);
      const r = f(inner, c);
      if (r instanceof Decimal && i === 0) {
        if (!r.isInteger() || r.isZero()) {
          return null;
        }
        const idx = r.toNumber();
        const v = idx > 0 ? items[idx - 1] : items[items.length + idx];
        return v === undefined ? null : v;
      }
      if (r === true) out.push(item);
    }
    return out;
  };
}

function compileCall(n: Node & { t: 'call' }): Ev {
  const f = compileNode(n.f);
  const args = n.args.map(compileNode);
  const fname = n.f.t === 'name' ? n.f.name : 'expression';
  if (n.named) {
    const named = n.named.map(([k, e]) => [k, compileNode(e)] as const);
    return (sc, c) => {
      const fn = f(sc, c);
      if (!(fn instanceof FeelFunction)) {
        c.warn(`'${fname}' is not a function`);
        return null;
      }
      const m = new Map<string, FeelValue>();
      for (const [k, e] of named) m.set(k, e(sc, c));
      return invoke(fn, m, c);
    };
  }
  return (sc, c) => {
    const fn = f(sc, c);
    if (!(fn instanceof FeelFunction)) {
      c.warn(`'${fname}' is not a function`);
      return null;
    }
    const vals = new Array<FeelValue>(args.length);
    for (let i = 0; i < args.length; i++) vals[i] = args[i](sc, c);
    return invoke(fn, vals, c);
  };
}

function compileFunction(n: Node & { t: 'fn' }): Ev {
  const body = compileNode(n.body);
  const params: FeelParam[] = n.params.map((p, i) => ({ name: p.name, type: formatTypeNode(n, i) }));
  if (n.external) {
    // The body describes the external function; only whitelisted Java methods are available.
    return (sc, c) => {
      const fn = javaFunctionFromContext(body(sc, c), params);
      if (!fn) c.warn('external function is not supported (only whitelisted java.lang methods are)');
      return fn;
    };
  }
  return (sc) =>
    new FeelFunction('anonymous', params, (args, call) => {
      const m = new Map<string, FeelValue>();
      for (let i = 0; i < params.length; i++) m.set(params[i].name, args[i] ?? null);
      return body(new Scope(sc, m), call);
    });
}

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
  if (a instanceof FeelDate && b instanceof FeelDate) {
    const out: FeelValue[] = [];
    const step = a.date.until(b.date).sign >= 0 ? 1 : -1;
    let d = aIn ? a.date : a.date.add({ days: step });
    const end = bIn ? b.date : b.date.add({ days: -step });
    while (step > 0 ? d.until(end).sign >= 0 : d.until(end).sign <= 0) {
      out.push(new FeelDate(d));
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

function compileFor(iters: Iteration[], body: Ev): Ev {
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

function compileQuantified(every: boolean, iters: Iteration[], cond: Ev): Ev {
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

import type { CompareOp, Node } from './ast';
import { compileFor, compileQuantified } from './compile-iteration';
import { anyTest, compileTest } from './compile-tests';
import { BUILTINS } from './builtins';
import { compareDecimals, Decimal } from './decimal';
import { javaFunctionFromContext } from './external-java';
import { invoke } from './functions';
import { add, divide, feelCompare, feelEquals, multiply, negate, power, subtract, TEMPORAL_OP_COST } from './ops';
import { pathOf } from './paths';
import { FeelSyntaxError } from './errors';
import { EvalState, isPlainObject, normalize, Scope } from './scope';
import { parseDate, parseDateTime, parseDuration, parseTime } from './temporal';
import { conformsTo, resolveType, type TypeResolver } from './types';
import {
  type CallContext, FeelContext, FeelFunction, type FeelParam, FeelRange, type FeelValue, typeNameOf,
} from './values';

/** A compiled expression: a closure over the scope chain and the call context. */
export type Ev = (sc: Scope, c: CallContext) => FeelValue;

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

const MAX_TREE_DEPTH = 2_000;
let compileDepth = 0;

/**
 * Compiles a syntax tree to a closure. Literal-only subtrees (`-5`, `[1..10)`, `< 100`, `1 / 3`)
 * are evaluated once here, unless that produced a warning (which must then show at run time).
 */
export function compileNode(n: Node): Ev {
  // Long operator chains (`a + a + … + a`) nest the tree without nesting the parser: bound the
  // tree too, as evaluation recurses as deep as it.
  if (compileDepth >= MAX_TREE_DEPTH) {
    throw new FeelSyntaxError(`expression nested deeper than ${MAX_TREE_DEPTH.toLocaleString('en-US')} levels (an operator chain that long)`, 1, 1, 0);
  }
  compileDepth++;
  let ev: Ev;
  try {
    ev = compileRaw(n);
  } finally {
    compileDepth--;
  }
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
      const v = /^-?P/.test(s) ? parseDuration(s) : s.split('@', 1)[0]!.includes('T') ? parseDateTime(s) : parseDate(s) ?? parseTime(s);
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
    case 'path':
      return compilePath(n);
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

/**
 * `a.b.c`: when `a` is a caller's plain JSON object, walk the raw properties and convert only the
 * value reached, instead of converting the whole object on every evaluation.
 */
function compilePath(n: Node & { t: 'path' }): Ev {
  const props: string[] = [];
  let base: Node = n;
  while (base.t === 'path') {
    props.unshift(base.name);
    base = base.e;
  }
  if (base.t !== 'name') {
    const e = compileNode(n.e);
    const name = n.name;
    return (sc, c) => pathOf(e(sc, c), name, c);
  }
  const rootName = base.name;
  const slow = compileName(rootName);
  return (sc, c) => {
    let raw = sc.lookupRaw(rootName);
    let i = 0;
    let v: FeelValue;
    if (raw === undefined) v = slow(sc, c);
    else {
      while (i < props.length && isPlainObject(raw)) {
        raw = Object.prototype.hasOwnProperty.call(raw, props[i]) ? raw[props[i]] : null;
        i++;
      }
      v = normalize(raw, c.budget.limits.maxValueDepth, rootName);
    }
    for (; i < props.length; i++) v = pathOf(v, props[i], c);
    return v;
  };
}

function compileCompare(op: CompareOp, l: Ev, r: Ev): Ev {
  if (op === '=' || op === '!=') {
    const neg = op === '!=';
    return (sc, c) => {
      const a = l(sc, c);
      const b = r(sc, c);
      const e = feelEquals(a, b, c.budget);
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
    if (a instanceof Decimal && b instanceof Decimal) return check(compareDecimals(a, b));
    if (typeof a === 'object' && a !== null) c.budget.step(TEMPORAL_OP_COST);
    const x = feelCompare(a, b);
    if (x === null) {
      if (a !== null && b !== null) c.warn(`cannot compare ${typeNameOf(a)} and ${typeNameOf(b)} with '${op}'`);
      return null;
    }
    return check(x);
  };
}

function compileFilter(list: Ev, f: Ev): Ev {
  return (sc, c) => {
    const lv = list(sc, c);
    if (lv === null) return null;
    const items = Array.isArray(lv) ? lv : [lv];
    if (items.length === 0) {
      // `[][1]` is null (no such index) while `[][item > 1]` is [].
      return f(new Scope(sc, null, 'item', null), c) instanceof Decimal ? null : [];
    }
    const out: FeelValue[] = [];
    const budget = c.budget;
    for (let i = 0; i < items.length; i++) {
      budget.step();
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

/** The callee: a variable holding a function wins; a built-in is used when the name holds no function. */
function compileCallee(callee: Node): Ev {
  if (callee.t !== 'name') return compileNode(callee);
  const name = callee.name;
  const builtin = BUILTINS.get(name);
  return (sc, c) => {
    const v = sc.lookup(name);
    if (v instanceof FeelFunction) return v;
    if (builtin) return builtin;
    if (v === undefined) c.warn(`no function named '${name}'`);
    return v ?? null;
  };
}

/**
 * A call of a built-in with literal arguments (`exp(4)`, `date("2024-01-01")`, `duration("P1D")`)
 * is computed once here when that gave no warning (so `now()`, which warns without a clock, and
 * bad arguments stay at run time) and the value is immutable (not a list, context or function).
 * The callee is still looked up on each evaluation: a variable holding a function of that name
 * wins over the built-in, as in `compileCallee`.
 */
function compileCall(n: Node & { t: 'call' }): Ev {
  const ev = compileCallRaw(n);
  if (n.f.t !== 'name' || !BUILTINS.has(n.f.name) || !n.args.every(isConstant) || !(n.named ?? []).every(([, e]) => isConstant(e))) return ev;
  let v: FeelValue;
  try {
    const probe = new EvalState(undefined);
    v = ev(new Scope(null, null), probe);
    if (probe.warnings.length > 0 || !isImmutable(v)) return ev;
  } catch {
    return ev;
  }
  const name = n.f.name;
  const folded = v;
  return (sc, c) => (sc.lookup(name) instanceof FeelFunction ? ev(sc, c) : folded);
}

function isImmutable(v: FeelValue): boolean {
  return !(Array.isArray(v) || v instanceof FeelContext || v instanceof FeelFunction);
}

function compileCallRaw(n: Node & { t: 'call' }): Ev {
  const f = compileCallee(n.f);
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
  const resolve = typeResolver;
  const params: FeelParam[] = n.params.map((p, i) => ({
    name: p.name,
    type: formatTypeNode(n, i),
    resolvedType: p.type ? (resolveType(p.type, resolve) ?? undefined) : undefined,
  }));
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

import type { FeelScope, FeelWarning } from './api';
import { Budget, DEFAULT_LIMITS, exhausted, type FeelLimits } from './budget';
import { Decimal, isDecimal } from './decimal';
import { Temporal } from 'temporal-polyfill';
import { type CallContext, FeelContext, FeelDateTime, FeelObject, type FeelValue } from './values';

/**
 * A lexical scope chain. Each link holds either one binding (`k`/`v`, as for a lambda's single
 * parameter or a filter's `item`), a map of bindings, or the caller's root scope.
 */
export class Scope {
  constructor(
    readonly parent: Scope | null,
    readonly vars: ReadonlyMap<string, FeelValue> | null,
    readonly k: string | null = null,
    readonly v: FeelValue = null,
    readonly root: FeelScope | null = null,
    /** For the root link: how deep a caller's JSON value may nest (see `FeelLimits.maxValueDepth`). */
    readonly maxValueDepth = DEFAULT_LIMITS.maxValueDepth,
  ) {}

  /** The value bound to `name`, or undefined when no link binds it. */
  lookup(name: string): FeelValue | undefined {
    // Only the caller's root values need converting; frames hold FEEL values already.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let s: Scope | null = this;
    while (s) {
      if (s.k === name) return s.v;
      if (s.vars) {
        const v = s.vars.get(name);
        if (v !== undefined || s.vars.has(name)) return v;
      }
      if (s.root) {
        const r = lookupRoot(s.root, name);
        if (r !== undefined) return normalize(r, s.maxValueDepth, name);
      }
      s = s.parent;
    }
    return undefined;
  }

  /**
   * Like `lookup`, but a caller's (root) value comes back as given, unconverted: paths into plain
   * JSON objects (`order.total`) then convert only what they reach.
   */
  lookupRaw(name: string): unknown {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let s: Scope | null = this;
    while (s) {
      if (s.k === name) return s.v;
      if (s.vars) {
        const v = s.vars.get(name);
        if (v !== undefined || s.vars.has(name)) return v;
      }
      if (s.root) {
        const r = lookupRoot(s.root, name);
        if (r !== undefined) return r;
      }
      s = s.parent;
    }
    return undefined;
  }
}

function lookupRoot(root: FeelScope, name: string): unknown {
  let v: unknown;
  if (root instanceof Map) {
    v = root.get(name);
    if (v === undefined) return root.has(name) ? null : undefined;
  } else {
    const r = root as Record<string, FeelValue>;
    v = r[name];
    // Inherited members (`constructor`, `toString`, `__proto__`) are not variables.
    if (v === undefined || typeof v === 'function' || name === '__proto__') {
      if (!Object.prototype.hasOwnProperty.call(r, name)) return undefined;
      return v === undefined ? null : v;
    }
  }
  return v;
}

/** A plain JS object (JSON), as opposed to a FEEL value object. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}

// Lists already found to hold FEEL values only: a list variable read in a loop is checked once.
const checkedLists = new WeakSet<object>();
/** Lists up to this length are walked on every read instead of being remembered. */
const CHECK_WALKS_UP_TO = 16;

/**
 * Makes a host value a FEEL value: JS numbers become decimals, plain objects contexts, arrays lists.
 * FEEL values pass through untouched (cheaply, as this runs on every variable read). A value nested
 * deeper than `maxDepth` levels throws `FeelBudgetError` naming `name` (instead of overflowing the
 * stack somewhere later).
 */
export function normalize(v: unknown, maxDepth = DEFAULT_LIMITS.maxValueDepth, name?: string): FeelValue {
  // The common reads (strings, booleans, our decimals) return at once: this runs on every read.
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v !== null && typeof v === 'object' && ((v as { constructor?: unknown }).constructor === Decimal || v instanceof FeelObject)) return v as FeelValue;
  return normalizeAt(v, maxDepth, 0, name);
}

function normalizeAt(v: unknown, maxDepth: number, depth: number, name: string | undefined): FeelValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? new Decimal(v) : null;
    case 'bigint':
      return new Decimal(v.toString());
    case 'object':
      return normalizeObject(v, maxDepth, depth, name);
    default:
      return null;
  }
}

function normalizeObject(v: object, maxDepth: number, depth: number, name: string | undefined): FeelValue {
  // decimal.js clones share one prototype, so `instanceof` accepts any clone's decimals; but each
  // instance computes with its own constructor's precision. Re-create foreign ones with ours.
  if ((v as { constructor?: unknown }).constructor === Decimal) return v as Decimal;
  if (isDecimal(v)) return new Decimal(v.toString());
  if (Array.isArray(v)) {
    // A short list is walked faster than a WeakSet is asked (and adding to one is dearer still).
    const remember = v.length > CHECK_WALKS_UP_TO;
    if (remember && checkedLists.has(v)) return v as FeelValue[];
    if (depth >= maxDepth) tooDeep(maxDepth, name);
    for (let i = 0; i < v.length; i++) {
      const e = v[i];
      const n = normalizeAt(e, maxDepth, depth + 1, name);
      if (n !== e) {
        // Convert each element once: re-converting the first changed one would make nested
        // arrays (`[[[1]]]`) cost 2^depth.
        const out = v.slice(0, i) as FeelValue[];
        out.push(n);
        for (let j = i + 1; j < v.length; j++) out.push(normalizeAt(v[j], maxDepth, depth + 1, name));
        return out;
      }
    }
    if (remember) checkedLists.add(v);
    return v as FeelValue[];
  }
  if ('kind' in v && typeof (v as { kind: unknown }).kind === 'string' && Object.getPrototypeOf(v) !== Object.prototype) return v as FeelValue;
  if (depth >= maxDepth) tooDeep(maxDepth, name);
  if (v instanceof Map) {
    const m = new Map<string, FeelValue>();
    for (const [k, e] of v) m.set(String(k), normalizeAt(e, maxDepth, depth + 1, name));
    return new FeelContext(m);
  }
  if (v instanceof Date) {
    const ms = v.getTime();
    if (!Number.isFinite(ms)) return null;
    return new FeelDateTime(Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO('UTC').toPlainDateTime(), 0);
  }
  const m = new Map<string, FeelValue>();
  for (const [k, e] of Object.entries(v)) m.set(k, normalizeAt(e, maxDepth, depth + 1, name));
  return new FeelContext(m);
}

function tooDeep(maxDepth: number, name: string | undefined): never {
  return exhausted('value depth', maxDepth, name === undefined ? 'a value' : `variable '${name}'`);
}

const EMPTY: FeelWarning[] = [];
Object.freeze(EMPTY);

/**
 * Per-evaluation state: collected warnings, the clock and the budget. Implements the functions'
 * CallContext. The budget is a shared one (a DMN decision shares one over all its FEEL
 * evaluations) or its own, made on first use: a plain comparison never needs one.
 */
export class EvalState implements CallContext {
  warnings: FeelWarning[] = EMPTY;
  private own: Budget | undefined;
  constructor(
    private readonly clock: (() => Date | number) | undefined,
    private readonly shared?: Budget,
    private readonly limits: FeelLimits = DEFAULT_LIMITS,
  ) {}

  get budget(): Budget {
    return this.shared ?? (this.own ??= new Budget(this.limits));
  }

  /** How deeply a caller's JSON value may nest (without making a budget for it). */
  get maxValueDepth(): number {
    return (this.shared?.limits ?? this.limits).maxValueDepth;
  }

  warn(message: string): void {
    if (this.warnings === EMPTY) this.warnings = [];
    if (this.warnings.length < 100) this.warnings.push({ message });
  }

  now(): number {
    if (!this.clock) {
      this.warn('now()/today() need a clock in the evaluation options; none was given');
      return NaN;
    }
    const t = this.clock();
    return typeof t === 'number' ? t : t.getTime();
  }
}

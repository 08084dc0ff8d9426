import { DEFAULT_LIMITS, exhausted } from './budget';
import { feelToString, formatNumber } from './builtins/format';
import { Decimal } from './decimal';
import { normalize } from './scope';
import {
  formatDate, formatDateTime, formatDaysTime, formatTime, formatYearsMonths,
} from './temporal';
import {
  FeelContext, FeelDate, FeelDateTime, FeelDaysTimeDuration, FeelFunction, FeelRange, FeelTime, type FeelValue,
  FeelYearsMonthsDuration,
} from './values';

/** Options of `fromJson`. */
export interface FromJsonOptions {
  /** Nesting levels allowed (default `DEFAULT_LIMITS.maxValueDepth`, 1,000); deeper throws `FeelBudgetError`. */
  readonly maxDepth?: number;
  /** The variable the value is for, named in that error (`variable 'order' is nested deeper…`). */
  readonly name?: string;
}

/** Options of `toJson` and `toJsonExact`. */
export interface ToJsonOptions {
  /** Nesting levels allowed (default `DEFAULT_LIMITS.maxValueDepth`, 1,000); deeper throws `FeelBudgetError`. */
  readonly maxDepth?: number;
  /** What the value is, for that error (`the result`). */
  readonly what?: string;
}

/**
 * JS/JSON value to FEEL: numbers become decimals, objects contexts, arrays lists, JS Dates UTC
 * date-times; strings stay strings (use the `*FromString` converters for typed text). FEEL values
 * pass through. A value nested deeper than `maxDepth` throws `FeelBudgetError`.
 *
 * @example fromJson({ amount: 120, tags: ['a'] })
 */
export function fromJson(value: unknown, options?: FromJsonOptions): FeelValue {
  return normalize(value, options?.maxDepth ?? DEFAULT_LIMITS.maxValueDepth, options?.name);
}

/**
 * FEEL value to plain JSON: decimals become numbers (beware: beyond double precision they lose
 * digits; use `toJsonExact` when that matters), temporal values ISO strings, contexts objects,
 * functions and ranges readable FEEL text. A value nested deeper than `maxDepth` throws
 * `FeelBudgetError` (rather than overflowing the stack).
 *
 * @example toJson(evaluateResult.value)
 */
export function toJson(value: FeelValue, options?: ToJsonOptions): unknown {
  return toJsonAt(value, false, options?.maxDepth ?? DEFAULT_LIMITS.maxValueDepth, 0, options?.what);
}

/** Like `toJson`, but numbers become exact decimal strings (`"0.1"`), for lossless transport. */
export function toJsonExact(value: FeelValue, options?: ToJsonOptions): unknown {
  return toJsonAt(value, true, options?.maxDepth ?? DEFAULT_LIMITS.maxValueDepth, 0, options?.what);
}

function toJsonAt(value: FeelValue, exact: boolean, maxDepth: number, depth: number, what: string | undefined): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Decimal) return exact ? formatNumber(value) : value.toNumber();
  if (Array.isArray(value)) {
    if (depth >= maxDepth) exhausted('value depth', maxDepth, what ?? 'the value');
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = toJsonAt(value[i], exact, maxDepth, depth + 1, what);
    return out;
  }
  if (value instanceof FeelContext) {
    if (depth >= maxDepth) exhausted('value depth', maxDepth, what ?? 'the value');
    const o: Record<string, unknown> = {};
    for (const [k, v] of value.entries) {
      const j = toJsonAt(v, exact, maxDepth, depth + 1, what);
      // A key `__proto__` must stay a key, not replace the object's prototype.
      if (k === '__proto__') Object.defineProperty(o, k, { value: j, enumerable: true, writable: true, configurable: true });
      else o[k] = j;
    }
    return o;
  }
  if (value instanceof FeelDate) return formatDate(value.date, value.yearShift);
  if (value instanceof FeelTime) return formatTime(value);
  if (value instanceof FeelDateTime) return formatDateTime(value);
  if (value instanceof FeelDaysTimeDuration) return formatDaysTime(value);
  if (value instanceof FeelYearsMonthsDuration) return formatYearsMonths(value);
  if (value instanceof FeelRange || value instanceof FeelFunction) return feelToString(value);
  return null;
}

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

/**
 * JS/JSON value to FEEL: numbers become decimals, objects contexts, arrays lists, JS Dates UTC
 * date-times; strings stay strings (use the `*FromString` converters for typed text). FEEL values
 * pass through.
 *
 * @example fromJson({ amount: 120, tags: ['a'] })
 */
export function fromJson(value: unknown): FeelValue {
  return normalize(value);
}

/**
 * FEEL value to plain JSON: decimals become numbers (beware: beyond double precision they lose
 * digits; use `toJsonExact` when that matters), temporal values ISO strings, contexts objects,
 * functions and ranges readable FEEL text.
 *
 * @example toJson(evaluateResult.value)
 */
export function toJson(value: FeelValue): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Decimal) return value.toNumber();
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof FeelContext) {
    const o: Record<string, unknown> = {};
    for (const [k, v] of value.entries) o[k] = toJson(v);
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

/** Like `toJson`, but numbers become exact decimal strings (`"0.1"`), for lossless transport. */
export function toJsonExact(value: FeelValue): unknown {
  if (value instanceof Decimal) return formatNumber(value);
  if (Array.isArray(value)) return value.map(toJsonExact);
  if (value instanceof FeelContext) {
    const o: Record<string, unknown> = {};
    for (const [k, v] of value.entries) o[k] = toJsonExact(v);
    return o;
  }
  return toJson(value);
}

import type { Budget } from '../budget';
import { Decimal } from '../decimal';
import {
  formatDate, formatDateTime, formatDaysTime, formatTime, formatYearsMonths,
} from '../temporal';
import {
  FeelContext, FeelDate, FeelDateTime, FeelDaysTimeDuration, FeelFunction, FeelRange, FeelTime, type FeelValue,
  FeelYearsMonthsDuration, setValueFormatter,
} from '../values';

/** A number as FEEL writes it: plain digits, no exponent, no trailing zeros. */
export function formatNumber(n: Decimal): string {
  const s = n.toFixed();
  return s === '-0' ? '0' : s;
}

/**
 * The FEEL text of a value, as `string(from)` returns it. Strings nested in lists and contexts are
 * quoted; a top-level string is returned as is. With a budget, the text is checked against the
 * string limit as it grows (a list of a thousand references to one large string must not be
 * written out), and each element costs a step.
 */
export function feelToString(v: FeelValue, nested = false, budget?: Budget): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return nested ? JSON.stringify(v) : v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Decimal) return formatNumber(v);
  if (Array.isArray(v)) return joined('[', v, (e) => feelToString(e, true, budget), ']', budget);
  if (v instanceof FeelDate) return formatDate(v.date, v.yearShift);
  if (v instanceof FeelTime) return formatTime(v);
  if (v instanceof FeelDateTime) return formatDateTime(v);
  if (v instanceof FeelDaysTimeDuration) return formatDaysTime(v);
  if (v instanceof FeelYearsMonthsDuration) return formatYearsMonths(v);
  if (v instanceof FeelContext) {
    const entry = ([k, e]: [string, FeelValue]) => `${/^[\p{L}_][\p{L}\p{N}_ ]*$/u.test(k) ? k : JSON.stringify(k)}: ${feelToString(e, true, budget)}`;
    return joined('{', [...v.entries], entry, '}', budget);
  }
  if (v instanceof FeelRange) {
    if (v.start === null && v.end !== null) return `${v.endIncluded ? '<=' : '<'} ${feelToString(v.end, true)}`;
    if (v.end === null && v.start !== null) return `${v.startIncluded ? '>=' : '>'} ${feelToString(v.start, true)}`;
    return `${v.startIncluded ? '[' : '('}${feelToString(v.start, true)}..${feelToString(v.end, true)}${v.endIncluded ? ']' : ')'}`;
  }
  if (v instanceof FeelFunction) return `function(${v.params.map((p) => p.name).join(', ')})`;
  return String(v);
}

function joined<T>(open: string, items: readonly T[], show: (x: T) => string, close: string, budget: Budget | undefined): string {
  const parts: string[] = [];
  let length = 2;
  for (const x of items) {
    const p = show(x);
    if (budget) {
      // Pay for each piece once; the whole only has to stay under the limit.
      length += p.length + 2;
      if (length > budget.limits.maxStringLength) budget.text(length, 'string()');
      budget.text(p.length, 'string()');
    }
    parts.push(p);
  }
  return `${open}${parts.join(', ')}${close}`;
}

setValueFormatter((v) => feelToString(v));

/**
 * Test-case values ↔ FEEL values, for decision tests kept beside a model (the studio's "save as
 * test case", `flowdeck test`). The TCK runner has its own, stricter comparison (src/tools/tck).
 */
import {
  dateFromString, dateTimeFromString, Decimal, decimalFromString, durationFromString, feelEquals, feelToString, timeFromString,
} from '../../feel';
import { FeelContext, type FeelValue } from '../../feel/values';
import type { TckValue } from './read';

const NUMERIC = new Set(['decimal', 'double', 'float', 'int', 'integer', 'long', 'short', 'byte']);
const XSD_OF_KIND: Record<string, string> = {
  date: 'date', time: 'time', 'date and time': 'dateTime', 'days and time duration': 'duration', 'years and months duration': 'duration',
};

/** A test-file value as a FEEL value (invalid typed text becomes null). */
export function tckToFeel(v: TckValue | undefined): FeelValue {
  if (v === undefined || v.kind === 'nil') return null;
  if (v.kind === 'list') return v.items.map(tckToFeel);
  if (v.kind === 'context') return new FeelContext(new Map(v.entries.map((e) => [e.name, tckToFeel(e.value)])));
  const text = v.text.trim();
  if (v.type === undefined || v.type === 'string') return v.text;
  if (v.type === 'boolean') return text === 'true';
  if (NUMERIC.has(v.type)) return decimalFromString(text);
  if (v.type === 'date') return dateFromString(text);
  if (v.type === 'time') return timeFromString(text);
  if (v.type === 'dateTime') return dateTimeFromString(text);
  if (v.type.endsWith('uration')) return durationFromString(text);
  return v.text;
}

/** A FEEL value as a test-file value; functions and ranges have no test-file form (null). */
export function feelToTck(v: FeelValue): TckValue {
  if (v === null) return { kind: 'nil' };
  if (typeof v === 'string') return { kind: 'simple', type: 'string', text: v };
  if (typeof v === 'boolean') return { kind: 'simple', type: 'boolean', text: String(v) };
  if (Decimal.isDecimal(v)) return { kind: 'simple', type: 'decimal', text: (v as Decimal).toFixed() };
  if (Array.isArray(v)) return { kind: 'list', items: v.map(feelToTck) };
  if (v instanceof FeelContext) return { kind: 'context', entries: [...v.entries].map(([name, x]) => ({ name, value: feelToTck(x) })) };
  const type = XSD_OF_KIND[v.kind];
  return type ? { kind: 'simple', type, text: feelToString(v) } : { kind: 'nil' };
}

/** Undefined when `actual` is the expected value; else where and how they differ. */
export function differs(expected: FeelValue, actual: FeelValue, at = 'result'): string | undefined {
  if (expected === null || actual === null) return expected === actual ? undefined : `${at}: expected ${shown(expected)}, got ${shown(actual)}`;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return `${at}: expected ${shown(expected)}, got ${shown(actual)}`;
    for (let i = 0; i < expected.length; i++) {
      const d = differs(expected[i]!, actual[i]!, `${at}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (expected instanceof FeelContext) {
    if (!(actual instanceof FeelContext)) return `${at}: expected a context, got ${shown(actual)}`;
    const keys = new Set([...expected.entries.keys(), ...actual.entries.keys()]);
    for (const k of keys) {
      const d = differs(expected.entries.get(k) ?? null, actual.entries.get(k) ?? null, `${at}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  // Same kind and FEEL-equal, and printed alike (so 10:00+01:00 is not 09:00Z).
  const same = feelEquals(expected, actual) === true && feelToString(expected) === feelToString(actual);
  return same ? undefined : `${at}: expected ${shown(expected)}, got ${shown(actual)}`;
}

/** A value as FEEL text, strings quoted (so `"10"` and `10` read apart). */
function shown(v: FeelValue): string {
  return typeof v === 'string' ? JSON.stringify(v) : feelToString(v);
}

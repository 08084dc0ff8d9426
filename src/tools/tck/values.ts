/**
 * TCK values ↔ FEEL values: builds inputs from test files (through FEEL's constructors) and compares
 * results the way the reference runners do: lists in order, contexts by key, simple values exactly
 * against expectations read by `expected.ts`, which does not use the engine.
 */
import { compileExpression } from '../../feel';
import { Decimal } from '../../feel/decimal';
import { FeelContext, type FeelValue } from '../../feel/values';
import { describeExpected, matchesExactly, readExpected } from './expected';
import type { TckValue } from './test-file';

const NUMERIC_TYPES = new Set(['decimal', 'double', 'float', 'int', 'integer', 'long', 'short', 'byte', 'nonNegativeInteger', 'positiveInteger', 'negativeInteger', 'nonPositiveInteger', 'unsignedInt', 'unsignedLong']);
const TEMPORAL_CONSTRUCTORS: Record<string, string> = {
  date: 'date',
  dateTime: 'date and time',
  time: 'time',
  duration: 'duration',
  dayTimeDuration: 'duration',
  yearMonthDuration: 'duration',
};

const temporalCache = new Map<string, FeelValue>();

/** Converts a test-file value to a FEEL value. Temporal values go through FEEL's own constructors. */
export function toFeel(v: TckValue): FeelValue {
  switch (v.kind) {
    case 'nil':
      return null;
    case 'list':
      return v.items.map(toFeel);
    case 'context':
      return new FeelContext(new Map(v.entries.map((e) => [e.name, toFeel(e.value)])));
    case 'simple':
      return simple(v.type, v.text);
  }
}

function simple(type: string | undefined, text: string): FeelValue {
  if (type === undefined || type === 'string' || type === 'anyURI' || type === 'QName') return text;
  if (type === 'boolean') return text.trim() === 'true' || text.trim() === '1';
  if (NUMERIC_TYPES.has(type)) {
    const t = text.trim();
    if (t === 'INF' || t === 'NaN' || t === '-INF') return null;
    return new Decimal(t);
  }
  const ctor = TEMPORAL_CONSTRUCTORS[type];
  if (ctor) {
    const source = `${ctor}(${JSON.stringify(text.trim())})`;
    if (!temporalCache.has(source)) temporalCache.set(source, compileExpression(source, { names: [] }).evaluate(new Map()).value);
    return temporalCache.get(source)!;
  }
  return text;
}

/**
 * Compares an actual result with the expected value; returns undefined when they match, or a short
 * description of the first difference.
 */
export function compare(expected: TckValue | undefined, actual: FeelValue, path = ''): string | undefined {
  const at = path || 'result';
  if (expected === undefined || expected.kind === 'nil') {
    return actual === null ? undefined : `${at}: expected null, got ${show(actual)}`;
  }
  if (expected.kind === 'list') {
    if (!Array.isArray(actual)) return `${at}: expected a list of ${expected.items.length}, got ${show(actual)}`;
    if (actual.length !== expected.items.length) return `${at}: expected ${expected.items.length} items, got ${actual.length}: ${show(actual)}`;
    for (let i = 0; i < actual.length; i++) {
      const d = compare(expected.items[i], actual[i] ?? null, `${at}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (expected.kind === 'context') {
    if (!(actual instanceof FeelContext)) return `${at}: expected a context, got ${show(actual)}`;
    for (const e of expected.entries) {
      if (!actual.entries.has(e.name)) return `${at}: missing entry '${e.name}'`;
      const d = compare(e.value, actual.entries.get(e.name) ?? null, `${at}.${e.name}`);
      if (d) return d;
    }
    const extra = [...actual.entries.keys()].filter((k) => !expected.entries.some((e) => e.name === k));
    return extra.length ? `${at}: unexpected entries ${extra.join(', ')}` : undefined;
  }
  const want = readExpected(expected.type, expected.text);
  if (want === null) return actual === null ? undefined : `${at}: expected null (${expected.text}), got ${show(actual)}`;
  return matchesExactly(want, actual) ? undefined : `${at}: expected ${describeExpected(want)}, got ${show(actual)}`;
}

/** A short readable form of a FEEL value for failure details. */
export function show(v: FeelValue | undefined): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
  if (typeof v === 'boolean') return String(v);
  if (Decimal.isDecimal(v)) return (v as Decimal).toString();
  if (Array.isArray(v)) return `[${v.slice(0, 5).map(show).join(', ')}${v.length > 5 ? ', …' : ''}]`;
  if (v instanceof FeelContext) return `{${[...v.entries].slice(0, 5).map(([k, x]) => `${k}: ${show(x)}`).join(', ')}}`;
  const kind = (v as { kind?: string }).kind ?? 'value';
  const text = String((v as { toString(): string }).toString());
  return text === '[object Object]' ? kind : `${kind} ${text}`;
}

import { feelCompare, feelEquals } from '../../feel';
import { Decimal } from '../../feel/decimal';
import { FeelContext, type FeelValue } from '../../feel/values';
import type { Aggregation, HitPolicy } from '../model/types';

/** The outputs of one matched rule, in output column order. */
export type OutputRow = readonly FeelValue[];

/** How the hit policy turned the matched rows into the table's result. */
export type HitResult = { ok: true; value: FeelValue } | { ok: false; error: string };

export interface HitPolicyInput {
  readonly hitPolicy: HitPolicy;
  readonly aggregation?: Aggregation;
  readonly outputNames: readonly string[];
  /** Per output, its output values in priority order (highest first), or undefined. */
  readonly priorities: readonly (readonly FeelValue[] | undefined)[];
  /** Matched rows in rule order, with their rule indices. */
  readonly rows: readonly { readonly rule: number; readonly values: OutputRow }[];
}

/**
 * Applies a decision-table hit policy (DMN 1.5 §8.2.11) to the rows of the matched rules.
 *
 * @example
 * applyHitPolicy({ hitPolicy: 'FIRST', outputNames: ['x'], priorities: [undefined], rows }); // first row's value
 */
/** The row PRIORITY picks: the highest output priority, the first such in rule order. */
export function priorityWinner<R extends { values: OutputRow }>(rows: readonly R[], priorities: HitPolicyInput['priorities']): R {
  let best = rows[0]!;
  for (let i = 1; i < rows.length; i++) if (comparePriority(rows[i]!.values, best.values, priorities) < 0) best = rows[i]!;
  return best;
}

export function applyHitPolicy(input: HitPolicyInput): HitResult {
  const { rows, hitPolicy, outputNames } = input;
  // No helper closure: this runs once per table evaluation.
  switch (hitPolicy) {
    case 'UNIQUE':
      if (rows.length > 1) return { ok: false, error: `UNIQUE hit policy violated: rules ${ruleList(rows)} all match` };
      return { ok: true, value: shapeRow(rows[0]!.values, outputNames) };
    case 'ANY': {
      const first = rows[0]!;
      for (const r of rows) {
        if (!rowsEqual(r.values, first.values)) {
          return { ok: false, error: `ANY hit policy violated: rules ${ruleList(rows)} match with different outputs` };
        }
      }
      return { ok: true, value: shapeRow(first.values, outputNames) };
    }
    case 'FIRST':
      return { ok: true, value: shapeRow(rows[0]!.values, outputNames) };
    case 'PRIORITY':
      return { ok: true, value: shapeRow(priorityWinner(rows, input.priorities).values, outputNames) };
    case 'RULE ORDER':
      return { ok: true, value: rows.map((r) => shapeRow(r.values, outputNames)) };
    case 'OUTPUT ORDER': {
      const sorted = [...rows].sort((a, b) => comparePriority(a.values, b.values, input.priorities) || a.rule - b.rule);
      return { ok: true, value: sorted.map((r) => shapeRow(r.values, outputNames)) };
    }
    case 'COLLECT':
      return collect(input);
  }
}

function collect(input: HitPolicyInput): HitResult {
  const { rows, aggregation } = input;
  if (!aggregation) return { ok: true, value: rows.map((r) => shapeRow(r.values, input.outputNames)) };
  // With several outputs each column is aggregated on its own (as Drools does).
  const columns: FeelValue[] = [];
  for (let c = 0; c < Math.max(1, input.outputNames.length); c++) {
    const r = aggregate(aggregation, rows.map((row) => row.values[c] ?? null));
    if (!r.ok) return r;
    columns.push(r.value);
  }
  return { ok: true, value: shapeRow(columns, input.outputNames) };
}

function aggregate(aggregation: Aggregation, values: FeelValue[]): HitResult {
  switch (aggregation) {
    case 'COUNT': {
      // C# counts distinct outputs (DMN 1.5 §8.2.11).
      const distinct: FeelValue[] = [];
      for (const v of values) if (!distinct.some((d) => d === v || feelEquals(d, v) === true)) distinct.push(v);
      return { ok: true, value: new Decimal(distinct.length) };
    }
    case 'SUM': {
      if (values.length === 0) return { ok: true, value: null };
      let sum = new Decimal(0);
      for (const v of values) {
        if (!Decimal.isDecimal(v)) return { ok: false, error: `COLLECT SUM over a value that is not a number` };
        sum = sum.plus(v as Decimal);
      }
      return { ok: true, value: sum };
    }
    case 'MIN':
    case 'MAX': {
      if (values.length === 0) return { ok: true, value: null };
      let best: FeelValue = values[0]!;
      for (const v of values.slice(1)) {
        const c = feelCompare(v, best);
        if (c === null) return { ok: false, error: `COLLECT ${aggregation} over values that cannot be compared` };
        if ((aggregation === 'MIN' && c < 0) || (aggregation === 'MAX' && c > 0)) best = v;
      }
      if (feelCompare(best, best) === null) return { ok: false, error: `COLLECT ${aggregation} over values that cannot be compared` };
      return { ok: true, value: best };
    }
  }
}

/** Single output → its value; several → a context keyed by output name. */
export function shapeRow(values: OutputRow, names: readonly string[]): FeelValue {
  if (names.length <= 1) return values[0] ?? null;
  const entries = new Map<string, FeelValue>();
  names.forEach((n, i) => entries.set(n, values[i] ?? null));
  return new FeelContext(entries);
}

function rowsEqual(a: OutputRow, b: OutputRow): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i] || feelEquals(v, b[i] ?? null) === true);
}

/** Negative when `a` has the higher priority (its values come earlier in the output values lists). */
function comparePriority(a: OutputRow, b: OutputRow, priorities: readonly (readonly FeelValue[] | undefined)[]): number {
  for (let i = 0; i < priorities.length; i++) {
    const list = priorities[i];
    if (!list) continue;
    const d = rank(a[i] ?? null, list) - rank(b[i] ?? null, list);
    if (d !== 0) return d;
  }
  return 0;
}

function rank(v: FeelValue, list: readonly FeelValue[]): number {
  const i = list.findIndex((x) => x === v || feelEquals(x, v) === true);
  return i < 0 ? list.length : i;
}

function ruleList(rows: readonly { rule: number }[]): string {
  return rows.map((r) => r.rule + 1).join(', ');
}

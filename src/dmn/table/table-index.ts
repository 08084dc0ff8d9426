import { Decimal } from '../../feel/decimal';
import { equalityKey, intervalContains, shapeOf, type EntryShape, type NumericInterval } from './entry-shape';
import { IntervalIndex } from './interval-index';

interface ColumnIndex {
  /** Literal key → rules (ascending) having that literal among their entry's alternatives. */
  readonly byKey: Map<string, number[]>;
  readonly intervals: IntervalIndex;
  /** Rules (ascending) whose entry in this column is `-` or not indexable. */
  readonly unindexed: number[];
}

/**
 * An index over a decision table's input entries. Given the input values it yields, in rule order,
 * the only rules that can match; simple entries of those rules are checked natively and only
 * `opaque` entries are left to FEEL (see {@link TableIndex.needsFeel}).
 *
 * @example
 * const index = new TableIndex([['"a"', '< 5'], ['-', '>= 5']]);
 * index.candidates(['a', new Decimal(7)]); // [1]: rule 0 fails '< 5', rule 1 passes
 */
export class TableIndex {
  readonly shapes: EntryShape[][];
  private readonly columns: (ColumnIndex | undefined)[];
  private readonly ruleCount: number;

  /** @param entries input entry texts, one row per rule, one column per input */
  constructor(entries: readonly (readonly string[])[], columnCount: number) {
    this.ruleCount = entries.length;
    this.shapes = entries.map((row) => Array.from({ length: columnCount }, (_, c) => shapeOf(row[c] ?? '-')));
    this.columns = Array.from({ length: columnCount }, (_, c) => this.buildColumn(c));
  }

  /** True when the entry at (rule, column) must be tested by FEEL. */
  needsFeel(rule: number, column: number): boolean {
    return this.shapes[rule]![column]!.kind === 'opaque';
  }

  /**
   * Rules (ascending) that may match; every entry of theirs that is not `opaque` has already been
   * checked against the inputs.
   */
  candidates(inputs: readonly unknown[]): number[] {
    // Pick the most selective column from cheap size estimates; materialize only its list.
    let best: number[][] | undefined;
    let bestSize = Infinity;
    let bestColumn = -1;
    for (let c = 0; c < this.columns.length; c++) {
      const col = this.columns[c];
      if (!col) continue;
      const parts = this.columnParts(col, inputs[c]);
      let size = 0;
      for (const p of parts) size += p.length;
      if (size < bestSize) {
        best = parts;
        bestSize = size;
        bestColumn = c;
      }
    }
    const pool = best ? mergeSorted(best) : rangeArray(this.ruleCount);
    const out: number[] = [];
    for (const rule of pool) {
      if (this.simpleEntriesMatch(rule, inputs, bestColumn)) out.push(rule);
    }
    return out;
  }

  private simpleEntriesMatch(rule: number, inputs: readonly unknown[], skipColumn: number): boolean {
    const row = this.shapes[rule]!;
    for (let c = 0; c < row.length; c++) {
      if (c === skipColumn) continue;
      const shape = row[c]!;
      if (shape.kind === 'simple' && !simpleMatches(shape, inputs[c])) return false;
    }
    return true;
  }

  /** Ascending lists of the rules that may match `value` in this column (their union is the answer). */
  private columnParts(col: ColumnIndex, value: unknown): number[][] {
    const parts: number[][] = [col.unindexed];
    const key = equalityKey(value);
    if (key !== undefined) {
      const eq = col.byKey.get(key);
      if (eq) parts.push(eq);
    }
    if (col.intervals.size > 0 && Decimal.isDecimal(value)) {
      const ivHits: number[] = [];
      col.intervals.query(value as Decimal, ivHits);
      if (ivHits.length > 0) parts.push(ivHits.sort((a, b) => a - b));
    }
    return parts;
  }

  private buildColumn(c: number): ColumnIndex | undefined {
    const byKey = new Map<string, number[]>();
    const intervals: { rule: number; iv: NumericInterval }[] = [];
    const unindexed: number[] = [];
    let simpleCount = 0;
    for (let r = 0; r < this.ruleCount; r++) {
      const shape = this.shapes[r]![c]!;
      if (shape.kind !== 'simple') {
        unindexed.push(r);
        continue;
      }
      simpleCount++;
      for (const k of new Set(shape.keys)) {
        let list = byKey.get(k);
        if (!list) byKey.set(k, (list = []));
        list.push(r);
      }
      for (const iv of shape.intervals) intervals.push({ rule: r, iv });
    }
    if (simpleCount === 0) return undefined;
    return { byKey, intervals: new IntervalIndex(intervals), unindexed };
  }
}

/** Natively decides a simple entry: equal to one literal or inside one interval. */
export function simpleMatches(shape: Extract<EntryShape, { kind: 'simple' }>, value: unknown): boolean {
  const key = equalityKey(value);
  if (key !== undefined && shape.keys.includes(key)) return true;
  if (shape.intervals.length > 0 && Decimal.isDecimal(value)) {
    for (const iv of shape.intervals) if (intervalContains(iv, value as Decimal)) return true;
  }
  return false;
}

function rangeArray(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Merges ascending arrays into one ascending array without duplicates (linear two-way merges). */
function mergeSorted(parts: number[][]): number[] {
  let acc: number[] = [];
  for (const p of parts) {
    if (p.length === 0) continue;
    acc = acc.length === 0 ? dedupe(p) : mergeTwo(acc, p);
  }
  return acc;
}

function mergeTwo(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out.length === 0 || out[out.length - 1] !== x) out.push(x);
  }
  return out;
}

function dedupe(sorted: number[]): number[] {
  let unique = true;
  for (let i = 1; i < sorted.length && unique; i++) if (sorted[i] === sorted[i - 1]) unique = false;
  if (unique) return sorted;
  const out: number[] = [];
  for (const x of sorted) if (out.length === 0 || out[out.length - 1] !== x) out.push(x);
  return out;
}

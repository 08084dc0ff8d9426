import { Decimal } from '../../feel/decimal';

/**
 * The shape of a decision-table input entry, when it is simple enough to index: `-`, literal
 * equalities (`"gold"`, `42`, `true`, or a comma list of those) and numeric comparisons/intervals
 * (`< 10`, `>= 18`, `[1..5)`). Anything else is `opaque` and goes through FEEL at evaluation time.
 */
export type EntryShape =
  | { kind: 'any' }
  | { kind: 'opaque' }
  | { kind: 'simple'; keys: string[]; intervals: NumericInterval[] };

/** A numeric interval; a missing bound is unbounded on that side. */
export interface NumericInterval {
  lo?: Decimal;
  loIncluded: boolean;
  hi?: Decimal;
  hiIncluded: boolean;
}

/**
 * The equality key of a FEEL value, or undefined when the value cannot equal any literal
 * (null, temporal values, lists, contexts...). Numbers compare by value: `5.0` and `5` share a key.
 */
export function equalityKey(v: unknown): string | undefined {
  if (typeof v === 'string') return `s:${v}`;
  if (typeof v === 'boolean') return v ? 'b:true' : 'b:false';
  if (Decimal.isDecimal(v)) {
    const d = v as Decimal;
    return d.isFinite() ? `n:${d.toString()}` : undefined;
  }
  return undefined;
}

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)$/;
const COMPARISON = /^(<=|>=|<|>)\s*(-?(?:\d+(?:\.\d*)?|\.\d+))$/;
const INTERVAL = /^([[(\]])\s*(-?(?:\d+(?:\.\d*)?|\.\d+))\s*\.\.\s*(-?(?:\d+(?:\.\d*)?|\.\d+))\s*([\])[])$/;

/**
 * Classifies an input entry's source text.
 *
 * @example
 * shapeOf('"a", "b"'); // { kind: 'simple', keys: ['s:a', 's:b'], intervals: [] }
 * shapeOf('[1..5)');   // { kind: 'simple', keys: [], intervals: [{ lo: 1, loIncluded: true, hi: 5, hiIncluded: false }] }
 */
export function shapeOf(text: string): EntryShape {
  const source = text.trim();
  if (source === '-' || source === '') return { kind: 'any' };
  const parts = splitTopLevelCommas(source);
  if (!parts) return { kind: 'opaque' };
  const keys: string[] = [];
  const intervals: NumericInterval[] = [];
  for (const raw of parts) {
    const part = raw.trim();
    if (part.startsWith('"')) {
      // Escapes would need FEEL's string rules; leave those to FEEL.
      if (part.length < 2 || !part.endsWith('"') || part.slice(1, -1).includes('"') || part.includes('\\')) return { kind: 'opaque' };
      keys.push(`s:${part.slice(1, -1)}`);
    } else if (part === 'true' || part === 'false') {
      keys.push(`b:${part}`);
    } else if (NUMBER.test(part)) {
      keys.push(`n:${new Decimal(part).toString()}`);
    } else {
      const cmp = COMPARISON.exec(part);
      if (cmp) {
        const bound = new Decimal(cmp[2]!);
        const op = cmp[1];
        if (op === '<') intervals.push({ hi: bound, hiIncluded: false, loIncluded: false });
        else if (op === '<=') intervals.push({ hi: bound, hiIncluded: true, loIncluded: false });
        else if (op === '>') intervals.push({ lo: bound, loIncluded: false, hiIncluded: false });
        else intervals.push({ lo: bound, loIncluded: true, hiIncluded: false });
        continue;
      }
      const iv = INTERVAL.exec(part);
      if (!iv) return { kind: 'opaque' };
      intervals.push({
        lo: new Decimal(iv[2]!),
        loIncluded: iv[1] === '[',
        hi: new Decimal(iv[3]!),
        hiIncluded: iv[4] === ']',
      });
    }
  }
  return { kind: 'simple', keys, intervals };
}

/** Splits on commas outside string literals; undefined when a string is left open. */
function splitTopLevelCommas(source: string): string[] | undefined {
  const out: string[] = [];
  let start = 0;
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '"') inString = !inString;
    else if (c === ',' && !inString) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  if (inString) return undefined;
  out.push(source.slice(start));
  return out;
}

/** True when the number lies in the interval. */
export function intervalContains(iv: NumericInterval, v: Decimal): boolean {
  if (iv.lo) {
    const c = v.cmp(iv.lo);
    if (c < 0 || (c === 0 && !iv.loIncluded)) return false;
  }
  if (iv.hi) {
    const c = v.cmp(iv.hi);
    if (c > 0 || (c === 0 && !iv.hiIncluded)) return false;
  }
  return true;
}

import type { FeelFunction, FeelValue } from '../values';
import { def, fail, int, list, str } from './define';
import { allMatches, groupText } from '../regex';
import { occurrences } from './lists';
import { regexFor } from './regex';

/**
 * Extensions of Camunda's FEEL (FEEL-Scala) that models authored in the Camunda modeler use.
 * Not DMN 1.5; deterministic ones only (no `uuid()` or `random number()`: those need a port).
 */
export const CAMUNDA: FeelFunction[] = [
  def('is defined', ['value'], ([v]) => v !== null && v !== undefined),
  def('get or else', ['value, default'], ([v, d]) => (v === null || v === undefined ? (d ?? null) : v)),
  def('is empty', ['list'], ([l], c) => {
    const xs = list(l, c, 'is empty', 'list', true);
    return xs === null ? null : xs.length === 0;
  }),
  def('is blank', ['string'], ([s], c) => {
    const x = str(s, c, 'is blank', 'string');
    return x === null ? null : x.trim() === '';
  }),
  def('trim', ['string'], ([s], c) => str(s, c, 'trim', 'string')?.trim() ?? null),
  def('extract', ['string, pattern'], ([s, p], c) => {
    const x = str(s, c, 'extract', 'string');
    const y = str(p, c, 'extract', 'pattern');
    if (x === null || y === null) return null;
    const re = regexFor(c, 'extract', y, '');
    if (!re) return null;
    const out: FeelValue[] = [];
    for (const m of allMatches(re, x, c.budget)) {
      c.budget.checkSize(out.length + 1, 'extract');
      out.push(groupText(x, m, 0));
    }
    return out;
  }),
  def('partition', ['list, size'], ([l, n], c) => {
    const xs = list(l, c, 'partition', 'list', true);
    const size = int(n, c, 'partition', 'size');
    if (xs === null || size === null) return null;
    if (size <= 0) return fail(c, 'partition(): size must be positive');
    c.budget.collection(xs.length, 'partition');
    const out: FeelValue[] = [];
    for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
    return out;
  }),
  def('duplicate values', ['list'], ([l], c) => {
    const xs = list(l, c, 'duplicate values', 'list', true);
    if (xs === null) return null;
    // Each repeated value once, in order of its first repeat.
    return occurrences(occurrences(xs, c).repeats, c).firsts;
  }),
];

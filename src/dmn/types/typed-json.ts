import { dateFromString, dateTimeFromString, durationFromString, timeFromString } from '../../feel';
import { FeelContext, type FeelValue } from '../../feel/values';
import type { DmnType } from './dmn-type';
import { elementOf } from './conformance';

/**
 * JSON has no dates: an input declared as `date`, `time`, `date and time` or a duration (directly,
 * inside a structure or a collection) may arrive as its ISO string. This turns such strings into
 * FEEL temporal values so that type checking accepts them; anything else is left as it is.
 *
 * @example
 * fromTypedJson('2024-01-31', registry.resolve(ns, 'date')); // FeelDate 2024-01-31
 */
export function fromTypedJson(v: FeelValue, t: DmnType, depth = 0): FeelValue {
  if (v === null || depth > 32) return v;
  switch (t.kind) {
    case 'builtin':
      return typeof v === 'string' ? parseTemporal(v, t.name) ?? v : v;
    case 'item': {
      if (t.collection) {
        const el = elementOf(t);
        return Array.isArray(v) ? v.map((x) => fromTypedJson(x, el, depth + 1)) : fromTypedJson(v, el, depth + 1);
      }
      if (t.components && v instanceof FeelContext) {
        let changed = false;
        const entries = new Map(v.entries);
        for (const [name, ct] of t.components) {
          const cv = entries.get(name);
          if (cv === undefined) continue;
          const converted = fromTypedJson(cv, ct, depth + 1);
          if (converted !== cv) {
            entries.set(name, converted);
            changed = true;
          }
        }
        return changed ? new FeelContext(entries) : v;
      }
      return t.base ? fromTypedJson(v, t.base, depth + 1) : v;
    }
    default:
      return v;
  }
}

function parseTemporal(s: string, typeName: string): FeelValue | undefined {
  switch (typeName) {
    case 'date': return dateFromString(s) ?? undefined;
    case 'time': return timeFromString(s) ?? undefined;
    case 'date and time': return dateTimeFromString(s) ?? undefined;
    case 'days and time duration':
    case 'years and months duration':
    case 'duration':
      return durationFromString(s) ?? undefined;
    default:
      return undefined;
  }
}

import { Temporal } from 'temporal-polyfill';
import { civilFromDays, daysFromCivil, MS_PER_DAY } from './calendar';

/**
 * UTC offsets of IANA zones by plain arithmetic. Temporal (through `Intl`) is asked once per zone
 * and year for the offset at New Year and the transitions in that year; after that an offset is a
 * walk over two or three entries. Zoned cycles (`R/...[Europe/Berlin]/P1D`) then cost about as much
 * as UTC ones. Memoised, deterministic: the module stays pure.
 */

interface YearTable {
  /** Offset in ms at 00:00 UTC on January 1. */
  startOffset: number;
  /** Transitions within the year, in order: from `at` (epoch ms) on, the offset is `offset`. */
  transitions: { at: number; offset: number }[];
}

const tables = new Map<string, YearTable>();
const TABLE_LIMIT = 4096;
/** No real zone changes its offset more often than this within one year. */
const MAX_TRANSITIONS_PER_YEAR = 64;

function yearTable(zone: string, year: number): YearTable {
  const key = `${zone}|${year}`;
  const cached = tables.get(key);
  if (cached) return cached;
  const from = daysFromCivil(year, 1, 1) * MS_PER_DAY;
  const to = daysFromCivil(year + 1, 1, 1) * MS_PER_DAY;
  let zdt = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(zone);
  const table: YearTable = { startOffset: zdt.offsetNanoseconds / 1e6, transitions: [] };
  for (let i = 0; i < MAX_TRANSITIONS_PER_YEAR; i++) {
    const next = zdt.getTimeZoneTransition('next');
    if (next === null || next.epochMilliseconds >= to) break;
    table.transitions.push({ at: next.epochMilliseconds, offset: next.offsetNanoseconds / 1e6 });
    zdt = next;
  }
  if (tables.size >= TABLE_LIMIT) tables.clear();
  tables.set(key, table);
  return table;
}

function yearOf(at: number): number {
  return civilFromDays(Math.floor(at / MS_PER_DAY)).year;
}

/** The UTC offset of `zone` at instant `at`, in ms. */
export function offsetAt(zone: string, at: number): number {
  const table = yearTable(zone, yearOf(at));
  let offset = table.startOffset;
  for (const t of table.transitions) {
    if (t.at > at) break;
    offset = t.offset;
  }
  return offset;
}

/** True when `zone` changes its offset at some instant in [from, to] (a span of at most a year). */
export function hasTransitionBetween(zone: string, from: number, to: number): boolean {
  for (let year = yearOf(from); year <= yearOf(to); year++) {
    if (yearTable(zone, year).transitions.some((t) => t.at >= from && t.at <= to)) return true;
  }
  return false;
}

import type { Parsed } from './types';

/**
 * Spring's `CronExpression` syntax (Spring 5.3+), which Zeebe uses for `timeCycle` cron values:
 * six fields `second minute hour day-of-month month day-of-week`, separated by single spaces, or a
 * macro. Each field is `*`, a number, a range `a-b`, a step `x/n` (`*` or a number or a range
 * before the slash; a number alone means "from there to the end"), or a comma list of these.
 * Month and day-of-week accept English three-letter names in any case; day-of-week is 0-7 with 0
 * and 7 both Sunday. Day-of-month also takes `?` (any), `L`, `L-n`, `LW` and `nW`; day-of-week also
 * takes `?`, `dL` (last d of the month) and `d#n` (n-th d of the month).
 *
 * The fields are ANDed, as in Spring: `0 0 0 13 * FRI` is every Friday the 13th (Vixie cron would
 * OR the two day fields).
 */

/** The compiled form: lookup tables for the time fields, bit masks and specials for the date fields. */
export interface CronSpec {
  /** `nextSecond[i]` is the first allowed second >= i, or -1 (length 61). */
  nextSecond: Int8Array;
  nextMinute: Int8Array;
  nextHour: Int8Array;
  /** `months[m]` for m = 1..12. */
  months: boolean[];
  /** Bit d-1 set when day-of-month d is listed plainly. */
  domMask: number;
  domSpecials: DomSpecial[];
  /** Bit w set when ISO weekday w (1 = Monday ... 7 = Sunday) is listed plainly. */
  dowMask: number;
  dowSpecials: DowSpecial[];
}

export type DomSpecial =
  | { kind: 'last'; minus: number } // L, L-n
  | { kind: 'lastWeekday' } // LW
  | { kind: 'nearestWeekday'; day: number }; // nW

export type DowSpecial =
  | { kind: 'lastInMonth'; weekday: number } // dL
  | { kind: 'nthInMonth'; weekday: number; n: number }; // d#n

const MACROS: Record<string, string> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};

interface FieldType {
  name: string;
  min: number;
  max: number;
}

const SECOND: FieldType = { name: 'second', min: 0, max: 59 };
const MINUTE: FieldType = { name: 'minute', min: 0, max: 59 };
const HOUR: FieldType = { name: 'hour', min: 0, max: 23 };
const DAY_OF_MONTH: FieldType = { name: 'day-of-month', min: 1, max: 31 };
const MONTH: FieldType = { name: 'month', min: 1, max: 12 };
/** `*` means 1-7; 0 is accepted as a value and means Sunday, as 7 does. */
const DAY_OF_WEEK: FieldType = { name: 'day-of-week', min: 1, max: 7 };

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAY_NAMES = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

/** A fault inside one field; `CronError` adds which field. */
class FieldError extends Error {}
class CronError extends Error {}

/** The six-field text a macro stands for, or the trimmed expression itself. */
export function resolveMacro(expression: string): string {
  const trimmed = expression.trim();
  return MACROS[trimmed.toLowerCase()] ?? trimmed;
}

/**
 * Parses a Spring cron expression or macro into a {@link CronSpec}.
 *
 * @example
 * parseCron('0 0 9-17 * * MON-FRI'); // { ok: true, value: { ... } }
 * parseCron('0 0 25 * * *');         // { ok: false, reason: "hour field '25': 25 is out of range 0-23" }
 */
export function parseCron(expression: string): Parsed<CronSpec> {
  const resolved = resolveMacro(expression);
  if (resolved === '') return { ok: false, reason: 'the value is empty' };
  const fields = resolved.split(' ');
  if (fields.length !== 6) return { ok: false, reason: explainFieldCount(resolved, fields) };
  // Each field's fault is reported with the field's name and text.
  const field = <T>(i: number, type: FieldType, parse: (text: string) => T): T => {
    try {
      return parse(fields[i]);
    } catch (e) {
      if (e instanceof FieldError) throw new CronError(`${type.name} field '${fields[i]}': ${e.message}`);
      throw e;
    }
  };
  try {
    const seconds = field(0, SECOND, (t) => parseBits(t, SECOND));
    const minutes = field(1, MINUTE, (t) => parseBits(t, MINUTE));
    const hours = field(2, HOUR, (t) => parseBits(t, HOUR));
    const days = field(3, DAY_OF_MONTH, parseDaysOfMonth);
    const months = field(4, MONTH, (t) => parseBits(replaceNames(t, MONTH_NAMES), MONTH));
    const weekdays = field(5, DAY_OF_WEEK, (t) => parseDaysOfWeek(replaceNames(t, DAY_NAMES)));
    return {
      ok: true,
      value: {
        nextSecond: nextTable(seconds, 59),
        nextMinute: nextTable(minutes, 59),
        nextHour: nextTable(hours, 23),
        months: Array.from({ length: 13 }, (_, m) => m >= 1 && months[m]),
        domMask: days.mask,
        domSpecials: days.specials,
        dowMask: weekdays.mask,
        dowSpecials: weekdays.specials,
      },
    };
  } catch (e) {
    if (e instanceof CronError) return { ok: false, reason: e.message };
    throw e;
  }
}

function explainFieldCount(resolved: string, fields: string[]): string {
  if (fields.includes('')) return `separate the six fields with single spaces (found ${fields.length} fields)`;
  if (fields.length === 5) {
    return 'a cron expression has 6 fields (second minute hour day-of-month month day-of-week): found 5; add the seconds first, e.g. 0 ' + resolved;
  }
  return `a cron expression has 6 fields (second minute hour day-of-month month day-of-week), found ${fields.length}`;
}

function replaceNames(value: string, names: string[]): string {
  let v = value.toUpperCase();
  names.forEach((name, i) => { v = v.split(name).join(String(i + 1)); });
  return v;
}

/** `bits[v]` for v in the field's values (day-of-week keeps 0 for Sunday until the caller folds it). */
function parseBits(value: string, type: FieldType): boolean[] {
  if (value === '') throw new FieldError('the field is empty');
  const bits = new Array<boolean>(type.max + 1).fill(false);
  for (const item of value.split(',')) {
    if (item === '') throw new FieldError('a list has an empty item');
    const slash = item.indexOf('/');
    const rangeText = slash === -1 ? item : item.slice(0, slash);
    const [from, rangeTo] = parseRange(rangeText, type);
    let to = rangeTo;
    let step = 1;
    if (slash !== -1) {
      const stepText = item.slice(slash + 1);
      if (!/^\d+$/.test(stepText)) throw new FieldError(`the step '${stepText}' must be a whole number`);
      step = Number(stepText);
      if (step < 1) throw new FieldError('the step must be 1 or more');
      if (!rangeText.includes('-')) to = type.max; // `5/15` runs from 5 to the end of the field
    }
    for (let v = from; v <= to; v += step) bits[v] = true;
  }
  return bits;
}

function parseRange(text: string, type: FieldType): [number, number] {
  if (text === '*') return [type.min, type.max];
  const dash = text.indexOf('-');
  if (dash === -1) {
    const v = checkValue(parseNumber(text, type), type);
    return [v, v];
  }
  let from = checkValue(parseNumber(text.slice(0, dash), type), type);
  const to = checkValue(parseNumber(text.slice(dash + 1), type), type);
  if (type === DAY_OF_WEEK && from === 7) from = 0; // SUN-TUE: Sunday starts the range
  if (from > to) throw new FieldError(`the range ${text} runs backwards`);
  return [from, to];
}

function parseNumber(text: string, type: FieldType): number {
  if (!/^\d+$/.test(text)) throw new FieldError(`'${text}' is not a ${type.name} value`);
  return Number(text);
}

function checkValue(v: number, type: FieldType): number {
  if (type === DAY_OF_WEEK && v === 0) return 0;
  if (v < type.min || v > type.max) {
    throw new FieldError(`${v} is out of range ${type === DAY_OF_WEEK ? 0 : type.min}-${type.max}`);
  }
  return v;
}

/**
 * A day field: one bit mask for its plain items, plus the Quartz specials. As in Spring, a field
 * without special characters is parsed whole; one with them item by item, the items ORed.
 */
function parseDayField<S>(value: string, isSpecial: (text: string) => boolean, plain: (item: string) => number, special: (item: string) => S): { mask: number; specials: S[] } {
  if (!isSpecial(value)) return { mask: plain(value), specials: [] };
  let mask = 0;
  const specials: S[] = [];
  for (const item of value.split(',')) {
    if (item === '') throw new FieldError('a list has an empty item');
    if (isSpecial(item)) specials.push(special(item));
    else mask |= plain(item);
  }
  return { mask, specials };
}

const anyIfQuestion = (item: string) => (item === '?' ? '*' : item);

function parseDaysOfMonth(value: string): { mask: number; specials: DomSpecial[] } {
  return parseDayField(value, (v) => v.includes('L') || v.includes('W'), (item) => toMask(parseBits(anyIfQuestion(item), DAY_OF_MONTH), 1), parseQuartzDay);
}

function parseQuartzDay(item: string): DomSpecial {
  const l = item.lastIndexOf('L');
  if (l !== -1) {
    if (l !== 0) throw new FieldError(`unexpected characters before 'L' in '${item}'`);
    if (item === 'L') return { kind: 'last', minus: 0 };
    if (item === 'LW') return { kind: 'lastWeekday' };
    const m = /^L-(\d+)$/.exec(item);
    if (!m || Number(m[1]) === 0) throw new FieldError(`'${item}' must be L, LW or L-n with n of 1 or more`);
    return { kind: 'last', minus: Number(m[1]) };
  }
  const w = item.lastIndexOf('W');
  if (w === 0) throw new FieldError(`no day before 'W' in '${item}'`);
  if (w !== item.length - 1) throw new FieldError(`unexpected characters after 'W' in '${item}'`);
  const day = checkValue(parseNumber(item.slice(0, w), DAY_OF_MONTH), DAY_OF_MONTH);
  return { kind: 'nearestWeekday', day };
}

function parseDaysOfWeek(value: string): { mask: number; specials: DowSpecial[] } {
  return parseDayField(value, (v) => v.includes('L') || v.includes('#'), (item) => toMask(foldSunday(parseBits(anyIfQuestion(item), DAY_OF_WEEK)), 0), parseQuartzWeekday);
}

function parseQuartzWeekday(item: string): DowSpecial {
  const l = item.lastIndexOf('L');
  if (l !== -1) {
    if (l !== item.length - 1) throw new FieldError("unexpected characters after 'L'");
    if (l === 0) throw new FieldError("no day of the week before 'L' (write 5L or FRIL for the last Friday)");
    return { kind: 'lastInMonth', weekday: parseWeekday(item.slice(0, l)) };
  }
  const hash = item.lastIndexOf('#');
  if (hash === 0) throw new FieldError("no day of the week before '#'");
  if (hash === item.length - 1) throw new FieldError("no ordinal after '#'");
  const weekday = parseWeekday(item.slice(0, hash));
  const ordinal = item.slice(hash + 1);
  if (!/^\d+$/.test(ordinal) || Number(ordinal) < 1 || Number(ordinal) > 5) {
    throw new FieldError('the ordinal after # must be 1-5 (a month has at most five of each weekday)');
  }
  return { kind: 'nthInMonth', weekday, n: Number(ordinal) };
}

function parseWeekday(text: string): number {
  const v = checkValue(parseNumber(text, DAY_OF_WEEK), DAY_OF_WEEK);
  return v === 0 ? 7 : v;
}

function foldSunday(bits: boolean[]): boolean[] {
  if (bits[0]) bits[7] = true;
  bits[0] = false;
  return bits;
}

/** Bits as an int: value v sets bit (v - base). */
function toMask(bits: boolean[], base: number): number {
  let mask = 0;
  bits.forEach((on, v) => { if (on) mask |= 1 << (v - base); });
  return mask;
}

function nextTable(bits: boolean[], max: number): Int8Array {
  const table = new Int8Array(max + 2).fill(-1);
  for (let v = max; v >= 0; v--) table[v] = bits[v] ? v : table[v + 1];
  return table;
}

import { daysFromCivil } from '../dates/civil-days';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * xs:dateTime (ISO 8601) text to epoch milliseconds, fast: XES logs carry one timestamp per event,
 * and `Date.parse` was a tenth of the reading time. The fast path takes
 * `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM|±HHMM)` with every field in range and gives exactly what
 * `Date.parse` gives (fractions truncated to milliseconds, as V8 does); anything else (no zone,
 * which is local time, a day past the month's end, signed years, a space for `T`) goes to
 * `Date.parse`. NaN when neither reads it.
 *
 * @example
 * parseXesDate('2026-01-05T09:00:00.250+01:00'); // 1767600000250
 */
export function parseXesDate(s: string): number {
  const n = s.length;
  if (n <= SCRATCH.length) {
    for (let i = 0; i < n; i++) SCRATCH[i] = s.charCodeAt(i) & 0xff;
    const t = parseXesDateBytes(SCRATCH, 0, n);
    // A character above 255 copied as its low byte could look like a digit: only ASCII text trusts the fast path.
    if (t === t && isAscii(s)) return t;
  }
  return Date.parse(s);
}

/**
 * The fast path of {@link parseXesDate} on UTF-8 bytes (`buf[from..to)`), as the XES scanner
 * reads timestamps without decoding them; NaN when the fast path does not take it (then decode
 * and call {@link parseXesDate}).
 */
export function parseXesDateBytes(s: Uint8Array, from: number, to: number): number {
  const n = to - from;
  const at = from;
  if (n < 20 || s[at + 4] !== 45 || s[at + 7] !== 45 || s[at + 13] !== 58 || s[at + 16] !== 58) return NaN;
  const T = s[at + 10];
  if (T !== 84 && T !== 116) return NaN;
  const year = d4(s, at);
  const month = d2(s, at + 5);
  const day = d2(s, at + 8);
  const hour = d2(s, at + 11);
  const minute = d2(s, at + 14);
  const second = d2(s, at + 17);
  if (!(month >= 1 && month <= 12 && day >= 1 && hour <= 23 && minute <= 59 && second <= 59 && year >= 0)) return NaN;
  if (day > DAYS_IN_MONTH[month - 1] && !(month === 2 && day === 29 && isLeap(year))) return NaN;
  let i = at + 19;
  let ms = 0;
  if (s[i] === 46) {
    i++;
    const first = i;
    for (let c = s[i]; i < to && c >= 48 && c <= 57; c = s[++i]) if (i - first < 3) ms = ms * 10 + c - 48;
    if (i === first) return NaN;
    if (i - first < 3) ms *= i - first === 1 ? 100 : 10;
  }
  let offset = 0;
  const z = i < to ? s[i] : -1;
  if (z === 90 || z === 122) i++;
  else if ((z === 43 || z === 45) && i + 5 <= to) {
    const oh = d2(s, i + 1);
    const colon = s[i + 3] === 58 ? 1 : 0;
    const om = i + 5 + colon <= to ? d2(s, i + 3 + colon) : NaN;
    if (!(oh <= 23 && om <= 59)) return NaN;
    offset = (z === 43 ? 1 : -1) * (oh * 60 + om) * 60_000;
    i += 5 + colon;
  } else return NaN;
  if (i !== to) return NaN;
  return daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms - offset;
}

const SCRATCH = new Uint8Array(48);

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** Two digits at `i` (NaN when not digits). */
function d2(s: Uint8Array, i: number): number {
  const a = s[i] - 48;
  const b = s[i + 1] - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

function d4(s: Uint8Array, i: number): number {
  return d2(s, i) * 100 + d2(s, i + 2);
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}


import { describe, expect, it } from 'vitest';
import { cronNext } from './cron-next';
import { parseCron } from './cron-parse';

/**
 * Property check of the jumping search against a brute-force oracle: random expressions from the
 * Spring grammar, each rendered as text and also described as plain value sets; the oracle answers
 * "does this second match?" with `Date` getters and the sets alone, never with the module's parser
 * or masks. For every result it checks that the result matches every field and that no second
 * between the start and the result matches.
 */

type DayRule = (y: number, m: number, d: number, weekday: number, dim: number) => boolean;

interface Generated {
  text: string;
  seconds: Set<number>;
  minutes: Set<number>;
  hours: Set<number>;
  months: Set<number>;
  dom: DayRule;
  dow: DayRule;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(20260427);
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T,>(xs: T[]): T => xs[int(0, xs.length - 1)];

/**
 * A plain field item (`*`, `n`, `a-b`, `*\/s`, `a/s`, `a-b/s`) with the values it stands for.
 * `maxStart` keeps day-of-week ranges from starting at 7, where Spring reads `7-b` as `0-b`
 * (covered by its own example spec); `starMin` is where `*` starts (1 for day-of-week, which
 * otherwise accepts 0).
 */
function plainItem(min: number, max: number, maxStart = max, starMin = min): [string, number[]] {
  const a = int(min, maxStart);
  const b = int(a, max);
  const step = int(1, Math.max(1, Math.floor((max - min) / 2)));
  const range = (from: number, to: number, s = 1) => Array.from({ length: Math.floor((to - from) / s) + 1 }, (_, i) => from + i * s);
  switch (int(0, 5)) {
    case 0: return ['*', range(starMin, max)];
    case 1: return [String(a), [a]];
    case 2: return [`${a}-${b}`, range(a, b)];
    case 3: return [`*/${step}`, range(starMin, max, step)];
    case 4: return [`${a}/${step}`, range(a, max, step)];
    default: return [`${a}-${b}/${step}`, range(a, b, step)];
  }
}

function plainField(min: number, max: number, maxStart = max, starMin = min): [string, Set<number>] {
  const items = Array.from({ length: int(1, 3) }, () => plainItem(min, max, maxStart, starMin));
  return [items.map(([t]) => t).join(','), new Set(items.flatMap(([, v]) => v))];
}

function domField(): [string, DayRule] {
  if (random() < 0.4) {
    const [text, set] = plainField(1, 31);
    return random() < 0.1 ? ['?', () => true] : [text, (_y, _m, d) => set.has(d)];
  }
  const n = int(1, 31);
  const minus = int(1, 5);
  return pick<[string, DayRule]>([
    ['L', (_y, _m, d, _w, dim) => d === dim],
    [`L-${minus}`, (_y, _m, d, _w, dim) => d === dim - minus],
    ['LW', (y, m, d, _w, dim) => d === lastWeekday(y, m, dim)],
    [`${n}W`, (y, m, d, _w, dim) => d === nearestWeekday(y, m, n, dim)],
  ]);
}

function dowField(): [string, DayRule] {
  if (random() < 0.6) {
    const [text, set] = plainField(0, 7, 6, 1);
    const has = (w: number) => set.has(w) || (w === 7 && set.has(0));
    return random() < 0.1 ? ['?', () => true] : [text, (_y, _m, _d, w) => has(w)];
  }
  const w = int(1, 7);
  const n = int(1, 5);
  const name = ['', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'][w];
  return pick<[string, DayRule]>([
    [`${random() < 0.5 ? w : name}L`, (_y, _m, d, wd, dim) => wd === w && d + 7 > dim],
    [`${random() < 0.5 ? w % 7 : name}#${n}`, (_y, _m, d, wd) => wd === w && Math.floor((d - 1) / 7) + 1 === n],
  ]);
}

function generate(): Generated {
  const [s, seconds] = random() < 0.5 ? ['0', new Set([0])] : plainField(0, 59);
  const [mi, minutes] = plainField(0, 59);
  const [h, hours] = plainField(0, 23);
  const [mo, months] = random() < 0.5 ? ['*', new Set(Array.from({ length: 12 }, (_, i) => i + 1))] : plainField(1, 12);
  const [dom, domRule] = domField();
  const [dow, dowRule] = dowField();
  return { text: [s, mi, h, dom, mo, dow].join(' '), seconds, minutes, hours, months, dom: domRule, dow: dowRule };
}

function weekdayOf(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

function lastWeekday(y: number, m: number, dim: number): number {
  let d = dim;
  while (weekdayOf(y, m, d) > 5) d--;
  return d;
}

/** Spring's `nW`: Saturday -> Friday (the 1st -> Monday the 3rd); Sunday -> Monday, if still in the month. */
function nearestWeekday(y: number, m: number, n: number, dim: number): number {
  if (n > dim) return -1;
  const w = weekdayOf(y, m, n);
  if (w === 6) return n === 1 ? 3 : n - 1;
  if (w === 7) return n + 1 <= dim ? n + 1 : -1;
  return n;
}

function dayMatches(g: Generated, dayStart: number): boolean {
  const date = new Date(dayStart);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const w = date.getUTCDay() || 7;
  return g.months.has(m) && g.dom(y, m, d, w, dim) && g.dow(y, m, d, w, dim);
}

function timeMatches(g: Generated, secondOfDay: number): boolean {
  return g.hours.has(Math.floor(secondOfDay / 3600)) && g.minutes.has(Math.floor(secondOfDay / 60) % 60) && g.seconds.has(secondOfDay % 60);
}

const DAY = 86_400_000;

/** The first matching second after `after`, by brute force, or null when none before `limit`. */
function oracleNext(g: Generated, after: number, limit: number): number | null {
  let t = Math.floor(after / 1000) * 1000 + 1000;
  while (t <= limit) {
    const dayStart = Math.floor(t / DAY) * DAY;
    if (dayMatches(g, dayStart)) {
      for (let s = (t - dayStart) / 1000; s < 86_400; s++) if (timeMatches(g, s)) return dayStart + s * 1000;
    }
    t = dayStart + DAY;
  }
  return null;
}

describe('cron next: property check against a brute-force oracle', () => {
  it('given 400 random Spring expressions and start instants, when the next match is computed, then it equals the oracle', () => {
    let checked = 0;
    for (let i = 0; i < 400; i++) {
      const g = generate();
      const parsed = parseCron(g.text);
      expect(parsed.ok, g.text).toBe(true);
      if (!parsed.ok) continue;
      let t = Date.UTC(int(1999, 2031), int(0, 11), int(1, 28), int(0, 23), int(0, 59), int(0, 59), int(0, 999));
      for (let k = 0; k < 3; k++) {
        const got = cronNext(parsed.value, t);
        // Beyond 30 years the oracle gives up; the result, if any, must then lie beyond too.
        const expected = oracleNext(g, t, t + 30 * 366 * DAY);
        if (expected === null) {
          expect(got === null || got > t + 30 * 366 * DAY, g.text).toBe(true);
          break;
        }
        expect({ expression: g.text, from: new Date(t).toISOString(), next: got === null ? null : new Date(got).toISOString() })
          .toEqual({ expression: g.text, from: new Date(t).toISOString(), next: new Date(expected).toISOString() });
        checked++;
        t = expected;
      }
    }
    expect(checked).toBeGreaterThan(600);
  });
});

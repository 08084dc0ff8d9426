/**
 * `npm run bench:timers` — speed of the timer module (`src/engine/timers`), as calls/s measured in
 * this run, with a baseline in the same run: a naive cron evaluator that steps one second at a time
 * (what "no jumps" would cost). Shows that a next due time is O(1)-ish per call: cron calls stay
 * in the hundreds of thousands per second even for a pattern that matches every 28 years.
 *
 * Options: `--quick` (shorter runs).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstDue, nextDue, parseTimer } from '../engine/timers';
import type { TimerSchedule } from '../engine/timers';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const quick = process.argv.includes('--quick');
const MIN_MILLIS = quick ? 300 : 1000;
const START = Date.parse('2026-04-27T10:17:23.456Z');

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

function schedule(kind: 'timeDuration' | 'timeCycle', value: string): TimerSchedule {
  const r = parseTimer({ kind, value });
  if (!r.ok) throw new Error(r.error);
  return r.schedule;
}

/** Calls/s of `fn(i)`, after a warm-up, over at least MIN_MILLIS. */
function rate(fn: (i: number) => unknown, minMillis = MIN_MILLIS): number {
  for (let i = 0; i < 200; i++) fn(i);
  let calls = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < minMillis) {
    for (let k = 0; k < 64; k++) fn(calls++);
    elapsed = performance.now() - t0;
  }
  return calls / (elapsed / 1000);
}

/**
 * Successive due times of a cycle or cron: each call advances from the previous one. A daily
 * cycle starts over after ten years of due times, as real timers live in the next few years
 * (the zone tables are then warm, as in a running host).
 */
function chain(s: TimerSchedule, horizon = 10 * 366 * 86_400_000): (i: number) => number {
  let due = firstDue(s, START)!;
  let done = 1;
  return () => {
    const next = nextDue(s, due, done++);
    due = next !== null && next < START + horizon ? next : firstDue(s, START)!;
    return due;
  };
}

// ---- the baseline: a cron matcher that steps one second at a time --------------------------------

function naiveCron(fields: string[]): (after: number) => number {
  const sets = fields.map((f, i) => expand(f, [[0, 59], [0, 59], [0, 23], [1, 31], [1, 12], [1, 7]][i] as [number, number]));
  return (after) => {
    for (let t = Math.floor(after / 1000) * 1000 + 1000; ; t += 1000) {
      const d = new Date(t);
      if (sets[0].has(d.getUTCSeconds()) && sets[1].has(d.getUTCMinutes()) && sets[2].has(d.getUTCHours())
        && sets[3].has(d.getUTCDate()) && sets[4].has(d.getUTCMonth() + 1) && sets[5].has(d.getUTCDay() || 7)) return t;
    }
  };
}

/** `*`, `a-b`, `*\/n` and lists, numbers only: enough for the baseline's patterns. */
function expand(field: string, [min, max]: [number, number]): Set<number> {
  const out = new Set<number>();
  for (const item of field.split(',')) {
    const [range, step] = item.split('/');
    const [a, b] = range === '*' ? [min, max] : range.includes('-') ? range.split('-').map(Number) : [Number(range), step ? max : Number(range)];
    for (let v = a; v <= b; v += step ? Number(step) : 1) out.add(v);
  }
  return out;
}

function naiveChain(fields: string[]): (i: number) => number {
  const next = naiveCron(fields);
  let due = START;
  return () => (due = next(due));
}

// ---- workloads -----------------------------------------------------------------------------------

const cronCases: { name: string; expression: string; naive?: string[] }[] = [
  { name: 'every 5 minutes', expression: '0 */5 * * * *', naive: ['0', '*/5', '*', '*', '*', '*'] },
  { name: 'hourly 9-17 on weekdays', expression: '0 0 9-17 * * MON-FRI', naive: ['0', '0', '9-17', '*', '*', '1-5'] },
  { name: 'daily at 02:30', expression: '0 30 2 * * *', naive: ['0', '30', '2', '*', '*', '*'] },
  { name: 'last weekday of the month', expression: '0 0 18 LW * *' },
  { name: 'second Friday of the month', expression: '0 0 0 ? * FRI#2' },
  { name: 'Feb 29 on a Monday (every 28 years)', expression: '0 0 0 29 2 MON' },
];

console.log('cron next due time (UTC), successive calls');
console.log('  pattern                                   ours calls/s   1-second scan calls/s    ratio');
const cronRows = cronCases.map(({ name, expression, naive }) => {
  const ours = rate(chain(schedule('timeCycle', expression), Infinity));
  // The baseline's calls take up to a minute each for daily patterns: give it a short, fixed budget.
  const scan = naive ? rate(naiveChain(naive), quick ? 200 : 600) : NaN;
  const ratio = ours / scan;
  console.log(`  ${name.padEnd(40)} ${fmt(ours).padStart(14)} ${(naive ? fmt(scan) : 'n/a').padStart(23)} ${(naive ? `${fmt(ratio)}x` : '').padStart(8)}`);
  return { name, expression, ours_per_s: ours, scan_per_s: naive ? scan : null, ratio: naive ? ratio : null };
});

const cycleCases: { name: string; kind: 'timeDuration' | 'timeCycle'; value: string; first?: boolean }[] = [
  { name: 'R/PT10M (UTC)', kind: 'timeCycle', value: 'R/PT10M' },
  { name: 'R/P1M (UTC, month ends)', kind: 'timeCycle', value: 'R/2026-01-31T12:00:00Z/P1M' },
  { name: 'R/P1D from a Berlin start (DST-aware)', kind: 'timeCycle', value: 'R/2026-03-27T10:00:00[Europe/Berlin]/P1D' },
  { name: 'PT10M first due (duration)', kind: 'timeDuration', value: 'PT10M', first: true },
];

console.log('\ncycles and durations');
const cycleRows = cycleCases.map(({ name, kind, value, first }) => {
  const s = schedule(kind, value);
  const perSec = first ? rate((i) => firstDue(s, START + i)) : rate(chain(s));
  console.log(`  ${name.padEnd(40)} ${fmt(perSec).padStart(14)} calls/s`);
  return { name, value, per_s: perSec };
});

const values = ['R3/PT10M', '0 0 9-17 * * MON-FRI', 'R/2026-03-27T10:00:00[Europe/Berlin]/P1D', 'P1DT2H'];
const parsePerSec = rate((i) => parseTimer({ kind: i % 4 === 3 ? 'timeDuration' : 'timeCycle', value: values[i % 4] }));
console.log(`\nparseTimer (mixed values)                  ${fmt(parsePerSec).padStart(14)} calls/s`);

const byName = (n: string) => cronRows.find((r) => r.name === n)!;
const summary = {
  cronWeekdayNextPerSec: Math.round(byName('hourly 9-17 on weekdays').ours_per_s),
  cronRareNextPerSec: Math.round(byName('Feb 29 on a Monday (every 28 years)').ours_per_s),
  cronWeekdayVsSecondScan: Math.round(byName('hourly 9-17 on weekdays').ratio!),
  cycleUtcNextPerSec: Math.round(cycleRows[0].per_s),
  cycleBerlinNextPerSec: Math.round(cycleRows[2].per_s),
  parseTimerPerSec: Math.round(parsePerSec),
};
const outDir = join(repoRoot, 'src', 'bench', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'timers.json'), `${JSON.stringify({ when: new Date().toISOString(), cron: cronRows, cycles: cycleRows, parsePerSec, summary }, null, 2)}\n`);
console.log(`\nfigures written to ${join(outDir, 'timers.json')}`);
console.log(JSON.stringify(summary));

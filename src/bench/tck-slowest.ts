/**
 * `npx tsx src/bench/tck-slowest.ts [N] [--filter text]` — the TCK cases with the highest median
 * evaluation time after compilation (same measurement as `bench:dmn`), to find where p99 goes.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFolders, runCase, tckDir } from '../tools/tck/runner';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const top = Number(args.find((a) => /^\d+$/.test(a)) ?? 40);
const filter = args.includes('--filter') ? args[args.indexOf('--filter') + 1] : undefined;
const rounds = Number(args.includes('--rounds') ? args[args.indexOf('--rounds') + 1] : 6);
const folders = loadFolders(tckDir(repoRoot), ['compliance-level-2', 'compliance-level-3']);
const cases = folders.flatMap((f) => f.testFiles.flatMap((tf) => (tf.compiled ? tf.cases.map((tc) => ({ f, tf, tc, compiled: tf.compiled! })) : [])))
  .filter((c) => !filter || `${c.f.folder} ${c.tf.name} ${c.tc.id}`.includes(filter));
const perCase: number[][] = cases.map(() => []);
for (let round = 0; round < rounds; round++) {
  cases.forEach(({ f, tf, tc, compiled }, i) => {
    const r = runCase(f.level, f.folder, tf.name, compiled, tc);
    if (round > 0) perCase[i]!.push(r.millis);
  });
}
const medians = perCase.map((xs, i) => ({ i, m: xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]! })).sort((a, b) => b.m - a.m);
const sorted = medians.map((x) => x.m).sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 1000;
console.log(`${cases.length} cases  p50 ${pct(50).toFixed(1)} µs  p90 ${pct(90).toFixed(1)} µs  p99 ${pct(99).toFixed(1)} µs`);
const total = sorted.reduce((a, b) => a + b, 0);
console.log(`sum of medians ${total.toFixed(1)} ms`);
for (const { i, m } of medians.slice(0, top)) {
  const { f, tf, tc } = cases[i]!;
  console.log(`${(m * 1000).toFixed(1).padStart(9)} µs  ${f.folder}  ${tf.name}  ${tc.id}`);
}

/**
 * `npm run bench:dmn` — DMN evaluation speed, as figures and ratios measured in this run:
 *
 * 1. Per-case latency over the DMN TCK after compilation (p50, p90, p99): each case's median over
 *    the measured rounds (so that a preemption on this shared machine does not count as the
 *    engine's time), then percentiles over the cases; the raw percentiles of all samples too.
 * 2. Evaluations/s of generated decision tables (10 … 10,000 rules; FIRST and COLLECT), for our
 *    engine with its rule index, our engine scanning, the `feelin` package doing the same
 *    unary-test evaluation of the same table through its public `unaryTest`/`evaluate` API, and
 *    `@hbtgmbh/dmn-eval-js` evaluating the same table (up to 1,000 rules).
 * 3. FEEL expressions and unary tests against feelin (`dmn-peers.ts`).
 *
 * The last line is one JSON object: `{ tckP50Us, tckP99Us, table1kEvalsPerSec, peerRatios }`.
 *
 * Options: `--quick` (fewer sizes and shorter runs), `--sizes 10,100`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate as feelinEvaluate, unaryTest as feelinUnaryTest } from 'feelin';
import { compileDmn, evaluateDecision, parseDmn, type CompiledDmn } from '../dmn';
import { loadFolders, runCase, tckDir } from '../tools/tck/runner';
import { dmnEvalJsTable, feelinRatios } from './dmn-peers';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const sizesArg = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : undefined;
const SIZES = sizesArg ? sizesArg.split(',').map(Number) : quick ? [10, 100, 1000] : [10, 100, 1000, 10000];
/** Time budget per contender and table, split over the interleaved rounds. */
const MIN_MILLIS = quick ? 500 : 1500;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const fmt = (x: number, digits = 1) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(digits));

// ---- 1. TCK latency ------------------------------------------------------------------------------

function tckLatency(): Record<string, number> {
  const folders = loadFolders(tckDir(repoRoot), ['compliance-level-2', 'compliance-level-3']);
  const cases = folders.flatMap((f) => f.testFiles.flatMap((tf) => (tf.compiled ? tf.cases.map((tc) => ({ f, tf, tc, compiled: tf.compiled! })) : [])));
  const rounds = quick ? 4 : 8;
  const perCase: number[][] = cases.map(() => []);
  let failed = 0;
  for (let round = 0; round < rounds; round++) {
    cases.forEach(({ f, tf, tc, compiled }, i) => {
      const r = runCase(f.level, f.folder, tf.name, compiled, tc);
      if (round === 0 && r.outcome !== 'SUCCESS') failed++;
      // The first round warms the JIT and caches; it is not measured.
      if (round > 0) perCase[i]!.push(r.millis);
    });
  }
  const medians = perCase.map((xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!).sort((a, b) => a - b);
  const samples = perCase.flat().sort((a, b) => a - b);
  const total = samples.reduce((a, b) => a + b, 0);
  const figures = {
    cases: cases.length,
    failed,
    p50_ms: percentile(medians, 50),
    p90_ms: percentile(medians, 90),
    p99_ms: percentile(medians, 99),
    max_ms: medians[medians.length - 1] ?? NaN,
    raw_p50_ms: percentile(samples, 50),
    raw_p99_ms: percentile(samples, 99),
    cases_per_s: samples.length / (total / 1000),
  };
  const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
  console.log(`TCK per-case latency after compilation (${cases.length} cases, ${failed} failing, median of ${rounds - 1} measured rounds per case)`);
  console.log(`  p50 ${us(figures.p50_ms)}   p90 ${us(figures.p90_ms)}   p99 ${us(figures.p99_ms)}   max ${us(figures.max_ms)}   ${fmt(figures.cases_per_s)} cases/s`);
  console.log(`  all samples: p50 ${us(figures.raw_p50_ms)}   p99 ${us(figures.raw_p99_ms)} (includes preemption on a loaded machine)`);
  return figures;
}

// ---- 2. Generated tables -------------------------------------------------------------------------

interface GeneratedTable {
  readonly xml: string;
  /** Input entries per rule, [Score entry, Tier entry], and the output entry. */
  readonly rules: readonly { score: string; tier: string; output: string }[];
}

/** Rules i: Score in [10i .. 10i+30) (so up to three rules overlap), Tier one of three or any. */
function generateTable(size: number, policy: 'FIRST' | 'COLLECT'): GeneratedTable {
  const rules = Array.from({ length: size }, (_, i) => ({
    score: `[${i * 10}..${i * 10 + 30})`,
    tier: i % 4 === 0 ? '-' : `"t${i % 3}"`,
    output: String(i),
  }));
  const rows = rules.map((r, i) => `<rule id="r${i}"><inputEntry><text>${r.score}</text></inputEntry><inputEntry><text>${r.tier}</text></inputEntry><outputEntry><text>${r.output}</text></outputEntry></rule>`).join('\n');
  const xml = `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" namespace="urn:bench" name="bench" id="bench">
  <inputData id="s" name="Score"><variable name="Score" typeRef="number"/></inputData>
  <inputData id="t" name="Tier"><variable name="Tier" typeRef="string"/></inputData>
  <decision id="d" name="Decide"><variable name="Decide"/>
    <informationRequirement><requiredInput href="#s"/></informationRequirement>
    <informationRequirement><requiredInput href="#t"/></informationRequirement>
    <decisionTable hitPolicy="${policy}">
      <input><inputExpression typeRef="number"><text>Score</text></inputExpression></input>
      <input><inputExpression typeRef="string"><text>Tier</text></inputExpression></input>
      <output typeRef="number"/>
${rows}
    </decisionTable></decision></definitions>`;
  return { xml, rules };
}

/** The same table evaluated by feelin: every entry through `unaryTest`, outputs through `evaluate`. */
function feelinTable(table: GeneratedTable, policy: 'FIRST' | 'COLLECT', score: number, tier: string): unknown {
  const out: unknown[] = [];
  for (const rule of table.rules) {
    if (feelinUnaryTest(rule.score, { '?': score }).value !== true) continue;
    if (feelinUnaryTest(rule.tier, { '?': tier }).value !== true) continue;
    const v = feelinEvaluate(rule.output, {}).value;
    if (policy === 'FIRST') return v;
    out.push(v);
  }
  return policy === 'FIRST' ? null : out;
}

/** Runs `fn` until `millis` have passed (at least `minRuns` calls); calls per second. */
function rate(fn: (i: number) => unknown, minRuns: number, millis: number): number {
  let runs = 0;
  const start = performance.now();
  let now = start;
  while (runs < minRuns || now - start < millis) {
    fn(runs);
    runs++;
    now = performance.now();
  }
  return runs / ((now - start) / 1000);
}

/**
 * Measures several contenders in interleaved rounds (A B C, A B C, …) and keeps each one's median
 * rate, so that a load spike on this shared machine hits all of them alike.
 */
function interleaved(contenders: { fn: (i: number) => unknown; minRuns: number }[], rounds: number): number[] {
  const rates: number[][] = contenders.map(() => []);
  for (let r = 0; r < rounds; r++) {
    contenders.forEach((c, i) => rates[i]!.push(rate(c.fn, c.minRuns, MIN_MILLIS / rounds)));
  }
  return rates.map((xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
}

function inputs(size: number): { score: number; tier: string }[] {
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: 256 }, () => ({ score: Math.floor(next() * size * 10), tier: `t${Math.floor(next() * 3)}` }));
}

async function tables(): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  console.log('\nGenerated decision tables: evaluations/s (higher is better), same run, same inputs');
  console.log(`  ${'rules'.padStart(6)} ${'policy'.padEnd(8)} ${'indexed'.padStart(11)} ${'scan'.padStart(11)} ${'feelin'.padStart(11)} ${'dmn-eval-js'.padStart(11)}  ${'indexed/feelin'.padStart(15)} ${'scan/feelin'.padStart(12)} ${'index/scan'.padStart(11)} ${'idx/dmn-eval'.padStart(12)}`);
  for (const size of SIZES) {
    for (const policy of ['FIRST', 'COLLECT'] as const) {
      const table = generateTable(size, policy);
      const model = parseDmn(table.xml);
      const indexed: CompiledDmn = compileDmn(model, { tableIndex: 'always' });
      const scanned: CompiledDmn = compileDmn(model, { tableIndex: 'never' });
      const data = inputs(size);
      const peer = size <= 1000 ? await dmnEvalJsTable(table.xml) : undefined;
      const ours = (c: CompiledDmn) => (i: number) => evaluateDecision(c, 'd', { Score: data[i % data.length]!.score, Tier: data[i % data.length]!.tier }, { now: () => 0 }).json;
      // The three must agree before their speeds mean anything.
      let mismatches = 0;
      for (let i = 0; i < Math.min(data.length, size >= 10000 ? 4 : 32); i++) {
        const a = JSON.stringify(ours(indexed)(i));
        const b = JSON.stringify(ours(scanned)(i));
        const c = JSON.stringify(feelinTable(table, policy, data[i]!.score, data[i]!.tier));
        const d = peer ? JSON.stringify(peer({ Score: data[i]!.score, Tier: data[i]!.tier })) : a;
        if (a !== b || a !== c || a !== d) mismatches++;
      }
      const [rIndexed, rScan, rFeelin, rPeer = NaN] = interleaved([
        { fn: ours(indexed), minRuns: 20 },
        { fn: ours(scanned), minRuns: size >= 10000 ? 1 : 3 },
        { fn: (i) => feelinTable(table, policy, data[i % data.length]!.score, data[i % data.length]!.tier), minRuns: 1 },
        ...(peer ? [{ fn: (i: number) => peer({ Score: data[i % data.length]!.score, Tier: data[i % data.length]!.tier }), minRuns: 1 }] : []),
      ], size >= 10000 ? 3 : 5) as [number, number, number, number?];
      rows.push({ rules: size, policy, indexed_per_s: rIndexed, scan_per_s: rScan, feelin_per_s: rFeelin, dmn_eval_js_per_s: rPeer, indexed_vs_feelin: rIndexed / rFeelin, scan_vs_feelin: rScan / rFeelin, indexed_vs_dmn_eval_js: rIndexed / rPeer, mismatches });
      console.log(`  ${String(size).padStart(6)} ${policy.padEnd(8)} ${fmt(rIndexed).padStart(11)} ${fmt(rScan).padStart(11)} ${fmt(rFeelin, 2).padStart(11)} ${(peer ? fmt(rPeer, 2) : '-').padStart(11)}  ${`${fmt(rIndexed / rFeelin)}x`.padStart(15)} ${`${fmt(rScan / rFeelin)}x`.padStart(12)} ${`${fmt(rIndexed / rScan)}x`.padStart(11)} ${(peer ? `${fmt(rIndexed / rPeer)}x` : '-').padStart(12)}${mismatches ? `   RESULTS DIFFER on ${mismatches} inputs` : ''}`);
    }
  }
  console.log('  (medians of interleaved rounds; feelin through its public API: unaryTest/evaluate parse the entry text on every call;');
  console.log('   dmn-eval-js parses the table once, as its README advises, and is left out at 10,000 rules)');
  return rows;
}

const tck = tckLatency();
const generated = await tables();
const feel = feelinRatios((fns) => interleaved(fns.map((fn) => ({ fn, minRuns: 50 })), 5));
const outDir = join(repoRoot, 'src', 'bench', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'dmn.json'), `${JSON.stringify({ when: new Date().toISOString(), tck, generated, feel }, null, 2)}\n`);
console.log(`\nfigures written to ${join(outDir, 'dmn.json')}`);
const row = (rules: number, policy: string) => generated.find((r) => r['rules'] === rules && r['policy'] === policy) as Record<string, number> | undefined;
const ratio = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? null : Number(x.toFixed(2)));
const peerRatios: Record<string, number | null> = {
  ...Object.fromEntries(Object.entries(feel).map(([k, v]) => [k, ratio(v)])),
  feelinTable1kFirst: ratio(row(1000, 'FIRST')?.['indexed_vs_feelin']),
  dmnEvalJsTable10First: ratio(row(10, 'FIRST')?.['indexed_vs_dmn_eval_js']),
  dmnEvalJsTable1kFirst: ratio(row(1000, 'FIRST')?.['indexed_vs_dmn_eval_js']),
  dmnEvalJsTable1kCollect: ratio(row(1000, 'COLLECT')?.['indexed_vs_dmn_eval_js']),
};
console.log(JSON.stringify({
  tckP50Us: Number((tck['p50_ms']! * 1000).toFixed(2)),
  tckP99Us: Number((tck['p99_ms']! * 1000).toFixed(2)),
  table1kEvalsPerSec: Math.round(row(1000, 'FIRST')?.['indexed_per_s'] ?? NaN),
  peerRatios,
}));

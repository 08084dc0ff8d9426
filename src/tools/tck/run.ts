/**
 * `npm run tck` — runs the DMN TCK and writes tck_results.csv.
 * `npm run tck:check` (`--check`) — also fails when fewer cases pass than src/tools/tck/baseline.json says.
 *
 * Options: `--filter <regex>` (folders), `--out <file>`, `--causes` (top failure causes),
 * `--failures` (list failed cases), `--update-baseline` (raise the baseline to this run's figures).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFolders, runAll, tckDir } from './runner';
import { formatSummary, summarize, toCsv, topCauses, type TckSummary } from './summary';
import { cliArgs } from '../cli-args';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const { flag, option } = cliArgs(process.argv.slice(2));

const started = performance.now();
const dir = tckDir(repoRoot);
const filterText = option('--filter');
const folders = loadFolders(dir, undefined, filterText ? new RegExp(filterText) : undefined);
if (folders.length === 0) {
  console.error(`No TCK test folders found in ${dir}${filterText ? ` matching ${filterText}` : ''}; set DMN_TCK_DIR to the TCK (its TestCases folder or its parent).`);
  process.exit(2);
}
const loaded = performance.now();
const results = runAll(folders);
const finished = performance.now();

const out = option('--out') ?? join(repoRoot, 'tck_results.csv');
writeFileSync(out, toCsv(results));
const summary = summarize(results);
console.log(formatSummary(summary));
console.log(`  (load+compile ${((loaded - started) / 1000).toFixed(1)} s, evaluate ${((finished - loaded) / 1000).toFixed(1)} s; results in ${out})`);

if (flag('--failures')) {
  for (const r of results) if (r.outcome !== 'SUCCESS') console.log(`${r.outcome} ${r.level}/${r.folder} ${r.id}: ${r.detail.slice(0, 300)}${r.warnings.length ? ` [${r.warnings.slice(0, 3).join(' | ').slice(0, 300)}]` : ''}`);
}
if (flag('--causes')) {
  console.log('\nTop causes among failed cases (cases per cause):');
  for (const [cause, n] of topCauses(results, 40)) console.log(`  ${String(n).padStart(5)}  ${cause}`);
}

const baselineFile = join(repoRoot, 'src', 'tools', 'tck', 'baseline.json');
if (flag('--update-baseline')) {
  if (filterText) throw new Error('--update-baseline needs a full run (no --filter)');
  writeFileSync(baselineFile, `${JSON.stringify(baselineOf(summary), null, 2)}\n`);
  console.log(`baseline written to ${baselineFile}`);
}
if (flag('--check')) {
  const baseline = JSON.parse(readFileSync(baselineFile, 'utf8')) as ReturnType<typeof baselineOf>;
  const regressions = (Object.keys(baseline) as (keyof typeof baseline)[]).filter((k) => current(summary)[k] < baseline[k]);
  if (regressions.length > 0) {
    for (const k of regressions) console.error(`TCK regression: ${k} ${current(summary)[k]} < baseline ${baseline[k]}`);
    process.exit(1);
  }
  console.log('TCK check: no figure below src/tools/tck/baseline.json');
}

function current(s: TckSummary) {
  return baselineOf(s);
}

function baselineOf(s: TckSummary) {
  return {
    passed: s.passed,
    level2: s.level2.passed,
    level3: s.level3.passed,
    valueExpected: s.valueExpected.passed,
    filesFullyPassed: s.files.passed,
  };
}

/**
 * `npm run miwg` — every BPMN MIWG file (`../shared/bpmn-miwg/Reference` and `Vendors`) through the
 * studio's import path, before issue 14 and now, in the same run. Prints per file its status,
 * element/attribute/DI counts in → out and the kinds that differ, then the totals side by side,
 * and as the last line one JSON object with both summaries.
 *
 * Options: `--only before|after`, `--filter <regex>` (file names), `--kinds` (every differing
 * kind in the totals, attributes included), `--items` (the import report's items per file),
 * `--quiet` (totals only), `--update-baseline` (write the lost items per file to baseline.json,
 * the most the round-trip spec allows).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffKinds } from '../../bpmn-io/audit/kinds';
import { formatItem } from '../../bpmn-io/report';
import { listCorpus, miwgDir } from './corpus';
import { legacyPath, studioPath, type FileResult } from './studio-path';
import { formatComparison, summarize, type MiwgSummary } from './summary';
import { cliArgs } from '../cli-args';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const { flag, option } = cliArgs(process.argv.slice(2));

let dir: string;
try {
  dir = miwgDir(repoRoot);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
const filter = option('--filter') ? new RegExp(option('--filter')!) : undefined;
const files = listCorpus(dir).filter((f) => !filter || filter.test(f.name));
const only = option('--only');

const lostByFile: Record<string, number> = {};

async function run(label: 'before' | 'after'): Promise<MiwgSummary> {
  const results: FileResult[] = [];
  const started = performance.now();
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file.path));
    const result = label === 'after' ? await studioPath(file.name, bytes) : await legacyPath(file.name, bytes);
    results.push(result);
    const lost = result.items.filter((i) => i.severity === 'lost').length;
    if (label === 'after' && lost > 0) lostByFile[file.name] = lost;
    if (!flag('--quiet')) printFile(label, result);
  }
  console.log(`(${label}: ${files.length} files in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return summarize(results);
}

function printFile(label: string, r: FileResult): void {
  const sum = (c: Map<string, number>, attrs: boolean) => [...c].filter(([k]) => k.includes('@') === attrs).reduce((n, [, v]) => n + v, 0);
  const di = (c: Map<string, number>) => `${c.get('bpmndi:BPMNShape') ?? 0}/${c.get('bpmndi:BPMNEdge') ?? 0}`;
  const items = (s: string) => r.items.filter((i) => i.severity === s).length;
  const head = `${label} ${r.status.padEnd(11)} ${r.name}`;
  if (r.status !== 'saved') {
    console.log(`${head}  — ${r.reason}`);
    return;
  }
  const differing = diffKinds(r.countsIn, r.countsOut).filter((d) => flag('--kinds') || !d.kind.includes('@'));
  console.log(
    `${head}  elements ${sum(r.countsIn, false)}→${sum(r.countsOut, false)}  attributes ${sum(r.countsIn, true)}→${sum(r.countsOut, true)}  DI shapes/edges ${di(r.countsIn)}→${di(r.countsOut)}  drawn ${r.drawn}` +
      (label === 'after' ? `  report lost ${items('lost')} changed ${items('changed')} kept ${items('kept')}` : '') +
      (differing.length ? `\n    differing: ${differing.map((d) => `${d.kind} ${d.before}→${d.after}`).join(', ')}` : ''),
  );
  if (flag('--items')) for (const item of r.items) console.log(`    ${item.severity}: ${formatItem(item)}`);
}

const before = only === 'after' ? undefined : await run('before');
const after = only === 'before' ? undefined : await run('after');
console.log('');
console.log(formatComparison(before, after));
for (const [label, s] of [['before', before], ['after', after]] as const) {
  if (!s) continue;
  const kinds = flag('--kinds') ? [...s.differingKinds, ...s.differingAttributes] : s.differingKinds;
  if (kinds.length === 0) continue;
  console.log(`\n${label}: kinds whose totals differ (in → out, files with fewer out)`);
  for (const k of kinds.slice(0, flag('--kinds') ? undefined : 30)) console.log(`  ${k.kind.padEnd(60)} ${k.in} → ${k.out}  (${k.filesLosing})`);
}
if (flag('--update-baseline')) {
  if (filter || only === 'before') throw new Error('--update-baseline needs a full run of the current path (no --filter, no --only before)');
  const file = resolve(dirname(fileURLToPath(import.meta.url)), 'baseline.json');
  writeFileSync(file, `${JSON.stringify({ lostItems: lostByFile }, null, 2)}\n`);
  console.log(`baseline written to ${file}`);
}
console.log(JSON.stringify({ before, after }));

#!/usr/bin/env node
// Browser engine benchmark: flow (a) of the engine benchmark (10 nodes, full history) in headless
// Chromium on the DexieStore over real IndexedDB (persisted), beside the MemoryStore in the same
// page and run. Prints instances/s of both, the ratio, and IndexedDB transactions per instance
// (counted by wrapping IDBDatabase.prototype.transaction in the page). The page is the same store
// and host code the engine worker runs (src/bench/browser/page.ts), bundled with esbuild and served
// from localhost (IndexedDB needs an origin). Bounded: N instances per line (default 1,000; about a minute here).
// Run: npm run bench:browser. Options: --instances N, --widths 8,16,32,64 (concurrent starts, group commit).
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, resolveChromium } from '../tools/chromium.mjs';
import { childProcessCpuMs } from './process-cpu.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const N = Number(option('instances', '1000'));
const WIDTHS = option('widths', '8,16,32,64').split(',').map(Number);
const AIM = 1000;

async function bundle() {
  const out = await build({
    entryPoints: [join(root, 'src', 'bench', 'browser', 'page.ts')],
    bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return out.outputFiles[0].text;
}

function serve(script) {
  const html = '<!doctype html><meta charset="utf-8"><title>bench:browser</title><script type="module" src="/bench.js"></script>';
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const fmt = (x) => Math.round(x).toLocaleString('en-US');

async function main() {
  const browserPath = resolveChromium();
  if (!browserPath) throw new Error('No Chromium (see src/tools/find-chromium.mjs)');
  const server = await serve(await bundle());
  const browser = await chromium.launch({ executablePath: browserPath.path, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.exposeFunction('__flowdeckCpu', () => childProcessCpuMs());
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => typeof window.__flowdeckBrowserBench === 'function');
    const r = await page.evaluate(([n, p]) => window.__flowdeckBrowserBench(n, p), [N, WIDTHS]);
    if (r.instancesRows < (1 + WIDTHS.length) * N) throw new Error(`only ${r.instancesRows} instance rows persisted`);

    console.log(`\nFlow (a), 10 nodes, full history, headless Chromium (${N} instances per line, same page)\n`);
    console.log(`${'baseline: MemoryStore, one start after the other'.padEnd(64)} ${fmt(r.memory).padStart(8)} instances/s`);
    console.log(`${'DexieStore on IndexedDB, one start after the other'.padEnd(64)} ${fmt(r.persisted).padStart(8)} instances/s`);
    console.log(`${'  IndexedDB readwrite transactions per instance'.padEnd(64)} ${r.readwritePerInstance.toFixed(2).padStart(8)}`);
    console.log(`${'  share of the time inside the store commit'.padEnd(64)} ${(100 * r.commitShare).toFixed(0).padStart(7)}%`);
    console.log(`${'  IndexedDB readonly transactions per instance'.padEnd(64)} ${r.readonlyPerInstance.toFixed(2).padStart(8)}`);
    console.log(`${'  IndexedDB requests per instance (inside those transactions)'.padEnd(64)} ${r.requestsPerInstance.toFixed(1).padStart(8)}`);
    console.log(`    ${Object.entries(r.requestsByStore).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
    console.log(`${`floor: bare IndexedDB, 1 transaction of ${Math.round(r.requestsPerInstance)} puts per instance`.padEnd(64)} ${fmt(r.bare).padStart(8)} instances/s`);
    console.log(`${'  same 8 requests, bare IndexedDB, 2 reads awaited, then 6 puts'.padEnd(64)} ${fmt(r.bareReadThenWrite).padStart(8)} instances/s`);
    console.log(`${'  same 8 requests through a Dexie transaction (15 tables)'.padEnd(64)} ${fmt(r.dexieReadThenWrite).padStart(8)} instances/s`);
    console.log(`${'  same, the Dexie transaction over only the 6 tables used'.padEnd(64)} ${fmt(r.dexieNarrowScope).padStart(8)} instances/s`);
    console.log(`${'  (rows of the hot row\'s size, JSON bytes)'.padEnd(64)} ${fmt(r.hotRowBytes).padStart(8)}`);
    for (const w of r.widths) {
      console.log(`${`DexieStore, ${w.width} starts at once (group commit)`.padEnd(64)} ${fmt(w.perSec).padStart(8)} instances/s  (${w.readwritePerInstance.toFixed(3)} readwrite transactions per instance)`);
    }
    // CPU per start: what the load of the shared machine barely moves (Linux /proc; absent elsewhere).
    const cpuLine = (label, cpu) => {
      const total = Object.values(cpu).reduce((a, b) => a + b, 0);
      if (total > 0) console.log(`${`  Chromium CPU per start, ${label}`.padEnd(64)} ${total.toFixed(3).padStart(8)} ms  (${Object.entries(cpu).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ')})`);
      return Number(total.toFixed(3));
    };
    const cpuMs = { memory: cpuLine('MemoryStore', r.memoryCpuMsPerInstance), sequential: cpuLine('one after the other', r.sequentialCpuMsPerInstance) };
    for (const w of r.widths) cpuMs[w.width] = cpuLine(`${w.width} at once`, w.cpuMsPerInstance);
    // The figure reported: the narrowest width that reaches the aim, else the best one.
    const reaching = r.widths.find((w) => w.perSec >= AIM);
    const group = reaching ?? r.widths.reduce((a, b) => (b.perSec > a.perSec ? b : a));
    console.log(reaching ? `Group commit reaches ${fmt(AIM)} persisted instances/s at ${reaching.width} concurrent starts.` : `No width reaches ${fmt(AIM)} persisted instances/s here (best: ${fmt(group.perSec)}/s at ${group.width}).`);
    console.log(`  rounds (instances/s): ${r.rounds.map((x, i) => `${i === 0 ? 'memory' : i === 1 ? 'one by one' : `width ${WIDTHS[i - 2]}`} ${x.join('/')}`).join('; ')}`);
    console.log(`Group commit / one by one: ${(group.perSec / r.persisted).toFixed(2)}x; MemoryStore / group commit: ${(r.memory / group.perSec).toFixed(1)}x (5 alternating rounds each)`);
    console.log(`One start after the other: ${fmt(r.persisted)}/s (${(100 * r.persisted / AIM).toFixed(0)}% of the aim); load: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    console.log(`\nMemoryStore / DexieStore: ${(r.memory / r.persisted).toFixed(1)}x (history events persisted: ${fmt(r.historyRows)})`);
    console.log('The machine is shared (2 cores, several engineers): absolute figures are noisy, the ratio less so.');
    const summary = {
      persistedInstancesPerSec: Math.round(r.persisted),
      memoryInstancesPerSec: Math.round(r.memory),
      transactionsPerInstance: Number((r.readwritePerInstance + r.readonlyPerInstance).toFixed(3)),
      requestsPerInstance: Number(r.requestsPerInstance.toFixed(1)),
      readwriteTransactionsPerInstance: Number(r.readwritePerInstance.toFixed(3)),
      bareIndexedDbInstancesPerSec: Math.round(r.bare),
      memoryOverPersisted: Number((r.memory / r.persisted).toFixed(1)),
      groupCommitInstancesPerSec: Math.round(group.perSec),
      groupCommitWidth: group.width,
      groupCommitTransactionsPerInstance: Number(group.readwritePerInstance.toFixed(3)),
      groupCommitByWidth: Object.fromEntries(r.widths.map((w) => [w.width, Math.round(w.perSec)])),
      groupCommitOverSequential: Number((group.perSec / r.persisted).toFixed(2)),
      memoryOverGroupCommit: Number((r.memory / group.perSec).toFixed(1)),
      loadAverage1m: Number(loadavg()[0].toFixed(2)),
      bareReadThenWriteInstancesPerSec: Math.round(r.bareReadThenWrite),
      dexieReadThenWriteInstancesPerSec: Math.round(r.dexieReadThenWrite),
      dexieNarrowScopeInstancesPerSec: Math.round(r.dexieNarrowScope),
      chromiumCpuMsPerInstance: cpuMs,
    };
    const outDir = join(root, 'src', 'bench', 'results');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'browser.json'), `${JSON.stringify({ when: new Date().toISOString(), summary }, null, 2)}\n`);
    console.log(JSON.stringify(summary));
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

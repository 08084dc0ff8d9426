/**
 * `npm run bench:jobs`: the job executor on the host (EngineHost + MemoryStore), against baselines
 * in the same run, measured in alternating pairs (median of the pairs' ratios), so that a burst of
 * load elsewhere on the machine hits both sides of a pair alike:
 * - fetch and lock in batches of 100, then complete each job by its worker, against the same
 *   number of jobs completed with the plain by-key `completeJob` (no fetch, no lock: one step per
 *   job where the executor takes two);
 * - one job per fetch (`maxJobs: 1`) + complete with 20,000 queued against 2,000 queued, and the
 *   store's lookup alone at both sizes: whether the lookup grows with the queue (1 = flat).
 * Last line: one JSON object.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CountingIds, ManualClock, SeededRandom } from '../host/clocks';
import { EngineHost } from '../host/engine-host';
import { FeelExpressions } from '../host/feel-expressions';
import { MemoryStore } from '../host/memory-store';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const xml = readFileSync(join(repoRoot, 'src', 'host', 'jobs', 'jobs.bpmn'), 'utf8');
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
const feel = new FeelExpressions();

const lock = { topic: 'charge', lockDurationMs: 60_000 };
const PAIRS = 7;

function newHost() {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const store = new MemoryStore();
  const host = new EngineHost({ store, clock, ids: new CountingIds(), random: new SeededRandom(1), expressions: feel });
  return { host, clock, store };
}

async function queue(host: EngineHost, clock: ManualClock, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await host.startInstance('payment', { variables: { amount: i } });
    clock.set(clock.now() + 1);
  }
}

/** Milliseconds `work` takes. */
async function time(work: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

async function fetchCompleteAll(host: EngineHost, batch: number): Promise<void> {
  for (;;) {
    const jobs = await host.jobs.fetchAndLock({ ...lock, workerId: 'w', maxJobs: batch });
    if (jobs.length === 0) return;
    for (const job of jobs) await host.jobs.complete(job.key, 'w', { receipt: `r-${job.variables.amount as number}` });
  }
}

async function plainCompleteAll(host: EngineHost): Promise<void> {
  for (const job of await host.listJobs({ type: 'charge' })) await host.completeJob({ jobKey: job.key }, { receipt: job.key });
}

async function singleFetches(host: EngineHost, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const [job] = await host.jobs.fetchAndLock({ ...lock, workerId: 'w' });
    await host.jobs.complete(job.key, 'w', { receipt: 'r' });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const rows: Array<{ name: string; per_s: number }> = [];
const row = (name: string, perS: number) => {
  rows.push({ name, per_s: Math.round(perS) });
  console.log(`${name.padEnd(64)} ${fmt(perS).padStart(10)} /s`);
};

console.log(`job executor on EngineHost + MemoryStore (one operation and commit per call), median of ${PAIRS} alternating pairs\n`);
const BATCH = 1000;
const executor: number[] = [];
const plain: number[] = [];
const ratios: number[] = [];
{
  const { host, clock } = newHost();
  await host.deploy(xml);
  // Warm-up (JIT), not reported.
  await queue(host, clock, BATCH);
  await fetchCompleteAll(host, 100);
  await queue(host, clock, BATCH);
  await plainCompleteAll(host);
  for (let p = 0; p < PAIRS; p++) {
    await queue(host, clock, BATCH);
    const e = await time(() => fetchCompleteAll(host, 100));
    await queue(host, clock, BATCH);
    const b = await time(() => plainCompleteAll(host));
    executor.push(BATCH / (e / 1000));
    plain.push(BATCH / (b / 1000));
    ratios.push(e / b);
  }
}
row('fetchAndLock x100 + complete by the worker (jobs)', median(executor));
row('baseline: plain completeJob by key (jobs)', median(plain));

const SINGLE = 200;
const small = newHost();
const large = newHost();
for (const h of [small, large]) await h.host.deploy(xml);
await queue(small.host, small.clock, 2_000);
await queue(large.host, large.clock, 20_000);
const growth: number[] = [];
const singleLarge: number[] = [];
for (let p = 0; p < PAIRS; p++) {
  const l = await time(() => singleFetches(large.host, SINGLE));
  const s = await time(() => singleFetches(small.host, SINGLE));
  singleLarge.push(SINGLE / (l / 1000));
  growth.push(l / s);
}
row('fetchAndLock x1 + complete, 20,000 queued (jobs)', median(singleLarge));

// The store's lookup alone (what grows with the queue if anything does), 20,000 against 2,000 queued.
const LOOKUPS = 20_000;
const lookup = async (store: MemoryStore, now: number) => time(async () => {
  for (let i = 0; i < LOOKUPS; i++) if ((await store.findAvailableJobs('charge', now, 10)).length === 0) throw new Error('nothing queued');
});
const lookupGrowth: number[] = [];
for (let p = 0; p < PAIRS; p++) lookupGrowth.push((await lookup(large.store, large.clock.now())) / (await lookup(small.store, small.clock.now())));

const summary = {
  fetchCompleteJobsPerSec: Math.round(median(executor)),
  executorOverPlain: Number(median(ratios).toFixed(2)),
  singleFetch20kOver2k: Number(median(growth).toFixed(2)),
  lookup20kOver2k: Number(median(lookupGrowth).toFixed(2)),
};
console.log(`\nexecutor time / plain completeJob time: ${summary.executorOverPlain}x (two steps and commits per job against one)`);
console.log(`single fetch + complete time at 20,000 / at 2,000 queued: ${summary.singleFetch20kOver2k} (the whole host, a heap ten times larger)`);
console.log(`store lookup alone (findAvailableJobs, 10 jobs) at 20,000 / at 2,000 queued: ${summary.lookup20kOver2k} (1 = flat)`);
const outDir = join(repoRoot, 'src', 'bench', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'jobs.json'), `${JSON.stringify({ when: new Date().toISOString(), rows, summary }, null, 2)}\n`);
console.log(JSON.stringify(summary));

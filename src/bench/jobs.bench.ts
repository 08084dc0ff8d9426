/**
 * `npm run bench:jobs`: the job executor on the host (EngineHost + MemoryStore), against baselines
 * in the same run:
 * - fetch and lock in batches of 100, then complete each job by its worker, with 1,000 and 10,000
 *   jobs queued: jobs/s, and how it holds up as the queue grows;
 * - one job per fetch (`maxJobs: 1`) with 10,000 queued, then 1,000 queued: what one lookup costs;
 * - baseline: the same jobs completed with the plain by-key `completeJob` (no lock, no fetch).
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

async function hostWith(queued: number) {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const host = new EngineHost({ store: new MemoryStore(), clock, ids: new CountingIds(), random: new SeededRandom(1), expressions: feel });
  await host.deploy(xml);
  for (let i = 0; i < queued; i++) {
    await host.startInstance('payment', { variables: { amount: i } });
    clock.set(clock.now() + 1);
  }
  return host;
}

/** Jobs/s of `work` handling `count` jobs. */
async function rate(count: number, work: () => Promise<number>): Promise<number> {
  const t0 = performance.now();
  const done = await work();
  if (done !== count) throw new Error(`handled ${done} of ${count} jobs`);
  return count / ((performance.now() - t0) / 1000);
}

async function fetchComplete(queued: number, batch: number): Promise<number> {
  const host = await hostWith(queued);
  return rate(queued, async () => {
    let done = 0;
    for (;;) {
      const jobs = await host.jobs.fetchAndLock({ ...lock, workerId: 'w', maxJobs: batch });
      if (jobs.length === 0) return done;
      for (const job of jobs) {
        await host.jobs.complete(job.key, 'w', { receipt: `r-${job.variables.amount as number}` });
        done++;
      }
    }
  });
}

async function plainComplete(queued: number): Promise<number> {
  const host = await hostWith(queued);
  const keys = (await host.listJobs({ type: 'charge' })).map((j) => j.key);
  return rate(queued, async () => {
    for (const key of keys) await host.completeJob({ jobKey: key }, { receipt: key });
    return keys.length;
  });
}

/** Fetches/s of single-job fetches (each then completed, so the queue shrinks by one) over `count` of `queued`. */
async function singleFetch(queued: number, count: number): Promise<number> {
  const host = await hostWith(queued);
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const [job] = await host.jobs.fetchAndLock({ ...lock, workerId: 'w' });
    await host.jobs.complete(job.key, 'w', { receipt: 'r' });
  }
  return count / ((performance.now() - t0) / 1000);
}

const rows: Array<{ name: string; per_s: number }> = [];
const row = (name: string, perS: number) => {
  rows.push({ name, per_s: Math.round(perS) });
  console.log(`${name.padEnd(64)} ${fmt(perS).padStart(10)} /s`);
};

console.log('job executor on EngineHost + MemoryStore (one operation and commit per call)\n');
// Warm-up (JIT), not reported.
await fetchComplete(500, 100);
await plainComplete(500);
const batch1k = await fetchComplete(1_000, 100);
row('fetchAndLock x100 + complete, 1,000 queued (jobs)', batch1k);
const batch10k = await fetchComplete(10_000, 100);
row('fetchAndLock x100 + complete, 10,000 queued (jobs)', batch10k);
const plain10k = await plainComplete(10_000);
row('baseline: plain completeJob by key, 10,000 queued (jobs)', plain10k);
const single10k = await singleFetch(10_000, 1_000);
row('fetchAndLock x1 + complete, 10,000 queued (jobs)', single10k);
const single1k = await singleFetch(1_000, 1_000);
row('fetchAndLock x1 + complete, 1,000 queued (jobs)', single1k);

const summary = {
  fetchCompleteJobsPerSec10k: Math.round(batch10k),
  batch10kOver1k: Number((batch10k / batch1k).toFixed(2)),
  plainOverExecutor10k: Number((plain10k / batch10k).toFixed(2)),
  single10kOver1k: Number((single10k / single1k).toFixed(2)),
};
console.log(`\nbatched at 10,000 / at 1,000 queued: ${summary.batch10kOver1k} (1 = flat)`);
console.log(`plain completeJob / fetch+complete: ${summary.plainOverExecutor10k}x (what locking and fetching cost)`);
console.log(`single fetch at 10,000 / at 1,000 queued: ${summary.single10kOver1k} (below 1: the lookup grows with the queue)`);
const outDir = join(repoRoot, 'src', 'bench', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'jobs.json'), `${JSON.stringify({ when: new Date().toISOString(), rows, summary }, null, 2)}\n`);
console.log(JSON.stringify(summary));

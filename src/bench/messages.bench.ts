/**
 * `npm run bench:messages`: message correlation on the host (EngineHost + MemoryStore), in this
 * run, against baselines in the same run:
 * - publish to one of N waiting instances (each its own correlation key), for N = 1,000 and
 *   10,000: publishes/s should not fall with N (the store's subscription index, not a scan);
 * - the same correlations sent as bare `correlateMessage` commands to known subscriptions (what
 *   the message rules and the lookup cost on top);
 * - a lookup by scanning every instance's subscriptions (what the index avoids), at 10,000;
 * - instances taking a buffered message when their subscription opens, against instances that
 *   find the buffer empty.
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
const xml = readFileSync(join(repoRoot, 'src', 'host', 'messages', 'message-table.bpmn'), 'utf8');
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
const feel = new FeelExpressions();

async function hostWith(waiting: number) {
  const store = new MemoryStore();
  const host = new EngineHost({ store, clock: new ManualClock(Date.UTC(2026, 0, 1)), ids: new CountingIds(), random: new SeededRandom(1), expressions: feel });
  await host.deploy(xml);
  const ids: string[] = [];
  for (let i = 0; i < waiting; i++) ids.push((await host.startInstance('waiter', { variables: { key: `k-${i}` } })).instanceId);
  return { host, store, ids };
}

/** Operations/s of `op(i)` for i = 0..count-1 (each completes one waiting instance). */
async function rate(count: number, op: (i: number) => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < count; i++) await op(i);
  return count / ((performance.now() - t0) / 1000);
}

async function publishRate(n: number): Promise<number> {
  const { host } = await hostWith(n);
  // Correlate in a spread order so the index is not helped by insertion order.
  return rate(n, async (i) => {
    const k = (i * 7919) % n;
    const r = await host.messages.publish({ name: 'wake-up', correlationKey: `k-${k}` });
    if (r.correlations.length !== 1) throw new Error(`k-${k} did not correlate`);
  });
}

async function directRate(n: number): Promise<number> {
  const { host, store, ids } = await hostWith(n);
  const subs = await Promise.all(ids.map(async (id) => Object.keys((await store.loadInstance(id))!.subscriptions)[0]));
  return rate(n, async (i) => {
    const k = (i * 7919) % n;
    await host.operate((tx) => tx.dispatch(ids[k], { type: 'correlateMessage', subscriptionKey: subs[k] }));
  });
}

async function scanRate(n: number, count: number): Promise<number> {
  const { host, store } = await hostWith(n);
  return rate(count, async (i) => {
    const key = `k-${(i * 7919) % n}`;
    const all = await store.listInstances({ status: 'active' });
    const hit = all.flatMap((s) => Object.values(s.subscriptions).map((sub) => ({ s, sub }))).find(({ sub }) => sub.name === 'wake-up' && sub.correlationKey === key);
    if (!hit) throw new Error(`${key} not found`);
    await host.operate((tx) => tx.dispatch(hit.s.instanceId, { type: 'correlateMessage', subscriptionKey: hit.sub.key }));
  });
}

async function bufferedStartRate(n: number, buffered: boolean): Promise<number> {
  const { host } = await hostWith(0);
  if (buffered) for (let i = 0; i < n; i++) await host.messages.publish({ name: 'wake-up', correlationKey: `k-${i}`, timeToLiveMs: 3_600_000 });
  return rate(n, async (i) => {
    const s = await host.startInstance('waiter', { variables: { key: `k-${i}` } });
    if ((s.status === 'completed') !== buffered) throw new Error(`instance ${i}: ${s.status}`);
  });
}

const rows: Array<{ name: string; per_s: number }> = [];
const row = (name: string, perS: number) => {
  rows.push({ name, per_s: Math.round(perS) });
  console.log(`${name.padEnd(62)} ${fmt(perS).padStart(10)} /s`);
};

console.log('message correlation on EngineHost + MemoryStore (one operation and commit each)\n');
// Warm-up (JIT), not reported.
await publishRate(500);
await directRate(500);
const publish1k = await publishRate(1_000);
row('publish -> 1 of 1,000 waiting instances', publish1k);
const publish10k = await publishRate(10_000);
row('publish -> 1 of 10,000 waiting instances', publish10k);
const direct10k = await directRate(10_000);
row('baseline: bare correlateMessage to a known subscription (10,000)', direct10k);
const scan10k = await scanRate(10_000, 300);
row('baseline: lookup by scanning every instance (10,000)', scan10k);
const bufferHit = await bufferedStartRate(5_000, true);
row('start an instance that takes a buffered message', bufferHit);
const bufferMiss = await bufferedStartRate(5_000, false);
row('start an instance that finds the buffer empty', bufferMiss);

const summary = {
  publishPerSec10k: Math.round(publish10k),
  publish10kOver1k: Number((publish10k / publish1k).toFixed(2)),
  directOverPublish: Number((direct10k / publish10k).toFixed(2)),
  indexOverScan10k: Number((publish10k / scan10k).toFixed(1)),
  bufferHitOverMiss: Number((bufferHit / bufferMiss).toFixed(2)),
};
console.log(`\npublish at 10,000 / at 1,000 waiting: ${summary.publish10kOver1k} (flat = the index)`);
console.log(`bare command / publish: ${summary.directOverPublish}x (what the rules and lookups cost)`);
console.log(`index / scan at 10,000: ${summary.indexOverScan10k}x`);
const outDir = join(repoRoot, 'src', 'bench', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'messages.json'), `${JSON.stringify({ when: new Date().toISOString(), rows, summary }, null, 2)}\n`);
console.log(JSON.stringify(summary));

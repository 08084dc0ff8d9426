/**
 * `npm run bench:store`: the engine on the DexieStore in Node (fake-indexeddb, an in-memory
 * IndexedDB written in JavaScript), against the MemoryStore in the same run, on flow (a) of the
 * engine benchmark (10 nodes, full history). Prints instances/s of both, their ratio, and the
 * readwrite transactions per instance: one per operation from one wait state to the next, fewer
 * when several hosts commit at once (group commit). fake-indexeddb is far slower than a browser's
 * IndexedDB, so the persisted figure here is a floor; `bench:browser` measures the real one.
 * Last line: one JSON object.
 */
import 'fake-indexeddb/auto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CountingIds, ManualClock, SeededRandom } from '../host/clocks';
import { EngineHost } from '../host/engine-host';
import { FeelExpressions } from '../host/feel-expressions';
import { MemoryStore } from '../host/memory-store';
import type { Store } from '../host/store';
import { FlowdeckDb } from '../store/db';
import { DexieStore } from '../store/engine/dexie-store';
import { flowA } from './engine-models';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const expressions = new FeelExpressions();
const FLOW_A = flowA('feel');
const USER_TASK = readFileSync(join(repoRoot, 'src', 'store', 'engine', 'catch-up.bpmn'), 'utf8');
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
let dbCount = 0;

/** A host on `store` (deploying `xml` unless the store holds it already: a second worker on the same database). */
async function hostOn(store: Store, xml: string | null, prefix = 'h'): Promise<EngineHost> {
  // Distinct id prefixes let several hosts share one database without reusing instance ids.
  const counting = new CountingIds();
  const ids = { next: (kind: string) => `${prefix}-${counting.next(kind)}` };
  const host = await EngineHost.create({ store, clock: new ManualClock(Date.UTC(2026, 0, 1)), ids, random: new SeededRandom(1), expressions });
  if (xml !== null) await host.deploy(xml);
  return host;
}

function freshDexie(): { db: FlowdeckDb; store: DexieStore } {
  const db = new FlowdeckDb(`bench-store-${process.pid}-${dbCount++}`);
  return { db, store: new DexieStore(db) };
}

/** Instances/s of flow (a) on `count` instances started one after the other on one host. */
async function flowRate(store: Store, count: number): Promise<number> {
  const host = await hostOn(store, FLOW_A);
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const s = await host.startInstance('flowA', { variables: { amount: 150 } });
    if (s.status !== 'completed') throw new Error('flowA did not complete');
  }
  return count / ((performance.now() - t0) / 1000);
}

const rows: Array<{ name: string; value: number; unit: string }> = [];
const row = (name: string, value: number, unit: string) => {
  rows.push({ name, value, unit });
  console.log(`${name.padEnd(72)} ${unit === 'tx' ? value.toFixed(2).padStart(9) : fmt(value).padStart(9)} ${unit}`);
};

// Warm-up (JIT), not reported.
await flowRate(new MemoryStore(), 500);
await flowRate(freshDexie().store, 100);

const N = 1_000;
const memory = await flowRate(new MemoryStore(), N);
row(`baseline: flow (a) on the MemoryStore (${fmt(N)} instances)`, memory, 'instances/s');

const single = freshDexie();
const before = single.store.transactions;
const persisted = await flowRate(single.store, N);
row(`flow (a) on the DexieStore, fake-indexeddb (${fmt(N)} instances)`, persisted, 'instances/s');
const perInstance = (single.store.transactions - before) / N;
row('  readwrite transactions per instance', perInstance, 'tx');
await single.db.delete();

// Four hosts (as four workers would) committing into one store at once: group commit.
const shared = freshDexie();
const hosts = [await hostOn(shared.store, FLOW_A, 'w0')];
for (let i = 1; i < 4; i++) hosts.push(await hostOn(shared.store, null, `w${i}`));
const sharedBefore = shared.store.transactions;
const t0 = performance.now();
await Promise.all(hosts.map(async (host) => {
  for (let i = 0; i < N / 4; i++) await host.startInstance('flowA', { variables: { amount: 150 } });
}));
const grouped = N / ((performance.now() - t0) / 1000);
row(`flow (a), 4 hosts on one DexieStore at once (${fmt(N)} instances)`, grouped, 'instances/s');
const groupPerInstance = (shared.store.transactions - sharedBefore) / N;
row('  readwrite transactions per instance (group commit)', groupPerInstance, 'tx');
await shared.db.delete();

// A wait state: start (to the user task) and complete it: two operations, two transactions.
const waits = freshDexie();
const taskHost = await hostOn(waits.store, USER_TASK);
const waitBefore = waits.store.transactions;
const W = 300;
for (let i = 0; i < W; i++) {
  const s = await taskHost.startInstance('followUp');
  await taskHost.completeUserTask({ instanceId: s.instanceId, elementId: 'Call' });
}
const perStep = (waits.store.transactions - waitBefore) / (2 * W);
row('user task flow: transactions per wait-state step (start, complete)', perStep, 'tx');
await waits.db.delete();

// Reopening: a new host on a new connection rebuilds its scheduler from the database.
const R = 500;
const reopenDb = freshDexie();
const opener = await hostOn(reopenDb.store, USER_TASK, 'r');
const memoryStore = new MemoryStore();
const memoryOpener = await hostOn(memoryStore, USER_TASK, 'r');
for (let i = 0; i < R; i++) {
  await opener.startInstance('followUp');
  await memoryOpener.startInstance('followUp');
}
const reopenMs = async (store: Store) => {
  const t = performance.now();
  const host = await EngineHost.create({ store, clock: new ManualClock(Date.UTC(2026, 0, 1)), expressions });
  if (host.timers.nextDueAt() === null) throw new Error('the reopened host lost its timers');
  return performance.now() - t;
};
const reopenName = reopenDb.db.name;
reopenDb.db.close();
const reopened = new FlowdeckDb(reopenName);
const dexieReopen = await reopenMs(new DexieStore(reopened));
const memoryReopen = await reopenMs(memoryStore);
reopened.close();
row(`reopen with ${R} waiting instances (timers rebuilt), DexieStore, ms`, dexieReopen, 'ms');
row(`  baseline: the same on the MemoryStore, ms`, memoryReopen, 'ms');
await new FlowdeckDb(reopenName).delete();

const summary = {
  persistedInstancesPerSec: Math.round(persisted),
  memoryInstancesPerSec: Math.round(memory),
  memoryOverPersisted: Number((memory / persisted).toFixed(1)),
  transactionsPerInstance: Number(perInstance.toFixed(3)),
  groupCommitTransactionsPerInstance: Number(groupPerInstance.toFixed(3)),
  transactionsPerWaitStateStep: Number(perStep.toFixed(3)),
  reopenMsWith500Waiting: Math.round(dexieReopen),
};
console.log(`\nMemoryStore / DexieStore (fake-indexeddb): ${summary.memoryOverPersisted}x`);
const outDir = join(repoRoot, 'src', 'bench', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'store.json'), `${JSON.stringify({ when: new Date().toISOString(), rows, summary }, null, 2)}\n`);
console.log(JSON.stringify(summary));

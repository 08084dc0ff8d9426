/**
 * The in-page half of `npm run bench:browser`, bundled by browser.bench.mjs and run in headless
 * Chromium: flow (a) of the engine benchmark (10 nodes, full history) on the DexieStore over the
 * browser's real IndexedDB, beside the same flow on the MemoryStore in the same page. IndexedDB
 * transactions are counted by wrapping `IDBDatabase.prototype.transaction`, so every transaction
 * the store opens (reads too) is counted, not only the ones it says it wrote.
 */
import { CountingIds, ManualClock, SeededRandom } from '../../host/clocks';
import { EngineHost } from '../../host/engine-host';
import { FeelExpressions } from '../../host/feel-expressions';
import { MemoryStore } from '../../host/memory-store';
import type { Store } from '../../host/store';
import { FlowdeckDb } from '../../store/db';
import { DexieStore } from '../../store/engine/dexie-store';
import { batchEvents } from '../../store/engine/history-batches';
import { flowA } from '../engine-models';

const counts = { readwrite: 0, readonly: 0 };
const original = IDBDatabase.prototype.transaction;
IDBDatabase.prototype.transaction = function transaction(this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
  if (args[1] === 'readwrite') counts.readwrite++;
  else counts.readonly++;
  return original.apply(this, args);
} as IDBDatabase['transaction'];

// Requests inside transactions (each is a round trip to the browser's storage process).
const requests: Record<string, number> = {};
for (const name of ['add', 'put', 'delete', 'get', 'getAll', 'openCursor', 'count', 'getAllKeys'] as const) {
  const method = IDBObjectStore.prototype[name] as (...a: unknown[]) => IDBRequest;
  (IDBObjectStore.prototype as unknown as Record<string, unknown>)[name] = function counted(this: IDBObjectStore, ...a: unknown[]) {
    const key = `${this.name}.${name}`;
    requests[key] = (requests[key] ?? 0) + 1;
    return method.apply(this, a);
  };
}

/** Chromium's CPU so far by process type, from the Node side (browser.bench.mjs exposes it; null where it cannot). */
async function cpuMark(): Promise<Record<string, number> | null> {
  const mark = (globalThis as { __flowdeckCpu?: () => Promise<Record<string, number> | null> }).__flowdeckCpu;
  return mark ? mark() : null;
}

const FLOW_A = flowA('feel');
const expressions = new FeelExpressions();
let dbCount = 0;

async function hostOn(store: Store): Promise<EngineHost> {
  const host = await EngineHost.create({ store, clock: new ManualClock(Date.UTC(2026, 0, 1)), ids: new CountingIds(), random: new SeededRandom(1), expressions });
  await host.deploy(FLOW_A);
  return host;
}

/** Starts `count` instances of flow (a) one after the other (or `parallel` at a time); instances/s. */
async function rate(host: EngineHost, count: number, parallel = 1): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < count; i += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - i) }, () => host.startInstance('flowA', { variables: { amount: 150 } }));
    for (const s of await Promise.all(batch)) if (s.status !== 'completed') throw new Error('flowA did not complete');
  }
  return count / ((performance.now() - t0) / 1000);
}

export interface BrowserBenchResult {
  commitShare: number;
  bare: number;
  requestsPerInstance: number;
  requestsByStore: Record<string, number>;
  memory: number;
  persisted: number;
  readwritePerInstance: number;
  readonlyPerInstance: number;
  /** Group commit: `width` starts at once, instances/s and readwrite transactions per instance. */
  widths: Array<{ width: number; perSec: number; readwritePerInstance: number; cpuMsPerInstance: Record<string, number> }>;
  /** Chromium CPU ms per instance by process type (renderer: this page; browser: IndexedDB's backend), empty where unknown. */
  sequentialCpuMsPerInstance: Record<string, number>;
  memoryCpuMsPerInstance: Record<string, number>;
  /** Each line's instances/s per round (memory, one by one, then each width), to show the spread. */
  rounds: number[][];
  historyRows: number;
  instancesRows: number;
  bareReadThenWrite: number;
  dexieReadThenWrite: number;
  dexieNarrowScope: number;
  hotRowBytes: number;
}

/**
 * The floor: bare IndexedDB, one readwrite transaction per "instance" putting `puts` small rows
 * into one object store, no Dexie, no engine. What one-transaction-per-instance costs here at best.
 */
async function bareIndexedDbRate(n: number, puts: number): Promise<number> {
  const name = `bench-browser-bare-${dbCount++}`;
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('rows', { keyPath: 'k' });
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    await new Promise<void>((ok, fail) => {
      const tx = db.transaction('rows', 'readwrite');
      const rows = tx.objectStore('rows');
      for (let j = 0; j < puts; j++) rows.put({ k: `${i}-${j}`, elementId: `Task_${j}`, type: 'element.completed', at: i });
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
  }
  const perSec = n / ((performance.now() - t0) / 1000);
  db.close();
  indexedDB.deleteDatabase(name);
  return perSec;
}

/**
 * Where a commit's time goes, without the engine: the same 8 requests per "instance" as the
 * DexieStore's commit (2 reads, then 6 writes of the real rows' sizes), (a) on bare IndexedDB
 * with the reads awaited before the writes, (b) through a Dexie readwrite transaction over the
 * 15 commit tables. Against the bare floor (8 puts, no wait), (a) is the price of reading before
 * writing, (b) minus (a) that of Dexie.
 */
async function commitShapeRates(n: number, row: Record<string, unknown>): Promise<{ bareReadThenWrite: number; dexieReadThenWrite: number; dexieNarrowScope: number }> {
  const name = `bench-browser-shape-${dbCount++}`;
  const tables = ['instances', 'paths', 'variables', 'jobs', 'timers', 'subscriptions', 'bufferedMessages', 'messageStartLocks', 'startTimers', 'userTasks', 'incidents', 'historyBatches', 'commands', 'audit', 'counters'];
  const idb = await new Promise<IDBDatabase>((ok, fail) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => { for (const t of tables) open.result.createObjectStore(t, { keyPath: 'k' }); };
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const req = <T>(r: IDBRequest<T>) => new Promise<T>((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
  const writes = ['counters', 'instances', 'variables', 'historyBatches', 'commands', 'audit'];
  let t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const tx = idb.transaction(tables, 'readwrite');
    const done = new Promise<void>((ok, fail) => { tx.oncomplete = () => ok(); tx.onerror = () => fail(tx.error); });
    await Promise.all([req(tx.objectStore('instances').get(`a${i}`)), req(tx.objectStore('counters').get('instances'))]);
    for (const t of writes) tx.objectStore(t).put({ ...row, k: `a${i}` });
    await done;
  }
  const bareReadThenWrite = n / ((performance.now() - t0) / 1000);
  idb.close();
  indexedDB.deleteDatabase(name);

  const { Dexie } = await import('dexie');
  const dx = new Dexie(`${name}-dexie`);
  dx.version(1).stores(Object.fromEntries(tables.map((t) => [t, 'k'])));
  await dx.open();
  t0 = performance.now();
  for (let i = 0; i < n; i++) {
    await dx.transaction('rw', tables, async () => {
      await Promise.all([dx.table('instances').get(`d${i}`), dx.table('counters').get('instances')]);
      await Promise.all(writes.map((t) => dx.table(t).put({ ...row, k: `d${i}` })));
    });
  }
  const dexieReadThenWrite = n / ((performance.now() - t0) / 1000);
  // The same, the transaction over only the 6 tables it uses: does the scope's size cost?
  const used = writes; // instances and counters are read and written
  t0 = performance.now();
  for (let i = 0; i < n; i++) {
    await dx.transaction('rw', used, async () => {
      await Promise.all([dx.table('instances').get(`s${i}`), dx.table('counters').get('instances')]);
      await Promise.all(writes.map((t) => dx.table(t).put({ ...row, k: `s${i}` })));
    });
  }
  const dexieNarrowScope = n / ((performance.now() - t0) / 1000);
  dx.close();
  await dx.delete();
  return { bareReadThenWrite, dexieReadThenWrite, dexieNarrowScope };
}

async function run(n: number, widths: number[]): Promise<BrowserBenchResult> {
  const db = new FlowdeckDb(`bench-browser-${dbCount++}`);
  // As the engine worker runs it (the tab holding the engine's Web Lock: its counters trusted, ADR 0244).
  const store = new DexieStore(db, { soleWriter: true });
  // Time spent inside the store's commit (the IndexedDB write), to tell store cost from engine cost.
  let commitMs = 0;
  const commit = store.commit.bind(store);
  store.commit = async (changes) => {
    const t = performance.now();
    try { return await commit(changes); } finally { commitMs += performance.now() - t; }
  };
  const persistedHost = await hostOn(store);
  const memoryHost = await hostOn(new MemoryStore());
  // Warm-up (JIT, IndexedDB files created), not reported.
  await rate(memoryHost, 300);
  await rate(persistedHost, 100);

  // Alternating rounds (memory, one by one, each width): a load change on the shared
  // machine hits every line alike instead of whichever ran at that moment.
  const ROUNDS = 5;
  const per = Math.ceil(n / ROUNDS);
  const lines = [{ host: memoryHost, width: 1 }, { host: persistedHost, width: 1 }, ...widths.map((width) => ({ host: persistedHost, width }))];
  const rates = lines.map(() => [] as number[]);
  const readwrite = lines.map(() => 0);
  const lineMs = lines.map(() => 0);
  // Chromium's CPU (ms by process type) during each line, when the Node side can read it (Linux).
  const lineCpu = lines.map((): Record<string, number> => ({}));
  // What the one-by-one line does: its readonly transactions, requests by table, time in the commit.
  let readonly = 0;
  let sequentialMs = 0;
  let sequentialCommitMs = 0;
  const byTable: Record<string, number> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, line] of lines.entries()) {
      const before = { ...counts };
      const tables = { ...requests };
      const commitBefore = commitMs;
      const cpu0 = await cpuMark();
      const t0 = performance.now();
      rates[i].push(await rate(line.host, per, line.width));
      lineMs[i] += performance.now() - t0;
      const cpu1 = await cpuMark();
      if (cpu0 && cpu1) for (const k of Object.keys(cpu1)) lineCpu[i][k] = (lineCpu[i][k] ?? 0) + cpu1[k] - (cpu0[k] ?? 0);
      readwrite[i] += counts.readwrite - before.readwrite;
      if (i !== 1) continue;
      sequentialMs += performance.now() - t0;
      sequentialCommitMs += commitMs - commitBefore;
      readonly += counts.readonly - before.readonly;
      for (const [k, v] of Object.entries(requests)) byTable[k] = (byTable[k] ?? 0) + v - (tables[k] ?? 0);
    }
  }
  const measured = per * ROUNDS;
  // Each line's figure over all its rounds (total instances / total time): GC pauses count where they fall.
  const overall = (i: number) => measured / (lineMs[i] / 1000);
  const memory = overall(0);
  const persisted = overall(1);
  const commitShare = sequentialCommitMs / sequentialMs;
  const readwritePerInstance = readwrite[1] / measured;
  const readonlyPerInstance = readonly / measured;
  const requestsPerInstance = Object.values(byTable).reduce((a, b) => a + b, 0) / measured;
  const requestsByStore = Object.fromEntries(Object.entries(byTable).map(([k, v]) => [k, v / measured]).filter(([, v]) => (v as number) > 0));
  const cpuPer = (i: number) => Object.fromEntries(Object.entries(lineCpu[i]).filter(([, ms]) => ms > 0).map(([k, ms]) => [k, ms / measured]));
  const byWidth: BrowserBenchResult['widths'] = widths.map((width, j) => ({ width, perSec: overall(j + 2), readwritePerInstance: readwrite[j + 2] / measured, cpuMsPerInstance: cpuPer(j + 2) }));
  // The persisted data is really there: every instance row and its full history.
  const bare = await bareIndexedDbRate(n, Math.round(requestsPerInstance));
  // A row of the real size: the last instance's hot row (structured clone costs with its size).
  const sample = (await db.instances.orderBy('order').last()) as unknown as Record<string, unknown>;
  const shape = await commitShapeRates(n, sample);
  const instancesRows = await db.instances.count();
  let historyRows = 0;
  await db.historyBatches.each((b) => { historyRows += batchEvents(b).length; });
  db.close();
  await db.delete();
  const hotRowBytes = JSON.stringify(sample).length;
  return { ...shape, sequentialCpuMsPerInstance: cpuPer(1), memoryCpuMsPerInstance: cpuPer(0), hotRowBytes, bare, requestsPerInstance, requestsByStore, commitShare, memory, persisted, readwritePerInstance, readonlyPerInstance, widths: byWidth, rounds: rates.map((r) => r.map(Math.round)), historyRows, instancesRows };
}

(globalThis as { __flowdeckBrowserBench?: typeof run }).__flowdeckBrowserBench = run;

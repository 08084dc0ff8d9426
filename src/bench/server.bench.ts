/**
 * `npm run bench:server`: instance starts per second of the 10-node flow (flow (a) of
 * bench:engine) over HTTP on 127.0.0.1, on SQLite (WAL), measured with autocannon (a child
 * process, so it does not share the server's event loop) for 10 s after a 2 s warm-up, with the
 * p50/p99 latency; then the same flow started through the in-process host on its own SQLite
 * database in the same run, for 5 s. The HTTP leg runs twice: one SQLite transaction per
 * operation (the baseline) and group commit (the server's default), for their ratio. Every HTTP answer must be 201 and every instance completed.
 * The machine is shared (2 cores, several engineers): figures are noisy; the ratio says more.
 * Last line: `{"httpStartsPerSec", "p50Ms", "p99Ms", "inProcessStartsPerSec"}`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { RealClock } from '../host/clocks';
import { EngineHost } from '../host/engine-host';
import { FeelExpressions } from '../host/feel-expressions';
import { createInThreadScriptRunner } from '../host/scripts/quickjs-runner';
import { loadConfig } from '../server/config';
import { startServer } from '../server/server';
import { openDatabase } from '../server/store/schema';
import { SqliteStore } from '../server/store/sqlite-store';
import { measure } from './engine-measure';
import { flowA } from './engine-models';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const AUTOCANNON = join(repoRoot, 'node_modules', '.bin', 'autocannon');
const FLOW = flowA('feel');
const dir = mkdtempSync(join(tmpdir(), 'flowdeck-bench-server-'));
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function cannon(url: string, token: string, seconds: number, connections: number): Promise<CannonResult> {
  const body = JSON.stringify({ processId: 'flowA', variables: { amount: 150 } });
  const { stdout } = await promisify(execFile)(AUTOCANNON, [
    '-j', '-d', String(seconds), '-c', String(connections), '-m', 'POST', '-H', 'content-type=application/json', '-H', `authorization=Bearer ${token}`, '-b', body, `${url}/instances`,
  ], { maxBuffer: 64 * 1024 * 1024, timeout: (seconds + 30) * 1000 });
  return JSON.parse(stdout) as CannonResult;
}

async function http(groupCommit: boolean): Promise<CannonResult & { completed: number }> {
  const config = loadConfig({
    env: { FLOWDECK_ENV: 'production', FLOWDECK_JWT_SECRET: 'bench-secret-bench-secret-bench-secret', FLOWDECK_DB: join(dir, `http-${groupCommit}.sqlite`), FLOWDECK_DB_GROUP_COMMIT: String(groupCommit), FLOWDECK_PORT: '0', FLOWDECK_LOG_LEVEL: 'warn',
      FLOWDECK_ADMIN_USER: 'admin', FLOWDECK_ADMIN_PASSWORD: 'admin-password-1', FLOWDECK_HISTORY_RETENTION_DAYS: '0' },
    cwd: dir,
  });
  const server = await startServer({ config, files: [{ name: 'flowA.bpmn', source: FLOW }], scripts: await createInThreadScriptRunner() });
  try {
    const login = await fetch(`${server.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin-password-1' }) });
    const token = ((await login.json()) as { data: { accessToken: string } }).data.accessToken;
    await cannon(server.url, token, 2, 8);
    const before = server.ctx.store.countByState().completed;
    const r = await cannon(server.url, token, 10, 8);
    return { ...r, completed: server.ctx.store.countByState().completed - before };
  } finally {
    await server.close();
  }
}

async function inProcess(): Promise<number> {
  const store = new SqliteStore(openDatabase(join(dir, 'in-process.sqlite')));
  const host = await EngineHost.create({ store, clock: new RealClock(), expressions: new FeelExpressions() });
  await host.deploy(FLOW, 'flowA.bpmn');
  const rate = await measure('in-process', async () => {
    const s = await host.startInstance('flowA', { variables: { amount: 150 } });
    if (s.status !== 'completed') throw new Error('flowA did not complete');
    return 10;
  }, 5_000, { warmupMs: 1_000 });
  store.db.close();
  return rate.instancesPerSecond;
}

try {
  console.log('bench:server: flow (a), 10 nodes, full history, SQLite (WAL, synchronous=NORMAL); shared 2-core machine: figures are noisy');
  const check = (h: CannonResult & { completed: number }) => {
    if (h.non2xx || h.errors || h.timeouts) throw new Error(`HTTP answers that were not 201: ${h.non2xx} non-2xx, ${h.errors} errors, ${h.timeouts} timeouts`);
    // Requests in flight when autocannon stops complete on the server but are not counted by it.
    if (h.completed < h.requests.total) throw new Error(`${h.requests.total} starts answered but only ${h.completed} instances completed`);
    return h;
  };
  // Baseline in the same run: one SQLite transaction per operation (FLOWDECK_DB_GROUP_COMMIT=false).
  const base = check(await http(false));
  console.log(`HTTP POST /instances, one transaction per operation     ${fmt(base.requests.average).padStart(8)} starts/s   p50 ${base.latency.p50} ms   p99 ${base.latency.p99} ms   (${fmt(base.requests.total)} instances, all completed)`);
  const h = check(await http(true));
  console.log(`HTTP POST /instances, group commit (the default)         ${fmt(h.requests.average).padStart(8)} starts/s   p50 ${h.latency.p50} ms   p99 ${h.latency.p99} ms   (${fmt(h.requests.total)} instances, all completed)`);
  console.log(`group commit / one per operation: ${(h.requests.average / base.requests.average).toFixed(2)}x starts/s, p99 ${base.latency.p99} -> ${h.latency.p99} ms   (autocannon: 8 connections, 10 s each, after 2 s warm-up)`);
  const local = await inProcess();
  console.log(`in-process host on SQLite (one after the other, 5 s)     ${fmt(local).padStart(8)} starts/s`);
  console.log(`HTTP / in-process: ${(h.requests.average / local).toFixed(2)}   aim: >= 2,000 starts/s over HTTP with p99 < 20 ms: ${h.requests.average >= 2000 && h.latency.p99 < 20 ? 'reached' : 'not reached'}`);
  console.log(JSON.stringify({ httpStartsPerSec: Math.round(h.requests.average), p50Ms: h.latency.p50, p99Ms: h.latency.p99, inProcessStartsPerSec: Math.round(local) }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

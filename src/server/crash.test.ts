import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { serveChild } from './test-support/serve-child';

const dir = mkdtempSync(join(tmpdir(), 'flowdeck-crash-'));
copyFileSync(new URL('./fixtures/approval.bpmn', import.meta.url), join(dir, 'approval.bpmn'));
const DB = join(dir, 'flowdeck.sqlite');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** `flowdeck serve` on the crash folder and database. */
async function serve(): Promise<{ child: ChildProcess; url: string }> {
  const running = await serveChild({ dir, db: DB });
  children.push(running.child);
  return running;
}

async function login(url: string): Promise<string> {
  const r = await fetch(`${url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin-password-1' }) });
  return ((await r.json()) as { data: { accessToken: string } }).data.accessToken;
}

it('given a load of starts and completions, when the server is SIGKILLed and restarted on the same database, then every acknowledged operation is there and none is half-written', async () => {
  const first = await serve();
  const token = await login(first.url);
  const post = async (path: string, body: unknown) => {
    const r = await fetch(`${first.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    if (r.status >= 300) throw new Error(`${path}: ${r.status}`);
    return ((await r.json()) as { data: Record<string, unknown> }).data;
  };
  const started: string[] = [];
  const completed: string[] = [];
  let killed = false;
  // Four clients, each: start an instance, then complete its task; acknowledged = answered 2xx.
  const client = async () => {
    while (!killed) {
      try {
        const id = (await post('/instances', { processId: 'approval', variables: { n: started.length } })).id as string;
        started.push(id);
        const state = await fetch(`${first.url}/instances/${id}/state`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json()) as { data: { tasks: Record<string, unknown> } };
        await post(`/tasks/${Object.keys(state.data.tasks)[0]}/complete`, {});
        completed.push(id);
      } catch {
        return; // the server is gone
      }
    }
  };
  const load = Promise.all([client(), client(), client(), client()]);
  while (completed.length < 40) await new Promise((r) => setTimeout(r, 20));
  first.child.kill('SIGKILL');
  killed = true;
  await load;
  await new Promise((r) => first.child.exitCode !== null || first.child.signalCode !== null ? r(undefined) : first.child.once('exit', r));

  // What is on disk right after the crash: every instance row agrees with its command log, history and index rows.
  const db = new Database(DB);
  const rows = db.prepare('SELECT id, revision, state FROM instances').all() as Array<{ id: string; revision: number; state: string }>;
  for (const row of rows) {
    const s = JSON.parse(row.state) as { seq: number; commands: number; tasks: Record<string, unknown>; status: string };
    expect(s.commands).toBe(row.revision);
    expect((db.prepare('SELECT MAX(n) AS n FROM commands WHERE instance_id = ?').get(row.id) as { n: number }).n, row.id).toBe(row.revision);
    expect((db.prepare('SELECT MAX(last_seq) AS n FROM history WHERE instance_id = ?').get(row.id) as { n: number }).n, row.id).toBe(s.seq);
    expect((db.prepare('SELECT id FROM task_owner WHERE instance_id = ?').all(row.id) as Array<{ id: string }>).map((r) => r.id), row.id).toEqual(Object.keys(s.tasks));
    expect(s.status === 'completed' ? 0 : 1, row.id).toBe(Object.keys(s.tasks).length);
  }
  db.close();

  const second = await serve();
  const token2 = await login(second.url);
  const states = new Map<string, string>();
  for (let page = 1; ; page++) {
    const r = await fetch(`${second.url}/instances?pageSize=1000&page=${page}`, { headers: { authorization: `Bearer ${token2}` } }).then((x) => x.json()) as { data: { items: Array<{ id: string; state: string }>; total: number } };
    for (const i of r.data.items) states.set(i.id, i.state);
    if (page * 1000 >= r.data.total) break;
  }
  expect(started.length).toBeGreaterThanOrEqual(40);
  for (const id of started) expect(states.has(id), id).toBe(true);
  for (const id of completed) expect(states.get(id), id).toBe('completed');
  expect(states.size).toBe(rows.length);
  second.child.kill('SIGTERM');
  await new Promise((r) => second.child.once('exit', r));
  expect(second.child.exitCode).toBe(0);
}, 90_000);

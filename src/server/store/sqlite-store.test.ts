import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storeContract, instance, event, at, command } from '../../host/test-support/store-contract';
import { openDatabase, SCHEMA_VERSION } from './schema';
import { SqliteStore } from './sqlite-store';

storeContract('SqliteStore (:memory:)', () => new SqliteStore(openDatabase(':memory:')));
storeContract('SqliteStore (:memory:, group commit)', () => new SqliteStore(openDatabase(':memory:'), { groupCommit: true }));

const dir = mkdtempSync(join(tmpdir(), 'flowdeck-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SqliteStore command order', () => {
  it('given a database reopened, then new command records are ordered after the stored ones; a restore keeps the numbers it brings', async () => {
    const path = join(dir, 'order.sqlite');
    const first = new SqliteStore(openDatabase(path));
    await first.commit({ instances: [at(instance('o1'), 2)], history: [event('o1', 1)], commands: [command('o1', 1, 'start'), command('o1', 2, 'a')] });
    first.db.close();
    const again = new SqliteStore(openDatabase(path));
    await again.commit({ instances: [at(instance('o1'), 3)], history: [event('o1', 2)], commands: [command('o1', 3, 'b')] });
    expect((await again.loadCommands('o1')).map((c) => c.order)).toEqual([1, 2, 3]);
    again.db.close();
    const restored = new SqliteStore(openDatabase(':memory:'));
    restored.restore({
      instances: [at(instance('r1'), 2)], history: [event('r1', 1)], deployments: [], startTimers: [], bufferedMessages: [], messageStartLocks: [],
      commands: [{ ...command('r1', 1, 'start'), order: 40 }, { ...command('r1', 2, 'a'), order: 41 }],
    });
    await restored.commit({ instances: [at(instance('r1'), 3)], history: [event('r1', 2)], commands: [command('r1', 3, 'b')] });
    expect((await restored.loadCommands('r1')).map((c) => c.order)).toEqual([40, 41, 42]);
  });
});

describe('SqliteStore group commit', () => {
  it('given commits in one event-loop turn, then they share one transaction: another connection sees none of them until it commits, then all; a refused one leaves nothing', async () => {
    const path = join(dir, 'group.sqlite');
    const store = new SqliteStore(openDatabase(path), { groupCommit: true });
    const other = openDatabase(path);
    const count = () => (other.prepare('SELECT COUNT(*) AS n FROM instances').get() as { n: number }).n;
    const g1 = { instances: [at(instance('g1', { tasks: ['t9'] }), 1)], history: [event('g1', 1)], commands: [command('g1', 1, 'start')] };
    await store.commit(g1);
    await store.commit({ instances: [instance('g2')], history: [event('g2', 1)] });
    // Starting g1 again is a conflict, refused inside the group, alone (its savepoint rolled back).
    await expect(store.commit({ ...g1, instances: [at(instance('g1', { tasks: ['t10'] }), 1)] })).rejects.toMatchObject({ code: 'conflict' });
    expect(await store.findInstanceByTask('t10')).toBeUndefined();
    expect(store.pendingOperations).toBe(2);
    // The same connection reads its own writes (the next operation builds on them); the others do not, yet.
    expect((await store.loadInstance('g2'))?.instanceId).toBe('g2');
    expect(count()).toBe(0);
    await store.durable();
    expect(count()).toBe(2);
    expect(store.pendingOperations).toBe(0);
    expect(await store.loadHistory('g1')).toHaveLength(1);
    await store.durable(); // nothing pending: at once
    other.close();
    store.db.close();
  });
});

describe('SqliteStore on a file', () => {
  it('given commits on a file, when the database is opened again, then everything is there (WAL)', async () => {
    const path = join(dir, 'a.sqlite');
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    await new SqliteStore(db).commit({ instances: [at(instance('i1', { tasks: ['t1'] }), 1)], history: [event('i1', 1)], commands: [command('i1', 1, 'start')] });
    db.close();
    const again = new SqliteStore(openDatabase(path));
    expect((await again.loadInstance('i1'))?.commands).toBe(1);
    expect(await again.findInstanceByTask('t1')).toBe('i1');
    expect(await again.loadCommands('i1')).toHaveLength(1);
  });

  it('given ended and running instances, when retention deletes what ended before a time, then only those go, with their history', async () => {
    const store = new SqliteStore(openDatabase(':memory:'));
    const ended = (id: string, endedAt: number) => ({ ...instance(id), status: 'completed' as const, endedAt });
    await store.commit({ instances: [ended('old', 10), ended('new', 100), instance('running')], history: [event('old', 1), event('new', 1), event('running', 1)] });
    expect(store.deleteEndedBefore(50)).toBe(1);
    expect(await store.loadInstance('old')).toBeUndefined();
    expect(await store.loadHistory('old')).toEqual([]);
    expect((await store.listInstances()).map((s) => s.instanceId).sort()).toEqual(['new', 'running']);
    expect(store.countByState()).toMatchObject({ active: 1, completed: 1 });
  });

  it('given a version 1 database (before login_failures and disabled accounts), when opened, then it is migrated to the current version with its data kept', () => {
    const path = join(dir, 'v1.sqlite');
    const db = openDatabase(path);
    db.prepare("INSERT INTO audit_log (at, actor, ip, action, target, outcome, details) VALUES (1, 'a', '-', 'login', 'a', 'ok', '{}')").run();
    db.exec('DROP TABLE login_failures');
    db.exec('ALTER TABLE users DROP COLUMN disabled_at');
    db.prepare("INSERT INTO users (username, password_hash, roles, groups, created_at) VALUES ('ada', 'x', '[\"operator\"]', '[]', 1)").run();
    db.pragma('user_version = 1');
    db.close();
    const again = openDatabase(path);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(again.prepare('SELECT COUNT(*) AS n FROM login_failures').get()).toEqual({ n: 0 });
    expect(again.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
    expect(again.prepare("SELECT username, disabled_at FROM users").all()).toEqual([{ username: 'ada', disabled_at: null }]);
    again.close();
  });

  it('given a database of a newer schema version, when opened, then it is refused naming the version', () => {
    const path = join(dir, 'newer.sqlite');
    const db = openDatabase(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openDatabase(path)).toThrow(/schema version 99, newer/);
  });
});

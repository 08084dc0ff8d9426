import type { Statement } from 'better-sqlite3';
import type { SqliteDb } from './schema';

/** The SqliteStore's statements, prepared once per database. */
export function statements(db: SqliteDb) {
  const p = (sql: string): Statement => db.prepare(sql);
  return {
    loadInstance: p('SELECT state FROM instances WHERE id = ?'),
    revision: p('SELECT revision FROM instances WHERE id = ?'),
    putInstance: p(`INSERT INTO instances (id, process_id, process_version, business_key, status, suspended, incidents, started_at, ended_at, revision, state)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET process_id = excluded.process_id, process_version = excluded.process_version, business_key = excluded.business_key,
        status = excluded.status, suspended = excluded.suspended, incidents = excluded.incidents, started_at = excluded.started_at,
        ended_at = excluded.ended_at, revision = excluded.revision, state = excluded.state`),
    deleteInstance: p('DELETE FROM instances WHERE id = ?'),
    endedBefore: p(`SELECT id FROM instances WHERE status IN ('completed', 'canceled') AND ended_at < ? ORDER BY ended_at LIMIT ?`),
    countByState: p('SELECT status, suspended, COUNT(*) AS n FROM instances GROUP BY status, suspended'),
    openWork: p(`SELECT (SELECT SUM(incidents) FROM instances WHERE status = 'active') AS incidents,
      (SELECT COUNT(*) FROM jobs WHERE available_from <= @now) AS ready,
      (SELECT COUNT(*) FROM jobs WHERE available_from > @now) AS locked`),

    history: p('SELECT events FROM history WHERE instance_id = ? AND last_seq > ? ORDER BY first_seq'),
    putHistory: p('INSERT INTO history (instance_id, first_seq, last_seq, events) VALUES (?, ?, ?, ?)'),
    deleteHistory: p('DELETE FROM history WHERE instance_id = ?'),
    commands: p('SELECT record FROM commands WHERE instance_id = ? ORDER BY n'),
    putCommand: p('INSERT INTO commands (instance_id, n, record) VALUES (?, ?, ?)'),
    deleteCommands: p('DELETE FROM commands WHERE instance_id = ?'),

    availableJobs: p('SELECT job FROM jobs WHERE type = ? AND available_from <= ? ORDER BY priority DESC, created_at, key LIMIT ?'),
    putJob: p('INSERT OR REPLACE INTO jobs (key, instance_id, type, available_from, priority, created_at, job) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    deleteJobsOf: p('DELETE FROM jobs WHERE instance_id = ?'),
    jobOwner: p('SELECT instance_id FROM job_owner WHERE key = ?'),
    putJobOwner: p('INSERT OR REPLACE INTO job_owner (key, instance_id) VALUES (?, ?)'),
    deleteJobOwnersOf: p('DELETE FROM job_owner WHERE instance_id = ?'),
    taskOwner: p('SELECT instance_id FROM task_owner WHERE id = ?'),
    putTaskOwner: p('INSERT OR REPLACE INTO task_owner (id, instance_id) VALUES (?, ?)'),
    deleteTaskOwnersOf: p('DELETE FROM task_owner WHERE instance_id = ?'),

    subscriptions: p('SELECT sub FROM subscriptions WHERE index_key = ? ORDER BY ord'),
    subscriptionKeysOf: p('SELECT key FROM subscriptions WHERE instance_id = ?'),
    putSubscription: p('INSERT INTO subscriptions (instance_id, key, index_key, sub) VALUES (?, ?, ?, ?)'),
    deleteSubscription: p('DELETE FROM subscriptions WHERE instance_id = ? AND key = ?'),
    deleteSubscriptionsOf: p('DELETE FROM subscriptions WHERE instance_id = ?'),

    bufferedByName: p('SELECT message FROM messages WHERE name = ? AND correlation_key = ? ORDER BY ord'),
    bufferedByKey: p('SELECT message FROM messages WHERE key = ?'),
    allBuffered: p('SELECT message FROM messages ORDER BY ord'),
    putMessage: p('INSERT INTO messages (key, name, correlation_key, message) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET message = excluded.message'),
    deleteMessage: p('DELETE FROM messages WHERE key = ?'),
    lock: p('SELECT process_id, correlation_key, instance_id FROM message_locks WHERE process_id = ? AND correlation_key = ?'),
    lockOfInstance: p('SELECT process_id, correlation_key, instance_id FROM message_locks WHERE instance_id = ?'),
    putLock: p('INSERT OR REPLACE INTO message_locks (process_id, correlation_key, instance_id) VALUES (?, ?, ?)'),
    deleteLocksOf: p('DELETE FROM message_locks WHERE instance_id = ?'),

    startTimers: p('SELECT timer FROM start_timers ORDER BY key'),
    putStartTimer: p('INSERT OR REPLACE INTO start_timers (key, process_id, timer) VALUES (?, ?, ?)'),
    deleteStartTimer: p('DELETE FROM start_timers WHERE key = ?'),
    deleteStartTimersOf: p('DELETE FROM start_timers WHERE process_id = ?'),
    deployments: p('SELECT record FROM deployments ORDER BY ord'),
    putDeployment: p('INSERT INTO deployments (id, record) VALUES (?, ?)'),
  };
}

export type Statements = ReturnType<typeof statements>;

import Database from 'better-sqlite3';

/** The server's SQLite database handle (better-sqlite3). */
export type SqliteDb = Database.Database;

/**
 * Every schema version ever shipped, append-only: version N is `MIGRATIONS[N - 1]`, applied in
 * one transaction with `PRAGMA user_version = N`. A database of a newer version is refused.
 */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE instances (
    id TEXT PRIMARY KEY,
    process_id TEXT NOT NULL,
    process_version INTEGER NOT NULL,
    business_key TEXT,
    status TEXT NOT NULL,
    suspended INTEGER NOT NULL,
    incidents INTEGER NOT NULL,
    started_at INTEGER NOT NULL,
    ended_at INTEGER,
    revision INTEGER NOT NULL,
    state TEXT NOT NULL
  );
  CREATE INDEX instances_by_process ON instances (process_id, status);
  CREATE INDEX instances_by_status ON instances (status, ended_at);
  CREATE INDEX instances_by_key ON instances (business_key);
  CREATE INDEX instances_with_incidents ON instances (incidents) WHERE incidents > 0;

  -- History in batches: the events one commit added to one instance (seq first_seq..last_seq), as a JSON array.
  CREATE TABLE history (instance_id TEXT NOT NULL, first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL, events TEXT NOT NULL, PRIMARY KEY (instance_id, first_seq)) WITHOUT ROWID;
  CREATE TABLE commands (instance_id TEXT NOT NULL, n INTEGER NOT NULL, record TEXT NOT NULL, PRIMARY KEY (instance_id, n)) WITHOUT ROWID;

  -- Open jobs of active, unsuspended instances that can become available (jobAvailableFrom not null).
  CREATE TABLE jobs (
    key TEXT PRIMARY KEY,
    instance_id TEXT NOT NULL,
    type TEXT NOT NULL,
    available_from REAL NOT NULL,
    priority INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    job TEXT NOT NULL
  );
  CREATE INDEX jobs_by_type ON jobs (type, priority DESC, created_at, key);
  CREATE INDEX jobs_of_instance ON jobs (instance_id);
  -- Every open job and task by key (findInstanceByJob / findInstanceByTask).
  CREATE TABLE job_owner (key TEXT PRIMARY KEY, instance_id TEXT NOT NULL);
  CREATE INDEX job_owner_of ON job_owner (instance_id);
  CREATE TABLE task_owner (id TEXT PRIMARY KEY, instance_id TEXT NOT NULL);
  CREATE INDEX task_owner_of ON task_owner (instance_id);

  CREATE TABLE subscriptions (
    ord INTEGER PRIMARY KEY AUTOINCREMENT,
    instance_id TEXT NOT NULL,
    key TEXT NOT NULL,
    index_key TEXT NOT NULL,
    sub TEXT NOT NULL,
    UNIQUE (instance_id, key)
  );
  CREATE INDEX subscriptions_by_index ON subscriptions (index_key, ord);

  CREATE TABLE messages (
    ord INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    correlation_key TEXT NOT NULL,
    message TEXT NOT NULL
  );
  CREATE INDEX messages_by_name ON messages (name, correlation_key, ord);
  CREATE TABLE message_locks (
    process_id TEXT NOT NULL, correlation_key TEXT NOT NULL, instance_id TEXT NOT NULL,
    PRIMARY KEY (process_id, correlation_key)
  ) WITHOUT ROWID;
  CREATE INDEX message_locks_of ON message_locks (instance_id);

  CREATE TABLE start_timers (key TEXT PRIMARY KEY, process_id TEXT NOT NULL, timer TEXT NOT NULL);
  CREATE TABLE deployments (ord INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, record TEXT NOT NULL);
  CREATE TABLE forms (ord INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, record TEXT NOT NULL);

  CREATE TABLE users (
    username TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    roles TEXT NOT NULL,
    groups TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    -- Access tokens issued before this instant (ms) are refused: logout, password or role change.
    tokens_after INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE refresh_tokens (
    id TEXT PRIMARY KEY,
    family TEXT NOT NULL,
    username TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    revoked_at INTEGER
  );
  CREATE INDEX refresh_tokens_by_family ON refresh_tokens (family);
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    ip TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    outcome TEXT NOT NULL,
    details TEXT NOT NULL
  );
  CREATE INDEX audit_by_time ON audit_log (at);
  `,
  // 2: failed logins per account survive a restart (auth/account-throttle.ts).
  `
  CREATE TABLE login_failures (username TEXT NOT NULL, at INTEGER NOT NULL);
  CREATE INDEX login_failures_by_user ON login_failures (username, at);
  CREATE INDEX login_failures_by_time ON login_failures (at);
  `,
  // 3: an administrator can disable an account (auth/accounts.ts setDisabled); NULL = enabled.
  `
  ALTER TABLE users ADD COLUMN disabled_at INTEGER;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Opens (creating if needed) the server database at `path` (`:memory:` for tests): WAL journal,
 * `synchronous = NORMAL` (a commit survives a process crash; an OS crash may lose the last
 * commits, never half of one), foreign keys on, migrations applied.
 *
 * @example
 * const db = openDatabase('flowdeck.sqlite');
 * const store = new SqliteStore(db);
 */
export function openDatabase(path: string): SqliteDb {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db, path);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function migrate(db: SqliteDb, path: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(`database ${path} has schema version ${current}, newer than this server's ${SCHEMA_VERSION}: upgrade flowdeck`);
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

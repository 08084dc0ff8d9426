import type { SqliteDb } from './schema';

/**
 * One SQLite transaction shared by the operations of one event-loop turn. The host runs
 * operations one after the other and each reads what the ones before wrote (the same
 * connection sees its open transaction), so nothing waits for a commit between them; the commit
 * happens once per turn and the answers wait for it (`SqliteStore.durable`).
 */
export class GroupCommit {
  operations = 0;
  private waiters: Array<{ resolve(): void; reject(error: unknown): void }> = [];
  private scheduled = false;

  constructor(private readonly db: SqliteDb) {}

  open(): void {
    if (this.db.inTransaction) return;
    this.db.exec('BEGIN IMMEDIATE');
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  added(): void {
    this.operations++;
  }

  durable(): Promise<void> {
    if (!this.db.inTransaction) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  flush(): void {
    this.scheduled = false;
    const waiters = this.waiters.splice(0);
    this.operations = 0;
    if (!this.db.open || !this.db.inTransaction) {
      for (const w of waiters) w.resolve();
      return;
    }
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const w of waiters) w.reject(error);
      return;
    }
    for (const w of waiters) w.resolve();
  }
}

import type { SqliteDb } from './store/schema';

/** One critical operation: who did what to what, when, from where, and how it ended. */
export interface AuditEntry {
  id: number;
  at: number;
  actor: string;
  ip: string;
  action: string;
  target: string;
  outcome: 'ok' | 'refused' | 'failed';
  details: Record<string, unknown>;
}

/**
 * The audit log in SQLite: deploys, cancels, suspends, resumes, variable changes, incident
 * retries, script changes, logins (and refused ones), logouts, refresh token reuse, account and
 * role changes. Append-only through this class.
 */
export class AuditLog {
  private readonly insert;

  constructor(
    private readonly db: SqliteDb,
    private readonly now: () => number,
  ) {
    this.insert = db.prepare('INSERT INTO audit_log (at, actor, ip, action, target, outcome, details) VALUES (?, ?, ?, ?, ?, ?, ?)');
  }

  record(entry: Omit<AuditEntry, 'id' | 'at' | 'details'> & { details?: Record<string, unknown> }): void {
    this.insert.run(this.now(), entry.actor, entry.ip, entry.action, entry.target, entry.outcome, JSON.stringify(entry.details ?? {}));
  }

  /** Newest first. */
  list(query: { actor?: string; action?: string; limit: number; offset: number }): { items: AuditEntry[]; total: number } {
    const where: string[] = [];
    const args: unknown[] = [];
    if (query.actor !== undefined) {
      where.push('actor = ?');
      args.push(query.actor);
    }
    if (query.action !== undefined) {
      where.push('action = ?');
      args.push(query.action);
    }
    const w = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM audit_log${w}`).get(...args) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM audit_log${w} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...args, query.limit, query.offset) as Array<Omit<AuditEntry, 'details'> & { details: string }>;
    return { items: rows.map((r) => ({ ...r, details: JSON.parse(r.details) })), total };
  }
}

import type { SqliteDb } from '../store/schema';

/**
 * Login attempts per account: at most `max` failed logins of one account within `windowMs`;
 * beyond that every login of the account is refused until the oldest failure leaves the window
 * (a password guesser spread over many clients is slowed per account; the per-client limit is
 * @fastify/rate-limit's). The failures are rows in SQLite (`login_failures`), so a restart, a
 * crash or a second server process on the same database does not reset the count.
 */
export class AccountThrottle {
  private readonly recent;
  private readonly insert;
  private readonly forget;
  private readonly prune;

  constructor(
    db: SqliteDb,
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {
    this.recent = db.prepare('SELECT COUNT(*) AS n, MIN(at) AS first FROM login_failures WHERE username = ? AND at > ?');
    this.insert = db.prepare('INSERT INTO login_failures (username, at) VALUES (?, ?)');
    this.forget = db.prepare('DELETE FROM login_failures WHERE username = ?');
    this.prune = db.prepare('DELETE FROM login_failures WHERE at <= ?');
  }

  /** Milliseconds until the account may try again (0: now). */
  retryAfterMs(username: string): number {
    const { n, first } = this.recent.get(username, this.now() - this.windowMs) as { n: number; first: number | null };
    return n < this.max || first === null ? 0 : Math.max(1, first + this.windowMs - this.now());
  }

  fail(username: string): void {
    this.insert.run(username, this.now());
    // Failures out of every window are worth nothing: the table holds one window's worth.
    this.prune.run(this.now() - this.windowMs);
  }

  succeed(username: string): void {
    this.forget.run(username);
  }
}

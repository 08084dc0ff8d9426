import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SqliteDb } from '../store/schema';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import { ROLES, type Role } from './roles';

export interface User {
  username: string;
  roles: Role[];
  groups: string[];
  createdAt: number;
  /** Access tokens issued before this instant (ms) are refused. */
  tokensAfter: number;
  /** When an administrator disabled the account (ms), or null: a disabled account is refused everywhere. */
  disabledAt: number | null;
}

/** Why a refresh token was refused: `reused` revoked its whole family. */
export type RefreshRefusal = 'unknown' | 'expired' | 'revoked' | 'reused';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Accounts and refresh tokens in the server's SQLite database. Refresh tokens are random (32
 * bytes), stored only as their SHA-256, and belong to a family (one login); each use marks the
 * token used and issues the next of the family. A used token presented again means it was
 * stolen (or replayed): the whole family is revoked (OAuth 2.0 Security BCP, refresh token rotation).
 */
export class Accounts {
  /** Read on every request (the guard), so prepared once. */
  private readonly byName;

  constructor(
    private readonly db: SqliteDb,
    private readonly now: () => number,
  ) {
    this.byName = db.prepare('SELECT username, roles, groups, created_at, tokens_after, disabled_at FROM users WHERE username = ?');
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  get(username: string): User | undefined {
    const row = this.byName.get(username) as
      | { username: string; roles: string; groups: string; created_at: number; tokens_after: number; disabled_at: number | null } | undefined;
    return row ? {
      username: row.username, roles: JSON.parse(row.roles), groups: JSON.parse(row.groups), createdAt: row.created_at, tokensAfter: row.tokens_after, disabledAt: row.disabled_at,
    } : undefined;
  }

  list(): User[] {
    return (this.db.prepare('SELECT username FROM users ORDER BY username').all() as Array<{ username: string }>).map((r) => this.get(r.username) as User);
  }

  async create(user: { username: string; password: string; roles: Role[]; groups?: string[] }): Promise<User> {
    checkRoles(user.roles);
    const hash = await hashPassword(user.password);
    const info = this.db.prepare('INSERT OR IGNORE INTO users (username, password_hash, roles, groups, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(user.username, hash, JSON.stringify(user.roles), JSON.stringify(user.groups ?? []), this.now());
    if (info.changes === 0) throw new AccountError('exists', `user ${user.username} already exists`);
    return this.get(user.username) as User;
  }

  /** Replaces roles and groups; tokens issued before take no effect any more (roles are read per request anyway). */
  update(username: string, change: { roles?: Role[]; groups?: string[] }): User {
    const user = this.get(username);
    if (!user) throw new AccountError('notFound', `no user ${username}`);
    if (change.roles) checkRoles(change.roles);
    this.db.prepare('UPDATE users SET roles = ?, groups = ? WHERE username = ?')
      .run(JSON.stringify(change.roles ?? user.roles), JSON.stringify(change.groups ?? user.groups), username);
    return this.get(username) as User;
  }

  /**
   * Sets a new password and logs every session out: all refresh tokens revoked, access tokens
   * issued before now refused (`tokens_after`). One transaction: never the new password with the
   * old sessions alive.
   */
  async changePassword(username: string, password: string): Promise<void> {
    const hash = await hashPassword(password);
    this.db.transaction(() => {
      const info = this.db.prepare('UPDATE users SET password_hash = ?, tokens_after = ? WHERE username = ?').run(hash, this.now(), username);
      if (info.changes === 0) throw new AccountError('notFound', `no user ${username}`);
      this.db.prepare('UPDATE refresh_tokens SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL').run(this.now(), username);
    })();
  }

  /**
   * Disables (every session ends: refresh tokens revoked, access tokens refused) or enables an
   * account. The last enabled administrator cannot be disabled: the server would have no one to
   * enable it again. One transaction.
   */
  setDisabled(username: string, disabled: boolean): User {
    this.db.transaction(() => {
      const user = this.get(username);
      if (!user) throw new AccountError('notFound', `no user ${username}`);
      if (disabled && user.disabledAt === null && user.roles.includes('administrator')) {
        const admins = (this.db.prepare("SELECT roles FROM users WHERE disabled_at IS NULL").all() as Array<{ roles: string }>)
          .filter((r) => (JSON.parse(r.roles) as string[]).includes('administrator')).length;
        if (admins <= 1) throw new AccountError('lastAdministrator', `${username} is the last enabled administrator: enable or create another first`);
      }
      if (!disabled) {
        this.db.prepare('UPDATE users SET disabled_at = NULL WHERE username = ?').run(username);
        return;
      }
      if (user.disabledAt !== null) return;
      this.db.prepare('UPDATE users SET disabled_at = ?, tokens_after = ? WHERE username = ?').run(this.now(), this.now(), username);
      this.db.prepare('UPDATE refresh_tokens SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL').run(this.now(), username);
    })();
    return this.get(username) as User;
  }

  /** The user when the password matches; the same work is done for an unknown user. */
  async authenticate(username: string, password: string): Promise<User | undefined> {
    const row = this.db.prepare('SELECT password_hash FROM users WHERE username = ?').get(username) as { password_hash: string } | undefined;
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    return ok && row ? this.get(username) : undefined;
  }

  /** A new refresh token family (a login). */
  issueRefresh(username: string, ttlS: number, family: string = randomUUID()): string {
    const token = randomBytes(32).toString('base64url');
    this.db.prepare('INSERT INTO refresh_tokens (id, family, username, expires_at) VALUES (?, ?, ?, ?)').run(hashToken(token), family, username, this.now() + ttlS * 1000);
    return token;
  }

  /** Uses a refresh token: the next one of its family, or why not (a reuse revokes the family). In one transaction. */
  rotate(token: string, ttlS: number): { username: string; refreshToken: string } | { refused: RefreshRefusal; username?: string; family?: string } {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT family, username, expires_at, used_at, revoked_at FROM refresh_tokens WHERE id = ?').get(hashToken(token)) as
        | { family: string; username: string; expires_at: number; used_at: number | null; revoked_at: number | null } | undefined;
      if (!row) return { refused: 'unknown' as const };
      const who = { username: row.username, family: row.family };
      if (row.revoked_at !== null) return { refused: 'revoked' as const, ...who };
      if (row.used_at !== null) {
        this.revokeFamily(row.family);
        return { refused: 'reused' as const, ...who };
      }
      if (row.expires_at <= this.now()) return { refused: 'expired' as const, ...who };
      this.db.prepare('UPDATE refresh_tokens SET used_at = ? WHERE id = ?').run(this.now(), hashToken(token));
      return { username: row.username, refreshToken: this.issueRefresh(row.username, ttlS, row.family) };
    })();
  }

  /** Revokes the family of `token` (when it is this user's), or every family of the user; and their access tokens. */
  logout(username: string, token?: string): void {
    this.db.transaction(() => {
      if (token !== undefined) {
        const row = this.db.prepare('SELECT family FROM refresh_tokens WHERE id = ? AND username = ?').get(hashToken(token), username) as { family: string } | undefined;
        if (row) this.revokeFamily(row.family);
      } else {
        this.db.prepare('UPDATE refresh_tokens SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL').run(this.now(), username);
      }
      this.db.prepare('UPDATE users SET tokens_after = ? WHERE username = ?').run(this.now(), username);
    })();
  }

  /** Drops refresh tokens that expired more than a day ago (retention). */
  deleteExpiredRefreshTokens(): number {
    return this.db.prepare('DELETE FROM refresh_tokens WHERE expires_at < ?').run(this.now() - 86_400_000).changes;
  }

  private revokeFamily(family: string): void {
    this.db.prepare('UPDATE refresh_tokens SET revoked_at = ? WHERE family = ? AND revoked_at IS NULL').run(this.now(), family);
  }
}

export class AccountError extends Error {
  constructor(
    readonly reason: 'exists' | 'notFound' | 'invalid' | 'lastAdministrator',
    message: string,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

function checkRoles(roles: readonly string[]): void {
  const wrong = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (wrong.length || roles.length === 0) throw new AccountError('invalid', `roles must be one or more of ${ROLES.join(', ')}${wrong.length ? ` (got ${wrong.join(', ')})` : ''}`);
}

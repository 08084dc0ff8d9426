import type { EngineApi } from '../api/service';
import type { EngineHost } from '../host/engine-host';
import type { Accounts, User } from './auth/accounts';
import type { Permission } from './auth/roles';
import type { AccessTokens } from './auth/tokens';
import type { AuditLog } from './audit';
import type { ServerConfig } from './config';
import type { ChangeFeed } from './http/change-feed';
import type { JobWaiters } from './http/job-waiters';
import type { ServerMetrics } from './metrics';
import type { SqliteDb } from './store/schema';
import type { SqliteStore } from './store/sqlite-store';

/** Everything the HTTP layer works with: built once by `startServer` (or a test). */
export interface ServerContext {
  config: ServerConfig;
  db: SqliteDb;
  store: SqliteStore;
  host: EngineHost;
  api: EngineApi;
  accounts: Accounts;
  tokens: AccessTokens;
  audit: AuditLog;
  metrics: ServerMetrics;
  jobWaiters: JobWaiters;
  /** The engine's commits for `GET /events`. */
  changes: ChangeFeed;
  /** Time for tokens, refresh tokens and the audit log (tests move it to expire tokens). */
  now: () => number;
  /** The job executor (timers, lock ends) runs; `/health/ready` reports it. */
  executor: { running: boolean };
  /** Who acts in the current request (deployments' `deployedBy`). */
  actor: { name: string };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated user (absent on public routes). */
    user?: User;
  }
  interface FastifyContextConfig {
    /** No access token needed (`/health/*`, `/auth/login`, `/auth/refresh`). */
    public?: boolean;
    /** What the user must be allowed to do (see auth/roles.ts). */
    permission?: Permission | Permission[];
    /** `/metrics`: also accepts the configured metrics token. */
    metrics?: boolean;
  }
}

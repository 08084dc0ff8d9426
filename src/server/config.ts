import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';

/*
 * The server's configuration: environment variables (and `.env`, `.env.<environment>` files in
 * the working folder; the real environment wins), validated with zod at start. Every option with
 * its default is in docs/server.md; keep the two in step.
 */

const int = (min: number, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max);
const list = z.string().transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x !== ''));
const bool = z.enum(['true', 'false', '1', '0']).transform((s) => s === 'true' || s === '1');

const ENVIRONMENTS = ['development', 'test', 'production'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** Per environment defaults where they differ (the rest are the same everywhere). */
const PER_ENVIRONMENT: Record<Environment, Record<string, string>> = {
  development: { FLOWDECK_LOG_LEVEL: 'info' },
  test: { FLOWDECK_LOG_LEVEL: 'silent' },
  production: { FLOWDECK_LOG_LEVEL: 'info' },
};

const schema = z.object({
  FLOWDECK_ENV: z.enum(ENVIRONMENTS).default('development'),
  FLOWDECK_HOST: z.string().min(1).default('127.0.0.1'),
  FLOWDECK_PORT: int(0, 65535).default(8080),
  FLOWDECK_DB: z.string().min(1).default('flowdeck.sqlite'),
  FLOWDECK_CORS_ORIGINS: list.default([]),
  FLOWDECK_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  FLOWDECK_ACCESS_TOKEN_TTL_S: int(10, 86_400).default(900),
  FLOWDECK_REFRESH_TOKEN_TTL_S: int(60, 365 * 86_400).default(7 * 86_400),
  FLOWDECK_LOGIN_MAX_PER_CLIENT: int(1).default(20),
  FLOWDECK_LOGIN_MAX_PER_ACCOUNT: int(1).default(5),
  FLOWDECK_LOGIN_WINDOW_S: int(1).default(60),
  FLOWDECK_RATE_LIMIT_PER_MINUTE: int(0).default(0),
  FLOWDECK_BODY_LIMIT_BYTES: int(1024).default(1024 * 1024),
  FLOWDECK_ARCHIVE_LIMIT_BYTES: int(1024).default(50 * 1024 * 1024),
  FLOWDECK_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  FLOWDECK_HISTORY_RETENTION_DAYS: int(0).default(30),
  FLOWDECK_RETENTION_INTERVAL_S: int(1).default(3600),
  FLOWDECK_LONG_POLL_MAX_MS: int(0, 300_000).default(30_000),
  FLOWDECK_ADMIN_USER: z.string().min(1).max(100).optional(),
  FLOWDECK_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(1024).optional(),
  FLOWDECK_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  FLOWDECK_TRUST_PROXY: bool.default(false),
  FLOWDECK_DB_GROUP_COMMIT: bool.default(true),
  FLOWDECK_SHUTDOWN_TIMEOUT_MS: int(0).default(10_000),
});

/** The validated configuration. */
export interface ServerConfig {
  env: Environment;
  host: string;
  port: number;
  dbPath: string;
  corsOrigins: string[];
  /** The HS256 key of access tokens; a random one per start (with a warning) when none is configured outside production. */
  jwtSecret: string;
  jwtSecretGenerated: boolean;
  accessTokenTtlS: number;
  refreshTokenTtlS: number;
  login: { maxPerClient: number; maxPerAccount: number; windowS: number };
  /** Requests per minute per client on every route (0: no general limit). */
  rateLimitPerMinute: number;
  bodyLimitBytes: number;
  archiveLimitBytes: number;
  logLevel: string;
  /** Days ended instances and their history are kept (0: forever). */
  historyRetentionDays: number;
  retentionIntervalS: number;
  longPollMaxMs: number;
  admin?: { username: string; password: string };
  metricsToken?: string;
  trustProxy: boolean;
  /** Operations of one event-loop turn share one SQLite transaction; answers wait for its commit. */
  groupCommit: boolean;
  shutdownTimeoutMs: number;
}

/** A configuration value is wrong: the message names each variable and what is wrong with it. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the configuration from `env` (default `process.env`) over the `.env` and
 * `.env.<FLOWDECK_ENV>` files in `cwd`, then `overrides` (the CLI's `--port`, `--db`).
 *
 * @throws ConfigError naming every wrong variable.
 * @example
 * const config = loadConfig({ env: process.env, cwd: process.cwd(), overrides: { FLOWDECK_PORT: '9090' } });
 */
export function loadConfig(options: { env?: Record<string, string | undefined>; cwd?: string; overrides?: Record<string, string | undefined> } = {}): ServerConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const fromFile = readEnvFile(join(cwd, '.env'));
  const environment = env.FLOWDECK_ENV ?? fromFile.FLOWDECK_ENV ?? 'development';
  const perFile = ENVIRONMENTS.includes(environment as Environment) ? readEnvFile(join(cwd, `.env.${environment}`)) : {};
  const defaults = PER_ENVIRONMENT[environment as Environment] ?? PER_ENVIRONMENT.development;
  const merged: Record<string, string | undefined> = { ...defaults, ...fromFile, ...perFile };
  for (const [k, v] of Object.entries(env)) if (k.startsWith('FLOWDECK_') && v !== undefined) merged[k] = v;
  for (const [k, v] of Object.entries(options.overrides ?? {})) if (v !== undefined) merged[k] = v;
  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}${shown(i.path[0], merged)}`));
  }
  const c = parsed.data;
  const problems: string[] = [];
  if ((c.FLOWDECK_ADMIN_USER === undefined) !== (c.FLOWDECK_ADMIN_PASSWORD === undefined)) {
    problems.push('FLOWDECK_ADMIN_USER and FLOWDECK_ADMIN_PASSWORD go together: set both or neither');
  }
  if (c.FLOWDECK_ENV === 'production' && c.FLOWDECK_JWT_SECRET === undefined) problems.push('FLOWDECK_JWT_SECRET: required in production (at least 32 characters)');
  if (problems.length) throw new ConfigError(problems);
  return {
    env: c.FLOWDECK_ENV, host: c.FLOWDECK_HOST, port: c.FLOWDECK_PORT, dbPath: c.FLOWDECK_DB, corsOrigins: c.FLOWDECK_CORS_ORIGINS,
    jwtSecret: c.FLOWDECK_JWT_SECRET ?? randomSecret(), jwtSecretGenerated: c.FLOWDECK_JWT_SECRET === undefined,
    accessTokenTtlS: c.FLOWDECK_ACCESS_TOKEN_TTL_S, refreshTokenTtlS: c.FLOWDECK_REFRESH_TOKEN_TTL_S,
    login: { maxPerClient: c.FLOWDECK_LOGIN_MAX_PER_CLIENT, maxPerAccount: c.FLOWDECK_LOGIN_MAX_PER_ACCOUNT, windowS: c.FLOWDECK_LOGIN_WINDOW_S },
    rateLimitPerMinute: c.FLOWDECK_RATE_LIMIT_PER_MINUTE, bodyLimitBytes: c.FLOWDECK_BODY_LIMIT_BYTES, archiveLimitBytes: c.FLOWDECK_ARCHIVE_LIMIT_BYTES,
    logLevel: c.FLOWDECK_LOG_LEVEL, historyRetentionDays: c.FLOWDECK_HISTORY_RETENTION_DAYS, retentionIntervalS: c.FLOWDECK_RETENTION_INTERVAL_S,
    longPollMaxMs: c.FLOWDECK_LONG_POLL_MAX_MS,
    admin: c.FLOWDECK_ADMIN_USER !== undefined && c.FLOWDECK_ADMIN_PASSWORD !== undefined ? { username: c.FLOWDECK_ADMIN_USER, password: c.FLOWDECK_ADMIN_PASSWORD } : undefined,
    metricsToken: c.FLOWDECK_METRICS_TOKEN, trustProxy: c.FLOWDECK_TRUST_PROXY, groupCommit: c.FLOWDECK_DB_GROUP_COMMIT, shutdownTimeoutMs: c.FLOWDECK_SHUTDOWN_TIMEOUT_MS,
  };
}

function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parseEnv(readFileSync(path, 'utf8')))) if (v !== undefined) out[k] = v;
  return out;
}

/** The wrong value, quoted, unless it is a secret. */
function shown(key: PropertyKey | undefined, values: Record<string, string | undefined>): string {
  if (typeof key !== 'string' || /SECRET|PASSWORD|TOKEN/.test(key) || values[key] === undefined) return '';
  return ` (got ${JSON.stringify(values[key])})`;
}

function randomSecret(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64url');
}

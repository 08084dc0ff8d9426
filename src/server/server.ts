import type { DestinationStream } from 'pino';
import { EngineApi } from '../api/service';
import type { Logger, ScriptRunner } from '../engine';
import { RealClock } from '../host/clocks';
import { DmnDecisions } from '../host/dmn-decisions';
import { EngineHost } from '../host/engine-host';
import { FeelExpressions } from '../host/feel-expressions';
import type { MemoryStoreSnapshot } from '../host/memory-store';
import { createNodeScriptRunner } from '../host/scripts/node-script-threads';
import { Accounts } from './auth/accounts';
import { AccessTokens } from './auth/tokens';
import { AuditLog } from './audit';
import { SqliteCatalog } from './catalog';
import type { ServerConfig } from './config';
import type { ServerContext } from './context';
import { deployAll, type DeployedFile, type DeployFile } from './deploy';
import { buildApp } from './http/app';
import { HttpError } from './http/errors';
import { ChangeFeed } from './http/change-feed';
import { JobWaiters } from './http/job-waiters';
import type { App } from './http/shapes';
import { ServerMetrics } from './metrics';
import { startRetention } from './retention';
import { openDatabase } from './store/schema';
import { SqliteStore } from './store/sqlite-store';

export interface StartOptions {
  config: ServerConfig;
  /** Files to deploy before serving (all or nothing; files identical to their latest deployment are skipped). */
  files?: DeployFile[];
  /** Engine data of an archive (instances, history, deployments...), restored before the engine starts when the database holds none. */
  engineData?: MemoryStoreSnapshot;
  /** Default: QuickJS in Node script threads (`createNodeScriptRunner`). */
  scripts?: ScriptRunner & { dispose?(): void };
  /** Time of tokens and the audit log (tests move it). Default `Date.now`. */
  now?: () => number;
  /** Where logs go (default stdout). */
  logStream?: DestinationStream;
}

export interface RunningServer {
  app: App;
  ctx: ServerContext;
  /** `http://host:port` it listens on. */
  url: string;
  deployed: DeployedFile[];
  /** What the archive's engine data gave (`skipped`: the database already held engine data). */
  restored?: { instances: number; deployments: number; skipped: boolean };
  /** The retention cleanup, run now (tests, an operator's script); returns the instances removed. */
  retention: { runOnce(): number };
  /** Graceful stop: not ready, no new requests, in-flight ones finish, long polls end, job executor stops, database closes. */
  close(): Promise<void>;
}

/**
 * Starts `flowdeck serve`: opens the SQLite database (WAL), starts the engine host on it
 * (redeploying what it holds), creates the first administrator from the configuration when
 * there is no account, deploys `files`, starts the job executor (timers, lock ends) and the
 * history retention, and listens.
 *
 * @example
 * const server = await startServer({ config: loadConfig(), files });
 * process.once('SIGTERM', () => void server.close());
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  const now = options.now ?? Date.now;
  const db = openDatabase(config.dbPath);
  const store = new SqliteStore(db, { groupCommit: config.groupCommit });
  const jobWaiters = new JobWaiters();
  const changeFeed = new ChangeFeed(() => store.durable());
  const clock = new RealClock();
  const decisions = new DmnDecisions();
  const actor = { name: 'system' };
  let log: App['log'] | undefined;
  const logger: Logger = {
    debug: (msg, data) => log?.child({ category: 'engine' }).debug({ data }, msg),
    warn: (msg, data) => log?.child({ category: 'engine' }).warn({ data }, msg),
  };
  const scripts = options.scripts ?? (await createNodeScriptRunner({ logger }));
  try {
    // Before the host reads deployments and timers: the restored instances run on from where they were.
    const restored = options.engineData ? restoreEngineData(store, options.engineData) : undefined;
    const host = await EngineHost.create({ store, clock, expressions: new FeelExpressions(), scripts, decisions, logger, onCommit: (changes) => {
      jobWaiters.wake();
      changeFeed.publish(changes.instances.map((s) => s.instanceId));
    } });
    const api = new EngineApi({
      host, store, clock, catalog: new SqliteCatalog(store, () => actor.name), decisions,
      writeEngineData: async (snapshot) => store.restore(snapshot),
    });
    const ctx: ServerContext = {
      config, db, store, host, api, jobWaiters, changes: changeFeed, now, actor,
      accounts: new Accounts(db, now), tokens: new AccessTokens(config.jwtSecret, config.accessTokenTtlS, now), audit: new AuditLog(db, now),
      metrics: new ServerMetrics(store, db), executor: { running: false },
    };
    const app = await buildApp(ctx, { logStream: options.logStream });
    log = app.log;
    const boot = app.log.child({ category: 'boot' });
    if (config.jwtSecretGenerated) boot.warn('FLOWDECK_JWT_SECRET is not set: a random key signs tokens, so they do not survive a restart');
    if (ctx.accounts.count() === 0) {
      if (config.admin) {
        await ctx.accounts.create({ username: config.admin.username, password: config.admin.password, roles: ['administrator'] });
        ctx.audit.record({ actor: 'system', ip: '-', action: 'user.create', target: config.admin.username, outcome: 'ok', details: { roles: ['administrator'], from: 'FLOWDECK_ADMIN_USER' } });
        boot.info({ username: config.admin.username }, 'created the first administrator');
      } else {
        boot.warn('the database has no account: set FLOWDECK_ADMIN_USER and FLOWDECK_ADMIN_PASSWORD to create the first administrator');
      }
    }
    if (restored) boot.info({ restored }, restored.skipped ? 'engine data of the archive not imported: the database already holds engine data' : 'restored the engine data of the archive');
    const deployed = options.files?.length ? await deployAll(host, api, options.files, { deployedBy: 'flowdeck serve', skipUnchanged: true }) : [];
    if (deployed.length) boot.info({ deployed: deployed.map((d) => ({ name: d.name, versions: d.versions, unchanged: d.unchanged, ...(d.bundledWith ? { bundledWith: d.bundledWith } : {}) })) }, 'deployed');
    for (const d of deployed) for (const w of d.warnings ?? []) boot.warn({ file: d.name }, w);
    await host.timers.start();
    ctx.executor.running = true;
    const retention = startRetention(ctx, app.log.child({ category: 'retention' }));
    const address = await app.listen({ host: config.host, port: config.port });
    let closing: Promise<void> | undefined;
    const close = () => (closing ??= (async () => {
      ctx.executor.running = false;
      boot.info('shutting down: finishing in-flight requests');
      const timeout = setTimeout(() => boot.warn(`requests still in flight after ${config.shutdownTimeoutMs} ms`), config.shutdownTimeoutMs).unref();
      await app.close();
      clearTimeout(timeout);
      retention.stop();
      host.timers.stop();
      await host.serial(async () => undefined); // let the last operation commit
      store.flush();
      scripts.dispose?.();
      db.close();
    })());
    return { app, ctx, url: address, deployed, restored, retention: { runOnce: retention.runOnce }, close };
  } catch (error) {
    scripts.dispose?.();
    db.close();
    throw error;
  }
}

/** Restores an archive's engine data into an empty database; on a database that has some (a restart on the same archive), leaves it. */
function restoreEngineData(store: SqliteStore, data: MemoryStoreSnapshot): { instances: number; deployments: number; skipped: boolean } {
  const held = store.db.prepare('SELECT (SELECT COUNT(*) FROM instances) + (SELECT COUNT(*) FROM deployments) AS n').get() as { n: number };
  if (held.n > 0) return { instances: 0, deployments: 0, skipped: true };
  try {
    return { ...store.restore(data), skipped: false };
  } catch (error) {
    throw new HttpError('VALIDATION_ERROR', `the archive's engine data (data/instances.json) could not be restored, nothing of it was written: ${(error as Error).message}`);
  }
}

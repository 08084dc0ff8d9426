import type { FastifyBaseLogger } from 'fastify';
import type { ServerContext } from './context';

/**
 * History retention: every `FLOWDECK_RETENTION_INTERVAL_S`, ended instances (completed,
 * canceled) that ended more than `FLOWDECK_HISTORY_RETENTION_DAYS` ago are deleted with their
 * history and command log, in batches of 1,000 (one transaction each, so requests interleave);
 * refresh tokens expired for a day go too. Running instances are never touched. 0 days: keep all.
 */
export function startRetention(ctx: ServerContext, log: FastifyBaseLogger): { runOnce(): number; stop(): void } {
  const runOnce = (): number => {
    let removed = 0;
    if (ctx.config.historyRetentionDays > 0) {
      const cutoff = ctx.now() - ctx.config.historyRetentionDays * 86_400_000;
      for (let n = ctx.store.deleteEndedBefore(cutoff); ; n = ctx.store.deleteEndedBefore(cutoff)) {
        removed += n;
        if (n < 1000) break;
      }
    }
    const tokens = ctx.accounts.deleteExpiredRefreshTokens();
    if (removed || tokens) log.info({ instances: removed, refreshTokens: tokens }, 'retention cleanup');
    return removed;
  };
  const timer = setInterval(() => {
    try {
      runOnce();
    } catch (error) {
      log.error({ err: error }, 'retention cleanup failed');
    }
  }, ctx.config.retentionIntervalS * 1000).unref();
  return { runOnce, stop: () => clearInterval(timer) };
}

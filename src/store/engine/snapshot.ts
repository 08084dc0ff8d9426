import type { MemoryStoreSnapshot } from '../../host/memory-store';
import type { FlowdeckDb } from '../db';
import { engineDeployments } from './deployments';
import { allHistory } from './history-batches';

/*
 * The engine's data as one plain JSON document, the same shape `MemoryStore.snapshot()` gives:
 * for an export while the disk is full (reads still work), for moving instances between the
 * browser and the CLI, and for tests. Written by the store's own commit, so an import is checked
 * and atomic like any commit.
 */

/**
 * Everything the engine stored, read in one readonly transaction (a consistent cut).
 * @example
 * const json = JSON.stringify(await exportEngineSnapshot(db)); // then MemoryStore.fromSnapshot(JSON.parse(json))
 */
export async function exportEngineSnapshot(db: FlowdeckDb): Promise<MemoryStoreSnapshot> {
  const tables = [db.instances, db.paths, db.historyBatches, db.commands, db.deployments, db.startTimers, db.bufferedMessages, db.messageStartLocks];
  return db.transaction('r', tables, async () => {
    const [rows, pieces, history, commands, deployments, startTimers, messages, messageStartLocks] = await Promise.all([
      db.instances.orderBy('order').toArray(),
      db.paths.toArray(),
      allHistory(db),
      db.commands.toArray(),
      engineDeployments(db),
      db.startTimers.toArray(),
      db.bufferedMessages.orderBy('order').toArray(),
      db.messageStartLocks.toArray(),
    ]);
    const paths = new Map<string, string[]>();
    for (const p of pieces) {
      let path = paths.get(p.instanceId);
      if (!path) paths.set(p.instanceId, (path = []));
      for (const id of p.ids) path.push(id);
    }
    return {
      instances: rows.map((r) => (r.pathInline ? r.state : { ...r.state, path: paths.get(r.instanceId) ?? [] })),
      history,
      commands,
      deployments,
      startTimers,
      bufferedMessages: messages.map(({ order: _order, ...m }) => m),
      messageStartLocks,
    };
  });
}

import type { MemoryStoreSnapshot } from '../../host/memory-store';
import type { FlowdeckDb } from '../db';
import { rethrowStorageError, type StorageLike } from '../storage';
import { applyCommit, COMMIT_TABLES } from './apply-commit';
import type { Actor } from './audit';
import { sha256, writeDeploymentRows } from './deployments';

/**
 * Writes a snapshot (`exportEngineSnapshot`, an archive's `data/instances.json`) into a workspace
 * database whose engine tables are empty: its deployments and everything else in ONE readwrite
 * transaction, so a refused or failed import leaves nothing behind. The imported commands were
 * other people's actions: no audit rows for them (one `deploy` entry per deployment, by its
 * deployer where the snapshot names one, else `options.actor`).
 * @throws Error naming what is wrong: a database that already holds engine data, a history event
 *   of an unknown instance, a duplicate version; StorageQuotaError when the disk is full.
 * @example
 * await importEngineSnapshot(db, JSON.parse(json), { actor: () => 'ana' }); // then the host adopts it (EngineHost.importData)
 */
export async function importEngineSnapshot(db: FlowdeckDb, snapshot: MemoryStoreSnapshot, options: { actor?: Actor; storage?: StorageLike } = {}): Promise<{ instances: number; deployments: number }> {
  const actor = options.actor ?? (() => 'unknown');
  // Hashes first: IndexedDB commits a transaction that waits on anything but its own requests.
  const hashes = await Promise.all(snapshot.deployments.map((d) => sha256(d.xml)));
  const tables = [...new Set<string>([...COMMIT_TABLES, 'deployments', 'definitions'])];
  try {
    await db.transaction('rw', tables, async () => {
      const [instances, deployments] = await Promise.all([db.instances.count(), db.deployments.count()]);
      if (instances > 0 || deployments > 0) {
        throw new Error(`the engine tables of database ${db.name} are not empty (${instances} instances, ${deployments} deployments): engine data is imported into an empty engine only`);
      }
      for (const [i, d] of snapshot.deployments.entries()) {
        await writeDeploymentRows(db, d, hashes[i], { note: d.note, deployedBy: d.deployedBy ?? actor() });
      }
      await applyCommit(db, {
        instances: snapshot.instances, history: snapshot.history, commands: snapshot.commands, startTimers: snapshot.startTimers,
        messages: snapshot.bufferedMessages, messageStartLocks: snapshot.messageStartLocks,
      }, null);
    });
  } catch (error) {
    await rethrowStorageError(error, 'the import of engine data', options.storage);
  }
  return { instances: snapshot.instances.length, deployments: snapshot.deployments.length };
}

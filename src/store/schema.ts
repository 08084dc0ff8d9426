import type { Dexie, Transaction } from 'dexie';
import { upgradeToV3 } from './upgrade-v3';

/**
 * One schema version of the `flowdeck` database. Versions are kept here forever and only ever
 * appended: a browser that last opened version 1 months ago must still upgrade step by step.
 * `upgrade` must be idempotent (it may meet rows it already migrated, e.g. rows written by a newer
 * tab in a previous attempt) and must not depend on code that later versions change.
 */
export interface SchemaVersion {
  version: number;
  /** Dexie store specs: primary key first, then indexes. `null` deletes a table. */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * v2: the engine's tables (row shapes in engine/rows.ts; why this layout: docs/adr/0080). Only new
 * tables, so the upgrade has nothing to migrate (and is trivially idempotent). Index fields that
 * may be null are stored as '' (IndexedDB leaves null keys out of an index).
 */
const ENGINE_TABLES_V2: Record<string, string> = {
  deployments: 'id, &order, deployedAt, kind, sha256',
  definitions: '[kind+definitionId+version], deploymentId, [kind+definitionId]',
  instances: 'instanceId, &order, processId, [processId+processVersion], status, businessKey, parentId, startedAt, endedAt, incidentCount',
  paths: '[instanceId+from]',
  variables: '[instanceId+scopeId+name], instanceId, name',
  jobs: 'key, instanceId, [type+state], state, lockExpiresAt, retryAt',
  timers: 'key, instanceId, dueAt',
  subscriptions: 'key, instanceId, [kind+name+correlationKey+order]',
  bufferedMessages: 'key, &order, [name+correlationKey+order], expiresAt',
  messageStartLocks: '[processId+correlationKey], &instanceId',
  startTimers: 'key, processId, dueAt',
  userTasks: 'id, instanceId, processId, assigneeKey, *candidateGroups, *candidateUsers, dueDate, followUpDate, priority, createdAt',
  incidents: '[instanceId+id], instanceId, processId, type, createdAt',
  history: '[instanceId+seq], time, type',
  commands: '[instanceId+n]',
  audit: '++id, at, who, instanceId, action',
  counters: 'name',
};

/**
 * v3: history in batches (docs/adr/0140): one `historyBatches` row per commit per instance, keyed
 * by [instanceId + the first event's seq], instead of one `history` row per event; ended instances
 * keep their completed path inline in their hot row; instances get a [status+suspended] index. Adds
 * a table and an index: `history` and `paths` stay declared (v2 is kept as shipped) and are emptied
 * by the upgrade as far as they were migrated.
 */
const HISTORY_BATCHES_V3: Record<string, string> = {
  historyBatches: '[instanceId+seq]',
  // + [status+suspended]: the list's "active" (running, not suspended) and "suspended" from an index.
  instances: 'instanceId, &order, processId, [processId+processVersion], status, businessKey, parentId, startedAt, endedAt, incidentCount, [status+suspended]',
};

/**
 * The history of the workspace schema.
 *
 * v1: projects, files (indexed by project and by project+name), versions (by file and
 * file+number, so the changelog reads in order and the next number is one index lookup).
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      projects: 'id, name, updatedAt',
      files: 'id, projectId, [projectId+name], kind, updatedAt',
      versions: 'id, fileId, [fileId+number]',
    },
  },
  {
    version: 2,
    stores: ENGINE_TABLES_V2,
  },
  {
    version: 3,
    stores: HISTORY_BATCHES_V3,
    upgrade: upgradeToV3,
  },
];

/** Declares `versions` on a Dexie instance, in order. Exported for the upgrade tests. */
export function applySchema(db: Dexie, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): void {
  let previous = 0;
  for (const v of versions) {
    if (v.version <= previous) throw new Error(`Schema versions must increase: ${v.version} after ${previous}`);
    previous = v.version;
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}

import { Dexie, type EntityTable, type Table } from 'dexie';
import { applySchema, SCHEMA_VERSIONS, type SchemaVersion } from './schema';
import type { FileRecord, ProjectRecord, VersionRecord } from './types';
import type {
  AuditRow, BufferedMessageRow, CommandRow, CounterRow, DefinitionRow, DeploymentRow, HistoryBatchRow, HistoryRow, IncidentRow, InstanceRow, JobRow,
  MessageStartLockRow, PathRow, StartTimerRow, SubscriptionRow, TimerRow, UserTaskRow, VariableRow,
} from './engine/rows';

/** Name of the IndexedDB database that holds the workspace. */
export const DB_NAME = 'flowdeck';

/**
 * The workspace database. Use {@link openWorkspaceDb} in the app (one shared instance) and
 * `new FlowdeckDb(uniqueName)` in tests so that each test starts empty.
 *
 * @example
 * const db = new FlowdeckDb('test-' + crypto.randomUUID());
 * const p = await createProject(db, 'Orders');
 */
export class FlowdeckDb extends Dexie {
  projects!: EntityTable<ProjectRecord, 'id'>;
  files!: EntityTable<FileRecord, 'id'>;
  versions!: EntityTable<VersionRecord, 'id'>;
  // v2: the engine (see engine/rows.ts and engine/dexie-store.ts)
  deployments!: EntityTable<DeploymentRow, 'id'>;
  definitions!: Table<DefinitionRow, [string, string, number]>;
  instances!: EntityTable<InstanceRow, 'instanceId'>;
  paths!: Table<PathRow, [string, number]>;
  variables!: Table<VariableRow, [string, string, string]>;
  jobs!: EntityTable<JobRow, 'key'>;
  timers!: EntityTable<TimerRow, 'key'>;
  subscriptions!: EntityTable<SubscriptionRow, 'key'>;
  bufferedMessages!: EntityTable<BufferedMessageRow, 'key'>;
  messageStartLocks!: Table<MessageStartLockRow, [string, string]>;
  startTimers!: EntityTable<StartTimerRow, 'key'>;
  userTasks!: EntityTable<UserTaskRow, 'id'>;
  incidents!: Table<IncidentRow, [string, string]>;
  history!: Table<HistoryRow, [string, number]>;
  commands!: Table<CommandRow, [string, number]>;
  audit!: EntityTable<AuditRow, 'id'>;
  counters!: EntityTable<CounterRow, 'name'>;
  // v3: history in batches (one row per commit per instance)
  historyBatches!: Table<HistoryBatchRow, [string, number]>;

  constructor(name: string = DB_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name);
    applySchema(this, versions);
  }
}

let shared: FlowdeckDb | undefined;

/** The app-wide database instance (created on first use; Dexie opens it lazily). */
export function openWorkspaceDb(): FlowdeckDb {
  shared ??= new FlowdeckDb();
  return shared;
}

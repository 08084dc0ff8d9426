import { Dexie, type EntityTable } from 'dexie';
import { applySchema, SCHEMA_VERSIONS, type SchemaVersion } from './schema';
import type { FileRecord, ProjectRecord, VersionRecord } from './types';

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

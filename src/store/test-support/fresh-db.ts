import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { FlowdeckDb } from '../db';
import { newId } from '../ids';

/** An empty workspace database with a unique name, so tests never see each other's rows. */
export function freshDb(): FlowdeckDb {
  return new FlowdeckDb(`test-${newId()}`);
}

/**
 * For a spec file: returns `fresh()`, which gives an empty database and deletes it after the
 * test that asked for it.
 */
export function freshDbs(): () => FlowdeckDb {
  const opened: FlowdeckDb[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.delete();
  });
  return () => {
    const db = freshDb();
    opened.push(db);
    return db;
  };
}

import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { storeContract } from '../../host/test-support/store-contract';
import type { FlowdeckDb } from '../db';
import { freshDb } from '../test-support/fresh-db';
import { DexieStore } from './dexie-store';

const opened: FlowdeckDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

storeContract('DexieStore (fake-indexeddb)', () => {
  const db = freshDb();
  opened.push(db);
  return new DexieStore(db);
});

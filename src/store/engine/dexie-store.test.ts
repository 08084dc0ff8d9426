import 'fake-indexeddb/auto';
import { storeContract } from '../../host/test-support/store-contract';
import { freshDbs } from '../test-support/fresh-db';
import { DexieStore } from './dexie-store';

const fresh = freshDbs();

storeContract('DexieStore (fake-indexeddb)', () => {
  const db = fresh();
  return new DexieStore(db);
});

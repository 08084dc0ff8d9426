import 'fake-indexeddb/auto';
import { FlowdeckDb } from '../db';
import { newId } from '../ids';

/** An empty workspace database with a unique name, so tests never see each other's rows. */
export function freshDb(): FlowdeckDb {
  return new FlowdeckDb(`test-${newId()}`);
}

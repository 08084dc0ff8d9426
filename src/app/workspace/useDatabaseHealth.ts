import { useEffect } from 'react';
import { useStudio } from '../state/store';
import { db } from './db';

/**
 * Turns database-level trouble into clear banners: IndexedDB unavailable (some private modes,
 * storage disabled) or a newer Flowdeck in another tab upgrading the schema, after which this
 * tab's connection is closed and it must reload.
 */
export function useDatabaseHealth(): void {
  useEffect(() => {
    const { banner } = useStudio.getState();
    db.open().catch((e: unknown) => {
      banner('error', `Flowdeck cannot open its local database, so nothing can be saved: ${(e as Error).message}`);
    });
    // Dexie's default handler still runs after ours and closes the connection.
    const onVersionChange = (event: IDBVersionChangeEvent) => {
      banner(
        'warning',
        event.newVersion === null
          ? 'The local database was deleted in another tab. Reload this tab.'
          : 'A newer version of Flowdeck was opened in another tab. Reload this tab to keep working.',
      );
    };
    db.on('versionchange', onVersionChange);
    return () => db.on('versionchange').unsubscribe(onVersionChange);
  }, []);
}

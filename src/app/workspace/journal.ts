import type { Journal, JournalEntry } from './session/file-session';

const PREFIX = 'flowdeck.unsaved.';

/**
 * The unload journal in localStorage: synchronous, so it survives a tab closed mid-debounce.
 * Any storage failure (quota, private mode) degrades to "no journal", never to an error.
 */
export const localJournal: Journal = {
  read(fileId) {
    try {
      const raw = localStorage.getItem(PREFIX + fileId);
      if (!raw) return undefined;
      const entry = JSON.parse(raw) as Partial<JournalEntry>;
      return typeof entry.content === 'string' && typeof entry.baseRevision === 'number' ? (entry as JournalEntry) : undefined;
    } catch {
      return undefined;
    }
  },
  write(fileId, entry) {
    try {
      localStorage.setItem(PREFIX + fileId, JSON.stringify(entry));
    } catch {
      // no journal available: the IndexedDB flush started alongside is the only safety net
    }
  },
  clear(fileId) {
    try {
      localStorage.removeItem(PREFIX + fileId);
    } catch {
      // nothing to clear
    }
  },
};

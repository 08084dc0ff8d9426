import { liveQuery } from 'dexie';
import { useEffect, useSyncExternalStore } from 'react';
import { useStudio } from '../state/store';
import { db } from './db';
import { localJournal } from './journal';
import { FileSession, type SessionSnapshot } from './session/file-session';
import type { FileRecord } from '../../store';

/**
 * Opens an autosave session for `fileId` (from the route) and keeps it fed with the stored record
 * through liveQuery, so that other tabs' saves show up or surface as conflicts. On leaving the
 * file, hiding the page or closing it, pending edits are journalled and flushed.
 */
export function useFileSession(fileId: string | undefined): void {
  const setSession = useStudio((s) => s.setSession);
  const setMissingFile = useStudio((s) => s.setMissingFile);

  useEffect(() => {
    if (!fileId) {
      setSession(undefined);
      return;
    }
    let session: FileSession | undefined;
    const subscription = liveQuery(() => db.files.get(fileId)).subscribe({
      next: (file) => {
        if (session) session.observe(file);
        else if (!file) setMissingFile(fileId);
        else {
          session = new FileSession(db, file, { journal: localJournal, validate: (content) => validateFile(file.kind, content) });
          setSession(session);
        }
      },
      error: (e: unknown) => useStudio.getState().banner('error', `Could not read the file: ${(e as Error).message}`),
    });
    const saveNow = () => {
      session?.persistPending();
      void session?.flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') saveNow();
    };
    window.addEventListener('pagehide', saveNow);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', saveNow);
      document.removeEventListener('visibilitychange', onVisibility);
      subscription.unsubscribe();
      if (session) {
        session.persistPending();
        void session.dispose();
      }
      setSession(undefined);
    };
  }, [fileId, setSession, setMissingFile]);
}

/**
 * Whether `content` is a valid file of `kind` (the import validator, loaded on first use): text
 * typed in the Source view that does not parse stays a draft instead of replacing the last valid
 * version.
 */
async function validateFile(kind: FileRecord['kind'], content: string): Promise<string | null> {
  const [{ validateContent }, { formatProblem }] = await Promise.all([import('./import/validate'), import('./import/problem')]);
  const v = await validateContent(kind, content);
  return v.ok ? null : `Not a valid ${kind.toUpperCase()} file: ${formatProblem(v)}`;
}

const noSubscribe = () => () => {};
const noSnapshot = () => undefined;

/** The open file's session snapshot (content, revision, save state), re-rendering on change. */
export function useSessionSnapshot(): SessionSnapshot | undefined {
  const session = useStudio((s) => s.session);
  return useSyncExternalStore(session?.subscribe ?? noSubscribe, session?.getSnapshot ?? noSnapshot);
}

import type { StateCreator } from 'zustand';
import type { FileSession } from '../workspace/session/file-session';
import type { StudioState } from './store';

/**
 * The autosave session of the open file. The session object owns its own observable snapshot
 * (content, revision, save state); this slice only says which one is current, so that the top
 * bar, the editor area and the shortcuts all talk to the same one.
 */
export interface SessionSlice {
  session: FileSession | undefined;
  /** The route names a file that does not exist (deleted, or a stale link). */
  missingFileId: string | undefined;
  setSession(session: FileSession | undefined): void;
  setMissingFile(fileId: string | undefined): void;
}

export const createSessionSlice: StateCreator<StudioState, [], [], SessionSlice> = (set) => ({
  session: undefined,
  missingFileId: undefined,
  setSession: (session) => set({ session, missingFileId: undefined }),
  setMissingFile: (missingFileId) => set({ missingFileId, session: undefined }),
});

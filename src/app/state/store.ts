import { create } from 'zustand';
import { createDialogsSlice, type DialogsSlice } from './dialogs-slice';
import { createLayoutSlice, type LayoutSlice } from './layout-slice';
import { createNoticesSlice, type NoticesSlice } from './notices-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';

/** UI and session state of the studio. Persisted data is not here: it is read from Dexie. */
export type StudioState = DialogsSlice & NoticesSlice & LayoutSlice & SessionSlice;

/**
 * The studio's zustand store. Read with a selector so that a component re-renders only when its
 * slice of state changes.
 *
 * @example
 * const dialog = useStudio((s) => s.dialog);
 * useStudio.getState().toast('Saved');
 */
export const useStudio = create<StudioState>()((...a) => ({
  ...createDialogsSlice(...a),
  ...createNoticesSlice(...a),
  ...createLayoutSlice(...a),
  ...createSessionSlice(...a),
}));

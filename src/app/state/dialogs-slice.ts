import type { StateCreator } from 'zustand';
import type { FileKind } from '../../store';
import type { ImportReview, RefusedFile } from '../workspace/import/import-files';
import type { StudioState } from './store';

/** The one modal dialog that can be open at a time. */
export type Dialog =
  | { type: 'newProject' }
  | { type: 'newFile'; projectId: string; kind: FileKind }
  | { type: 'renameProject'; projectId: string; name: string }
  | { type: 'renameFile'; fileId: string; name: string }
  | { type: 'saveVersion'; fileId: string }
  | { type: 'importError'; refused: RefusedFile[] }
  | { type: 'importReport'; reviews: ImportReview[]; resolve(go: boolean): void }
  | { type: 'help' };

export interface DialogsSlice {
  dialog: Dialog | undefined;
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
}

export const createDialogsSlice: StateCreator<StudioState, [], [], DialogsSlice> = (set) => ({
  dialog: undefined,
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: undefined }),
});

import type { StateCreator } from 'zustand';
import type { StudioState } from './store';

/** How the open file is shown: its visual editor, or its text (XML / JSON). */
export type ViewMode = 'editor' | 'source';

export interface LayoutSlice {
  query: string;
  /** Grows each time something asks the search box to take focus (Ctrl+K, `/`). */
  searchFocusRequests: number;
  versionsOpen: boolean;
  viewMode: ViewMode;
  /** Projects collapsed in the sidebar (all are expanded by default). */
  collapsed: Record<string, true>;
  setQuery(query: string): void;
  requestSearchFocus(): void;
  toggleVersions(open?: boolean): void;
  setViewMode(mode: ViewMode): void;
  toggleProject(projectId: string): void;
}

export const createLayoutSlice: StateCreator<StudioState, [], [], LayoutSlice> = (set, get) => ({
  query: '',
  searchFocusRequests: 0,
  versionsOpen: false,
  viewMode: 'editor',
  collapsed: {},
  setQuery: (query) => set({ query }),
  requestSearchFocus: () => set({ searchFocusRequests: get().searchFocusRequests + 1 }),
  toggleVersions: (open) => set({ versionsOpen: open ?? !get().versionsOpen }),
  setViewMode: (viewMode) => set({ viewMode }),
  toggleProject: (projectId) => {
    const collapsed = { ...get().collapsed };
    if (collapsed[projectId]) delete collapsed[projectId];
    else collapsed[projectId] = true;
    set({ collapsed });
  },
});

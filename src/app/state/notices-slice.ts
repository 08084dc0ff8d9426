import type { StateCreator } from 'zustand';
import type { StudioState } from './store';

/** A short-lived message at the bottom, optionally with one action ("Undo"). */
export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void | Promise<void> };
  /** Removed after this long (ms). */
  timeoutMs: number;
}

/** A message across the top of the main area that stays until dismissed. */
export interface Banner {
  id: number;
  tone: 'error' | 'warning' | 'info';
  message: string;
  /** About one file: shown only while that file is open. */
  fileId?: string;
  /** What raised it (e.g. 'editor'), so that it can be withdrawn when the cause is gone. */
  origin?: string;
}

export interface BannerScope {
  fileId?: string;
  origin?: string;
}

export interface NoticesSlice {
  toasts: Toast[];
  banners: Banner[];
  /** Shows a toast; returns its id. */
  toast(message: string, options?: { action?: Toast['action']; timeoutMs?: number }): number;
  dismissToast(id: number): void;
  /** Shows a banner; an identical message already shown is not repeated. */
  banner(tone: Banner['tone'], message: string, scope?: BannerScope): void;
  dismissBanner(id: number): void;
  /** Withdraws the banners of one file raised by `origin` (its cause is gone: the file opened after all). */
  clearBanners(fileId: string, origin: string): void;
}

let nextId = 1;

export const createNoticesSlice: StateCreator<StudioState, [], [], NoticesSlice> = (set, get) => ({
  toasts: [],
  banners: [],
  toast: (message, options = {}) => {
    const id = nextId++;
    const toast: Toast = { id, message, timeoutMs: options.timeoutMs ?? 4000, ...(options.action ? { action: options.action } : {}) };
    // Keep the last few: a burst of actions should not bury the screen.
    set({ toasts: [...get().toasts, toast].slice(-4) });
    return id;
  },
  dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
  banner: (tone, message, scope = {}) => {
    if (get().banners.some((b) => b.message === message && b.fileId === scope.fileId)) return;
    set({ banners: [...get().banners, { id: nextId++, tone, message, ...scope }] });
  },
  dismissBanner: (id) => set({ banners: get().banners.filter((b) => b.id !== id) }),
  clearBanners: (fileId, origin) => {
    const kept = get().banners.filter((b) => b.fileId !== fileId || b.origin !== origin);
    if (kept.length !== get().banners.length) set({ banners: kept });
  },
});

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
}

export interface NoticesSlice {
  toasts: Toast[];
  banners: Banner[];
  /** Shows a toast; returns its id. */
  toast(message: string, options?: { action?: Toast['action']; timeoutMs?: number }): number;
  dismissToast(id: number): void;
  /** Shows a banner; an identical message already shown is not repeated. */
  banner(tone: Banner['tone'], message: string): void;
  dismissBanner(id: number): void;
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
  banner: (tone, message) => {
    if (get().banners.some((b) => b.message === message)) return;
    set({ banners: [...get().banners, { id: nextId++, tone, message }] });
  },
  dismissBanner: (id) => set({ banners: get().banners.filter((b) => b.id !== id) }),
});

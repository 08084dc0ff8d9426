import { create } from 'zustand';
import type { ApiFailure } from '../../api';

/** The live state of the connection (session state, not kept): the last failure and whether the login ran out. */
export interface ConnectionStatusState {
  lastFailure: { failure: ApiFailure; method: string; at: number } | null;
  signedOut: boolean;
  failed(failure: ApiFailure, method: string): void;
  signOut(): void;
  clear(): void;
}

export const useConnectionStatus = create<ConnectionStatusState>()((set) => ({
  lastFailure: null,
  signedOut: false,
  failed: (failure, method) => set({ lastFailure: { failure, method, at: Date.now() } }),
  signOut: () => set({ signedOut: true }),
  clear: () => set({ lastFailure: null, signedOut: false }),
}));

import { StorageQuotaError } from './errors';

/*
 * The browser's storage for this origin: ask to keep it (`navigator.storage.persist()`, so the
 * browser does not evict instances under storage pressure), read how much is used, and turn a
 * quota error into a {@link StorageQuotaError}. The `StorageManager` is a parameter so that Node
 * tests pass their own; in the browser it defaults to `navigator.storage`.
 */

/** The part of `StorageManager` used here. */
export interface StorageLike {
  persist?(): Promise<boolean>;
  persisted?(): Promise<boolean>;
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}

/** `granted`: the browser will not evict the data; `denied`: it may; `unsupported`: no StorageManager here. */
export type PersistResult = 'granted' | 'denied' | 'unsupported';

function defaultStorage(): StorageLike | undefined {
  return (globalThis as { navigator?: { storage?: StorageLike } }).navigator?.storage;
}

/**
 * Asks the browser to keep this origin's data (once granted, asking again is free).
 * @example
 * if ((await requestPersistentStorage()) === 'denied') warn('the browser may clear instances when disk space runs low');
 */
export async function requestPersistentStorage(storage: StorageLike | undefined = defaultStorage()): Promise<PersistResult> {
  if (!storage?.persist) return 'unsupported';
  if (storage.persisted && (await storage.persisted())) return 'granted';
  return (await storage.persist()) ? 'granted' : 'denied';
}

/** How much this origin stores and may store, in bytes. */
export interface StorageEstimate {
  usage: number;
  quota: number;
  /** usage / quota, 0..1 (0 when the quota is unknown). */
  fraction: number;
}

/** The browser's estimate of usage and quota, or null where there is no StorageManager. */
export async function estimateStorage(storage: StorageLike | undefined = defaultStorage()): Promise<StorageEstimate | null> {
  if (!storage?.estimate) return null;
  const { usage = 0, quota = 0 } = await storage.estimate();
  return { usage, quota, fraction: quota > 0 ? usage / quota : 0 };
}

/** True for IndexedDB's quota error, as the browser throws it or as Dexie wraps it (`inner`). */
export function isQuotaError(error: unknown): boolean {
  for (let e = error as { name?: unknown; inner?: unknown } | undefined, depth = 0; e && depth < 4; e = e.inner as typeof e, depth++) {
    if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  }
  return false;
}

/**
 * Rethrows `error`, as a {@link StorageQuotaError} naming `what` when it is a quota error (with
 * the usage and quota if the browser tells them), unchanged otherwise.
 */
export async function rethrowStorageError(error: unknown, what: string, storage: StorageLike | undefined = defaultStorage()): Promise<never> {
  if (!isQuotaError(error)) throw error;
  const estimate = await estimateStorage(storage).catch(() => null);
  throw new StorageQuotaError(what, estimate ? { usage: estimate.usage, quota: estimate.quota } : {});
}

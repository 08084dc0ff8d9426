import { describe, expect, it } from 'vitest';
import { StorageQuotaError } from './errors';
import { estimateStorage, isQuotaError, requestPersistentStorage, rethrowStorageError, type StorageLike } from './storage';

describe('browser storage helpers', () => {
  it('given a StorageManager, when persistence is asked, then an existing grant is not asked again and the answer is reported', async () => {
    const asked: string[] = [];
    const storage = (persisted: boolean, grant: boolean): StorageLike => ({
      persisted: async () => persisted,
      persist: async () => {
        asked.push('persist');
        return grant;
      },
    });
    expect(await requestPersistentStorage(storage(true, false))).toBe('granted');
    expect(asked).toEqual([]);
    expect(await requestPersistentStorage(storage(false, true))).toBe('granted');
    expect(await requestPersistentStorage(storage(false, false))).toBe('denied');
    expect(asked).toEqual(['persist', 'persist']);
    expect(await requestPersistentStorage({})).toBe('unsupported');
  });

  it('given an estimate, then usage, quota and the used fraction are reported; without a StorageManager, null', async () => {
    expect(await estimateStorage({ estimate: async () => ({ usage: 250, quota: 1000 }) })).toEqual({ usage: 250, quota: 1000, fraction: 0.25 });
    expect(await estimateStorage({ estimate: async () => ({}) })).toEqual({ usage: 0, quota: 0, fraction: 0 });
    expect(await estimateStorage({})).toBeNull();
  });

  it('given errors, then quota errors are recognised (also wrapped as Dexie does) and turned into StorageQuotaError; others pass unchanged', async () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    const other = new Error('other');
    await expect(rethrowStorageError(other, 'x', {})).rejects.toBe(other);
    const translated = await rethrowStorageError(quota, 'the commit of instance i1', { estimate: async () => ({ usage: 5, quota: 5 }) }).catch((e: unknown) => e);
    expect(translated).toBeInstanceOf(StorageQuotaError);
    expect(translated).toMatchObject({ code: 'quotaExceeded', what: 'the commit of instance i1', details: { usage: 5, quota: 5 } });
  });
});

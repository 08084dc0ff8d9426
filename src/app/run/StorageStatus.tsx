import { useEffect, useState } from 'react';
import { estimateStorage, requestPersistentStorage, type PersistResult, type StorageEstimate } from '../../store';
import { getEngineClient } from '../engine';

const MB = 1024 * 1024;
const size = (bytes: number) => (bytes >= 1024 * MB ? `${(bytes / 1024 / MB).toFixed(1)} GB` : `${(bytes / MB).toFixed(1)} MB`);

/**
 * The origin's storage: asks once to keep it (`navigator.storage.persist()`), and shows how much is
 * used of the quota, refreshed after each engine commit (at most every 2 s). Near the quota (90%)
 * it warns; a write refused for lack of space is shown where it was asked (`storageFull`).
 */
export function StorageStatus() {
  const [persist, setPersist] = useState<PersistResult>();
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null);
  useEffect(() => {
    let live = true;
    let last = 0;
    const refresh = () => {
      last = Date.now();
      void estimateStorage().then((e) => live && setEstimate(e)).catch(() => undefined);
    };
    void requestPersistentStorage().then((p) => live && setPersist(p)).catch(() => live && setPersist('unsupported'));
    refresh();
    const off = getEngineClient().onChange(() => {
      if (Date.now() - last > 2000) refresh();
    });
    return () => {
      live = false;
      off();
    };
  }, []);
  if (!estimate) return null;
  const near = estimate.fraction >= 0.9;
  return (
    <p className={`run-storage${near ? ' run-storage--near' : ''}`} data-testid="storage-status" data-persist={persist} data-near={near || undefined}
      title={persist === 'granted' ? 'The browser keeps this data under storage pressure.' : 'The browser may clear this data when disk space runs low; export what matters.'}>
      Storage: {size(estimate.usage)} of {size(estimate.quota)} used{persist === 'granted' ? ' · kept' : persist === 'denied' ? ' · may be cleared' : ''}
      {near && <span role="status"> · nearly full: export or delete old data</span>}
    </p>
  );
}

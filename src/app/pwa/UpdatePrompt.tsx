/// <reference types="vite-plugin-pwa/react" />
import { useRegisterSW } from 'virtual:pwa-register/react';

/**
 * Registers the service worker and offers a new version instead of forcing it: the page keeps
 * running on the old version until the user chooses to reload (work in progress is autosaved,
 * but a modal dialog or a drag in progress should not be yanked away).
 *
 * @example <UpdatePrompt />  // mounted once, at the root of the app
 */
export default function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW();

  if (!needRefresh && !offlineReady) return null;
  return (
    <div className="pwa-toast" role="status" data-testid="pwa-toast">
      {needRefresh ? (
        <>
          <span>A new version of Flowdeck is ready.</span>
          <button type="button" data-testid="pwa-reload" onClick={() => void updateServiceWorker(true)}>
            Reload to update
          </button>
          <button type="button" onClick={() => setNeedRefresh(false)}>Later</button>
        </>
      ) : (
        <>
          <span>Flowdeck now works offline.</span>
          <button type="button" onClick={() => setOfflineReady(false)}>OK</button>
        </>
      )}
    </div>
  );
}

import { HttpEngineClient, setEngineClient, startEngine, type Engine } from '../engine';
import { loadConnection, storedTokens } from './connection-setting';
import { useConnectionStatus } from './connection-store';

declare global {
  interface Window {
    /** Debugging hook: the server's client when the studio is connected to a server (else unset). */
    __flowdeckServer?: HttpEngineClient;
  }
}

/** Re-read the server this often while its event stream is down (timers, workers and other users change it too). */
const SERVER_POLL_MS = 5_000;

/**
 * Starts the engine the stored connection names, before the screens render: this browser's
 * worker (as before), or the HTTP client of a Flowdeck server. Switching connections saves the
 * new one and reloads the page, so no screen holds data of the other engine.
 */
export function startConnection(user: () => string): Engine {
  const c = loadConnection();
  if (c.kind === 'local') return startEngine(user);
  const status = useConnectionStatus.getState();
  const client = new HttpEngineClient({
    url: c.url,
    tokens: storedTokens(),
    pollMs: SERVER_POLL_MS,
    events: true,
    onFailure: (f, method) => status.failed(f, method),
    onSignedOut: () => useConnectionStatus.getState().signOut(),
  });
  if (!c.tokens) status.signOut();
  setEngineClient(client);
  window.__flowdeckServer = client;
  return client;
}

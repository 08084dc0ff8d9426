import { EngineClient, setEngineClient } from './engine-client';

declare global {
  interface Window {
    /**
     * Debugging hook, in every build: the tab's engine client (`await __flowdeckEngine.call('instances.list', {})`).
     * The e2e specs drive the engine through it. Not an API for extensions: it may change with the client.
     */
    __flowdeckEngine?: EngineClient;
  }
}

/**
 * Starts the tab's engine client (electing the engine's tab) and exposes it as `window.__flowdeckEngine`.
 * `user`: who acts, asked at every call, so the audit log names the studio's local user.
 */
export function startEngine(user?: () => string): EngineClient {
  const client = new EngineClient({ user });
  setEngineClient(client);
  window.__flowdeckEngine = client;
  return client;
}

import type { TokenPair, TokenStore } from '../engine';

/** Which engine the studio works with: this browser's own worker, or a Flowdeck server. */
export type Connection =
  | { kind: 'local' }
  | { kind: 'server'; url: string; username: string; tokens: TokenPair | null };

/** The localStorage key (per browser, per origin): a connection is where this browser works, not project data. */
export const CONNECTION_KEY = 'flowdeck-connection';

const LOCAL: Connection = { kind: 'local' };

/** The stored connection; anything unreadable counts as "this browser" (never a half-read server). */
export function loadConnection(storage: Pick<Storage, 'getItem'> = localStorage): Connection {
  try {
    const raw = storage.getItem(CONNECTION_KEY);
    if (!raw) return LOCAL;
    const c = JSON.parse(raw) as Partial<Extract<Connection, { kind: 'server' }>>;
    if (c.kind !== 'server' || typeof c.url !== 'string' || typeof c.username !== 'string') return LOCAL;
    const t = c.tokens;
    const tokens = t && typeof t.accessToken === 'string' && typeof t.refreshToken === 'string' ? { accessToken: t.accessToken, refreshToken: t.refreshToken } : null;
    return { kind: 'server', url: c.url, username: c.username, tokens };
  } catch {
    return LOCAL;
  }
}

export function saveConnection(c: Connection, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(CONNECTION_KEY, JSON.stringify(c));
}

/**
 * The tokens of the stored server connection, read and written through localStorage so a reload
 * (and another tab of the studio) keeps the login; a refresh's new pair replaces the old one.
 */
export function storedTokens(storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): TokenStore {
  return {
    get: () => {
      const c = loadConnection(storage);
      return c.kind === 'server' ? c.tokens : null;
    },
    set: (tokens) => {
      const c = loadConnection(storage);
      if (c.kind === 'server') saveConnection({ ...c, tokens }, storage);
    },
  };
}

/**
 * A server URL as typed, made usable: trimmed, `http://` added when no scheme is given, no
 * trailing slash. Null (with why) when it is not an http(s) URL.
 *
 * @example
 * normalizeServerUrl(' localhost:8080/ ') // { url: 'http://localhost:8080' }
 */
export function normalizeServerUrl(typed: string): { url: string } | { problem: string } {
  const t = typed.trim();
  if (t === '') return { problem: 'The server URL is needed (e.g. http://localhost:8080).' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `http://${t}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    return { problem: `"${t}" is not a URL (e.g. http://localhost:8080).` };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { problem: `The server URL must start with http:// or https:// (got ${u.protocol}).` };
  return { url: `${u.origin}${u.pathname.replace(/\/+$/, '')}` };
}

import { describe, expect, it } from 'vitest';
import { CONNECTION_KEY, loadConnection, normalizeServerUrl, saveConnection, storedTokens } from './connection-setting';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

describe('the connection setting', () => {
  it('given nothing stored, broken JSON or a half server entry, then it is "this browser"', () => {
    expect(loadConnection(memoryStorage())).toEqual({ kind: 'local' });
    expect(loadConnection(memoryStorage({ [CONNECTION_KEY]: '{not json' }))).toEqual({ kind: 'local' });
    expect(loadConnection(memoryStorage({ [CONNECTION_KEY]: JSON.stringify({ kind: 'server', url: 'http://x' }) }))).toEqual({ kind: 'local' });
  });

  it('given a server connection, then tokens read and written through the store replace the stored pair; a sign-out clears it and keeps the server', () => {
    const storage = memoryStorage();
    saveConnection({ kind: 'server', url: 'http://localhost:8080', username: 'ada', tokens: { accessToken: 'a1', refreshToken: 'r1' } }, storage);
    const tokens = storedTokens(storage);
    expect(tokens.get()).toEqual({ accessToken: 'a1', refreshToken: 'r1' });
    tokens.set({ accessToken: 'a2', refreshToken: 'r2' });
    expect(loadConnection(storage)).toEqual({ kind: 'server', url: 'http://localhost:8080', username: 'ada', tokens: { accessToken: 'a2', refreshToken: 'r2' } });
    tokens.set(null);
    expect(loadConnection(storage)).toMatchObject({ kind: 'server', username: 'ada', tokens: null });
  });

  it('given typed URLs, then they are made usable or refused saying why', () => {
    expect(normalizeServerUrl(' localhost:8080/ ')).toEqual({ url: 'http://localhost:8080' });
    expect(normalizeServerUrl('https://flow.example.com/deck/')).toEqual({ url: 'https://flow.example.com/deck' });
    expect(normalizeServerUrl('')).toEqual({ problem: expect.stringMatching(/needed/) });
    expect(normalizeServerUrl('ftp://x')).toEqual({ problem: expect.stringMatching(/http:\/\/ or https:\/\//) });
    expect(normalizeServerUrl('http://')).toEqual({ problem: expect.stringMatching(/not a URL/) });
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MemoryStoreSnapshot } from '../../host/memory-store';
import { createInThreadScriptRunner } from '../../host/scripts/quickjs-runner';
import { loadConfig } from '../config';
import type { DeployFile } from '../deploy';
import { startServer, type RunningServer } from '../server';

export const ADMIN = { username: 'admin', password: 'admin-password-1' };

/** What a request answered: status, parsed JSON body (or text), headers. */
export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read whatever came back
  headers: Headers;
}

/**
 * A real server on 127.0.0.1 (port 0) over an in-memory SQLite database, for API tests over
 * real HTTP: `request` sends with fetch, `login` gives tokens, `advance(ms)` moves the clock
 * of tokens and the audit log (to expire tokens without waiting).
 */
export async function testServer(options: { env?: Record<string, string>; files?: DeployFile[]; engineData?: MemoryStoreSnapshot } = {}) {
  let offset = 0;
  const config = loadConfig({
    env: { FLOWDECK_ENV: 'test', FLOWDECK_DB: ':memory:', FLOWDECK_PORT: '0', FLOWDECK_ADMIN_USER: ADMIN.username, FLOWDECK_ADMIN_PASSWORD: ADMIN.password, FLOWDECK_LOGIN_MAX_PER_CLIENT: '1000', ...options.env },
    cwd: mkdtempSync(join(tmpdir(), 'flowdeck-server-')),
  });
  const server: RunningServer = await startServer({ config, files: options.files, engineData: options.engineData, scripts: await createInThreadScriptRunner(), now: () => Date.now() + offset });
  const request = async (method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string | Buffer } = {}): Promise<Answer> => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | Buffer | undefined = opts.raw;
    if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    const res = await fetch(`${server.url}${path}`, { method, headers, body: body as BodyInit | undefined });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (metrics)
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  const login = async (username = ADMIN.username, password = ADMIN.password) => {
    const r = await request('POST', '/auth/login', { body: { username, password } });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.data as { accessToken: string; refreshToken: string; expiresIn: number };
  };
  let adminToken: string | undefined;
  /** Creates a user (as the admin) and logs in as them. */
  const userWith = async (username: string, roles: string[], groups: string[] = []) => {
    adminToken ??= (await login()).accessToken;
    const r = await request('POST', '/users', { token: adminToken, body: { username, password: `${username}-password-1`, roles, groups } });
    if (r.status !== 201) throw new Error(`create ${username}: ${r.status} ${JSON.stringify(r.body)}`);
    return (await login(username, `${username}-password-1`)).accessToken;
  };
  return { server, request, login, userWith, advance: (ms: number) => void (offset += ms), close: () => server.close() };
}

export type TestServer = Awaited<ReturnType<typeof testServer>>;

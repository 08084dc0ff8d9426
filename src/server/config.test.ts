import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const folder = (files: Record<string, string> = {}) => {
  const dir = mkdtempSync(join(tmpdir(), 'flowdeck-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};

describe('server configuration', () => {
  it('given nothing, then every default applies (development)', () => {
    const c = loadConfig({ env: {}, cwd: folder() });
    expect(c).toMatchObject({ env: 'development', host: '127.0.0.1', port: 8080, dbPath: 'flowdeck.sqlite', corsOrigins: [], accessTokenTtlS: 900, logLevel: 'info', historyRetentionDays: 30, jwtSecretGenerated: true });
  });

  it('given .env and .env.<environment> files, then they apply under the real environment, which wins', () => {
    const cwd = folder({ '.env': 'FLOWDECK_ENV=test\nFLOWDECK_PORT=9000\nFLOWDECK_CORS_ORIGINS=https://a.example, https://b.example\n', '.env.test': 'FLOWDECK_PORT=9100\n' });
    const c = loadConfig({ env: { FLOWDECK_DB: 'x.sqlite' }, cwd });
    expect(c).toMatchObject({ env: 'test', port: 9100, dbPath: 'x.sqlite', corsOrigins: ['https://a.example', 'https://b.example'], logLevel: 'silent' });
    expect(loadConfig({ env: { FLOWDECK_PORT: '9200' }, cwd }).port).toBe(9200);
    expect(loadConfig({ env: {}, cwd, overrides: { FLOWDECK_PORT: '9300' } }).port).toBe(9300);
  });

  it('given wrong values, then start-up stops with a message naming each (secrets not shown)', () => {
    const wrong = () => loadConfig({ env: { FLOWDECK_PORT: 'eighty', FLOWDECK_LOG_LEVEL: 'loud', FLOWDECK_JWT_SECRET: 'short' }, cwd: folder() });
    expect(wrong).toThrow(ConfigError);
    expect(wrong).toThrow(/FLOWDECK_PORT: .*\(got "eighty"\)/);
    expect(wrong).toThrow(/FLOWDECK_LOG_LEVEL: .*\(got "loud"\)/);
    expect(wrong).toThrow(/FLOWDECK_JWT_SECRET: must be at least 32 characters\n|FLOWDECK_JWT_SECRET: must be at least 32 characters$/);
    expect(() => loadConfig({ env: { FLOWDECK_ENV: 'production' }, cwd: folder() })).toThrow(/FLOWDECK_JWT_SECRET: required in production/);
    expect(() => loadConfig({ env: { FLOWDECK_ADMIN_USER: 'admin' }, cwd: folder() })).toThrow(/go together/);
    expect(() => loadConfig({ env: { FLOWDECK_ADMIN_USER: 'admin', FLOWDECK_ADMIN_PASSWORD: 'short' }, cwd: folder() })).toThrow(/FLOWDECK_ADMIN_PASSWORD: must be at least 12/);
  });
});

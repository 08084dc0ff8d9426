import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../cli/bin.mjs', import.meta.url));

/**
 * `flowdeck serve <dir> --port 0 --db <db>` as a child process (the crash test, the studio's
 * server e2e); resolves with its URL once it listens, rejects with its stderr if it exits first.
 */
export function serveChild(options: { dir: string; db: string; env?: Record<string, string> }): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', options.dir, '--port', '0', '--db', options.db], {
    env: { ...process.env, FLOWDECK_ENV: 'test', FLOWDECK_ADMIN_USER: 'admin', FLOWDECK_ADMIN_PASSWORD: 'admin-password-1', FLOWDECK_LOGIN_MAX_PER_CLIENT: '1000', ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /serving (http:\/\/[^\s]+)/.exec(err);
      if (m) resolve({ child, url: m[1] });
    });
    child.once('exit', (code) => reject(new Error(`flowdeck serve exited with ${code}: ${err}`)));
  });
}

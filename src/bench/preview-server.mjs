// The built app served by `vite preview` for the Chromium benchmarks (modeler, replay).
import { spawn } from 'node:child_process';

/**
 * Starts `vite preview` on `port` (serving `outDir`, default `dist`) and resolves once it listens.
 *
 * @example
 * const server = await startPreview(4179);
 * try { await page.goto('http://localhost:4179/'); } finally { server.kill(); }
 */
export async function startPreview(port, outDir = 'dist') {
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('vite preview did not start within 30 s')), 30_000);
    server.stdout.on('data', (chunk) => {
      if (String(chunk).includes(String(port))) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.on('exit', (code) => reject(new Error(`vite preview exited with ${code}`)));
  });
  return server;
}

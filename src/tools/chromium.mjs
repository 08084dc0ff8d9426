// Shared by playwright.config.ts, the benchmarks and find-chromium.mjs.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Flags that keep Chromium quiet on a machine without network (see docs/testing.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** @returns {{ path: string | undefined, source: string } | null} path undefined = Playwright's own */
export function resolveChromium() {
  const env = process.env.CHROMIUM_PATH;
  if (env) return existsSync(env) ? { path: env, source: '$CHROMIUM_PATH' } : null;
  if (existsSync('/usr/bin/chromium')) return { path: '/usr/bin/chromium', source: 'system' };
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { path: undefined, source: `playwright (${own})` };
  } catch {
    // playwright-core not resolvable: fall through
  }
  return null;
}

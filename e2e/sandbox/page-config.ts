import type { InlineConfig } from 'vite';
import { CROSS_ORIGIN_ISOLATION_HEADERS } from '../../vite.config';

/**
 * Vite settings for the test-only sandbox page (e2e/script-sandbox.spec.ts): built the way the app
 * is built (ES workers, es2022), into its own folder, served with the app's isolation headers.
 */
export const SANDBOX_PAGE_CONFIG: InlineConfig = {
  configFile: false,
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: new URL('../../test-results/sandbox-page', import.meta.url).pathname, emptyOutDir: true },
  preview: { headers: CROSS_ORIGIN_ISOLATION_HEADERS, port: 4175, strictPort: true },
};

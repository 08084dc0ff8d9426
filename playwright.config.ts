import { defineConfig } from '@playwright/test';
// @ts-expect-error plain ESM helper shared with the benchmark scripts
import { CHROMIUM_ARGS, resolveChromium } from './src/tools/chromium.mjs';

const chromium = resolveChromium() as { path: string | undefined } | null;
// Another checkout may already serve its build on the default port (several worktrees on one machine).
const PORT = Number(process.env.FLOWDECK_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: {
      executablePath: chromium?.path,
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});

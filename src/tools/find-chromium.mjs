#!/usr/bin/env node
// Finds the browser the e2e tests and benchmarks launch: $CHROMIUM_PATH, then /usr/bin/chromium,
// then Playwright's own download. Exits non-zero with instructions when none is there.
import { resolveChromium } from './chromium.mjs';

const found = resolveChromium();
if (!found) {
  console.error(`No Chromium found for the browser tests.
Tried: $CHROMIUM_PATH (${process.env.CHROMIUM_PATH ?? 'unset'}), /usr/bin/chromium, Playwright's own browser.
Get one of:
  - Debian/Ubuntu:  sudo apt-get install -y chromium
  - anywhere else:  npx playwright install chromium
  - or point CHROMIUM_PATH at an existing Chromium or Chrome binary.`);
  process.exit(1);
}
console.log(`chromium: ${found.path} (${found.source})`);

#!/usr/bin/env node
// After `vite build`: every asset the app can load must be in the service worker's precache, or
// the studio breaks offline the first time that asset is needed. Workbox only warns (and drops the
// file) when an asset exceeds maximumFileSizeToCacheInBytes; this turns that into a failure.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const dist = new URL('../../dist/', import.meta.url).pathname;
const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
const precached = new Set([...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]));

const NOT_PRECACHED = [/^sw\.js$/, /^workbox-[\w-]+\.js$/, /^registerSW\.js$/, /\.map$/, /^stats\.html$/];
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(dist, path)];
  });
}

const files = walk(dist).filter((f) => !NOT_PRECACHED.some((re) => re.test(f)));
const missing = files.filter((f) => !precached.has(f));
let bytes = 0;
for (const f of files) bytes += statSync(join(dist, f)).size;
if (missing.length > 0) {
  console.error(`precache: ${missing.length} built file(s) are not precached and would fail offline:`);
  for (const f of missing) console.error(`  - ${f} (${statSync(join(dist, f)).size} bytes)`);
  process.exit(1);
}
console.log(`precache: all ${files.length} built files precached (${(bytes / 1024 / 1024).toFixed(1)} MiB)`);

// Entry of a Node script thread (worker_threads). The thread code is TypeScript in src/, run
// through tsx like the CLI (src/cli/bin.mjs); tsx's CommonJS hook is used because it starts faster
// in a fresh thread than its ESM loader (~150 ms against ~240 ms measured here).
import { workerData } from 'node:worker_threads';
import { require as tsxRequire } from 'tsx/cjs/api';

const { serveScriptThread } = tsxRequire('./script-thread.ts', import.meta.url);
await serveScriptThread(workerData);

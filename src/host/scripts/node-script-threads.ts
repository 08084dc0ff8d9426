import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { createQuickJsScriptRunner, type QuickJsScriptRunner, type ScriptRunnerOptions } from './quickjs-runner';
import { scriptThreadEntry } from './node-thread-bundle';
import type { ScriptThreads } from './thread-runner';

/** The QuickJS wasm, compiled once per process. */
let compiled: WebAssembly.Module | undefined;

/**
 * Script threads for Node (worker_threads). Node only: the CLI, the server, benchmarks and tests
 * import this file; browser code uses `browserScriptThreads()` from workers/ instead.
 *
 * The wasm is compiled once here and handed to every thread, which starts from the thread code
 * bundled into plain JavaScript (node-thread-bundle.ts). Each thread gets a larger V8 stack
 * than the default so that QuickJS's own stack check (256 KiB) trips before the host's.
 *
 * @example
 * const scripts = await createQuickJsScriptRunner({ threads: nodeScriptThreads(), logger });
 */
export function nodeScriptThreads(): ScriptThreads {
  const wasmModule = (compiled ??= new WebAssembly.Module(readFileSync(createRequire(import.meta.url).resolve('@jitl/quickjs-wasmfile-release-sync/wasm'))));
  const entry = scriptThreadEntry();
  return {
    startsWhileBlocked: true,
    wasmModule,
    spawn(init) {
      // execArgv: [] so that a parent's loader flags (tsx, vitest) are not loaded twice.
      const worker = new Worker(entry, { workerData: init, execArgv: [], resourceLimits: { stackSizeMb: 8 } });
      // A script thread never keeps the process alive, and its failures reach the host through
      // the channel (the host sees a thread that does not answer), not as an uncaught error.
      worker.unref();
      worker.on('error', () => {});
      return { terminate: () => void worker.terminate() };
    },
  };
}

/**
 * The QuickJS script runner with every script in a worker thread the host can stop: what the CLI,
 * the server and Node tests use.
 *
 * @example
 * const scripts = await createNodeScriptRunner({ logger });
 * scripts.isolation; // 'thread'
 */
export function createNodeScriptRunner(options: Omit<ScriptRunnerOptions, 'threads'> = {}): Promise<QuickJsScriptRunner> {
  return createQuickJsScriptRunner({ ...options, threads: nodeScriptThreads() });
}

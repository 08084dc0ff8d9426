import wasmUrl from '@jitl/quickjs-wasmfile-release-sync/wasm?url';
import type { ScriptThreads } from '../src/host/scripts/thread-runner';

/**
 * Script threads for the browser: one Web Worker per thread (workers/script-thread.worker.ts).
 * For the engine's Worker (issue 8), not the page's main thread, which may not block in
 * `Atomics.wait`. Needs cross-origin isolation (COOP `same-origin` + COEP `require-corp`) for
 * SharedArrayBuffer; without it createQuickJsScriptRunner falls back to the in-thread runner and
 * logs why. The wasm is compiled once and handed to every thread.
 *
 * A Worker starts only once its creator's event loop runs, so the runner keeps spare threads
 * started ahead of need (`startsWhileBlocked: false`).
 *
 * @example
 * // workers/engine.worker.ts
 * const scripts = await createQuickJsScriptRunner({ threads: await browserScriptThreads(), logger });
 */
export async function browserScriptThreads(): Promise<ScriptThreads> {
  const wasmModule = await compileQuickJs();
  return {
    startsWhileBlocked: false,
    wasmModule,
    spawn(init) {
      const worker = new Worker(new URL('./script-thread.worker.ts', import.meta.url), { type: 'module', name: 'flowdeck-script-thread' });
      worker.postMessage(init);
      return { terminate: () => worker.terminate() };
    },
  };
}

async function compileQuickJs(): Promise<WebAssembly.Module> {
  try {
    return await WebAssembly.compileStreaming(fetch(wasmUrl));
  } catch {
    // a host that does not send application/wasm
    return WebAssembly.compile(await (await fetch(wasmUrl)).arrayBuffer());
  }
}

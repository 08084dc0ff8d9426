// The core plus one variant, not the `quickjs-emscripten` barrel: the barrel references all four
// variants and a bundler would ship (and the PWA precache) four wasm files instead of one.
import RELEASE_SYNC from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, newVariant } from 'quickjs-emscripten-core';
import type { QuickJSWASMModule } from 'quickjs-emscripten-core';
import { SANDBOX_BASELINE_BYTES, WASM_MIN_BYTES } from './sandbox-limits';

/** Where the QuickJS wasm comes from. Node and most bundlers find it on their own. */
export interface QuickJsWasmSource {
  /** An already compiled module: instantiating it again costs ~1 ms instead of a compile. */
  wasmModule?: WebAssembly.Module;
  /** Where the browser fetches the wasm file (e.g. Vite's `...wasm?url` import). */
  wasmLocation?: string;
}

/** A QuickJS wasm instance with its own capped memory: dropping it returns that memory to the host. */
export interface LoadedQuickJs {
  module: QuickJSWASMModule;
  memory: WebAssembly.Memory;
  /** The script memory limit the cap was sized for. */
  memoryLimitBytes: number;
  /** The cap: the memory's maximum size in bytes. */
  maxBytes: number;
}

const PAGE = 64 * 1024;

/**
 * The wasm memory cap for a script memory limit. QuickJS's own limit does not bound the total in
 * this build (it counts allocations, not their sizes, so sixty 20 MB typed arrays pass a 32 MiB
 * limit); a WebAssembly.Memory with a maximum does: when it cannot grow, malloc fails and QuickJS
 * throws its out-of-memory error.
 *
 * @example
 * memoryPagesFor(32 * 1024 * 1024); // 608 pages = 38 MiB (6 MiB baseline + 32 MiB)
 */
export function memoryPagesFor(memoryLimitBytes: number): number {
  const bytes = Math.max(WASM_MIN_BYTES, SANDBOX_BASELINE_BYTES + Math.max(0, memoryLimitBytes));
  return Math.min(65536, Math.ceil(bytes / PAGE));
}

/**
 * Instantiates QuickJS (sync variant) with a fresh memory capped for `memoryLimitBytes`.
 * Emscripten's own output (an abort message after a host failure) goes to `onOutput`, not stderr.
 *
 * @example
 * const q = await loadQuickJs({}, 32 << 20);
 * const runtime = q.module.newRuntime();
 */
export async function loadQuickJs(source: QuickJsWasmSource, memoryLimitBytes: number, onOutput?: (text: string) => void): Promise<LoadedQuickJs> {
  const minPages = WASM_MIN_BYTES / PAGE;
  const maxPages = Math.max(minPages, memoryPagesFor(memoryLimitBytes));
  const memory = new WebAssembly.Memory({ initial: minPages, maximum: maxPages });
  const output = (text: string) => onOutput?.(text);
  const variant = newVariant(RELEASE_SYNC, {
    wasmMemory: memory,
    ...(source.wasmModule !== undefined ? { wasmModule: source.wasmModule } : {}),
    ...(source.wasmLocation !== undefined ? { wasmLocation: source.wasmLocation } : {}),
    emscriptenModule: { print: output, printErr: output } as never,
    log: () => {},
  });
  const module = await newQuickJSWASMModuleFromVariant(variant);
  return { module, memory, memoryLimitBytes, maxBytes: maxPages * PAGE };
}

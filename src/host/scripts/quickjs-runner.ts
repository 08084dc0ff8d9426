import { createInThreadScriptRunner, type QuickJsRunnerOptions, type QuickJsScriptRunner } from './in-thread-runner';
import { messageOf } from './script-result';
import { createThreadedScriptRunner, type ScriptThreads } from './thread-runner';

export { createInThreadScriptRunner } from './in-thread-runner';
export type { QuickJsRunnerOptions, QuickJsScriptRunner } from './in-thread-runner';
export type { ScriptFailureKind, SandboxResult } from './script-result';
export type { ScriptThreadHandle, ScriptThreads } from './thread-runner';

/** Options of {@link createQuickJsScriptRunner}. */
export interface ScriptRunnerOptions extends QuickJsRunnerOptions {
  /**
   * Script threads of this platform: `nodeScriptThreads()` (src/host/scripts/node-script-threads.ts)
   * or `browserScriptThreads()` (workers/script-threads.ts). Without them scripts run in the
   * caller's thread, where a loop inside a built-in can overrun its time limit.
   */
  threads?: ScriptThreads;
  /** Spare script threads kept started (default 1). */
  spareThreads?: number;
}

/**
 * The engine's `ScriptRunner` on QuickJS (sync variant). With `threads`, every script runs in a
 * script thread that the host stops when it overruns (see createThreadedScriptRunner); where that
 * cannot work (no SharedArrayBuffer: a page without cross-origin isolation; a browser main thread,
 * where `Atomics.wait` is refused; threads that do not start) it logs a warning and falls back to
 * the in-thread runner. `run()` is synchronous either way.
 *
 * @example
 * const scripts = await createQuickJsScriptRunner({ threads: nodeScriptThreads(), logger });
 * const out = scripts.run({ elementId: 'Calc', processInstanceId: 'p1', language: 'javascript',
 *   source: 'execution.setVariable("total", variables.a + variables.b); return "done";',
 *   variables: { a: 1, b: 2 }, now: Date.now(), randomSeed: 42, timeoutMs: 1000, memoryLimitBytes: 32 << 20 });
 * // out = { ok: true, result: 'done', setVariables: { total: 3 } }
 */
export async function createQuickJsScriptRunner(options: ScriptRunnerOptions = {}): Promise<QuickJsScriptRunner> {
  const { threads, ...rest } = options;
  if (threads === undefined) return createInThreadScriptRunner(rest);
  const unavailable = whyThreadsCannotWork();
  if (unavailable === undefined) {
    try {
      return await createThreadedScriptRunner({ ...rest, threads });
    } catch (error) {
      warn(options, `script threads did not start (${messageOf(error)})`);
      return createInThreadScriptRunner(rest);
    }
  }
  warn(options, unavailable);
  return createInThreadScriptRunner(rest);
}

/** Why this thread cannot block on a script thread, or undefined when it can. */
export function whyThreadsCannotWork(): string | undefined {
  if (typeof SharedArrayBuffer !== 'function' || typeof Atomics !== 'object') {
    return 'SharedArrayBuffer is not available (a browser page needs cross-origin isolation: COOP same-origin + COEP require-corp)';
  }
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
  } catch {
    return 'Atomics.wait is not allowed in this thread (a browser main thread: run the engine in a Worker)';
  }
  return undefined;
}

function warn(options: ScriptRunnerOptions, reason: string): void {
  const text = `script sandbox: ${reason}; scripts run in the host thread instead, where a loop inside a built-in function can overrun its time limit`;
  if (options.logger) options.logger.warn(text);
  else console.warn(text);
}

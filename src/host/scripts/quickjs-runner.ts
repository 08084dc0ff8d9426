// The core plus one variant, not the `quickjs-emscripten` barrel: the barrel references all four
// variants and a bundler would ship (and the PWA precache) four wasm files instead of one.
import RELEASE_SYNC from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, newVariant } from 'quickjs-emscripten-core';
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten-core';
import type { Logger, ScriptRequest, ScriptResult, ScriptRunner } from '../../engine/ports';
import { SANDBOX_PRELUDE } from './sandbox-prelude';

/** Options for {@link createQuickJsScriptRunner}. */
export interface QuickJsRunnerOptions {
  /** Receives `console.*` output of scripts (`log`/`info`/`debug` as debug, `warn`/`error` as warn). */
  logger?: Logger;
  /**
   * Where the browser fetches the QuickJS wasm file, e.g. Vite's
   * `import wasmUrl from '@jitl/quickjs-wasmfile-release-sync/wasm?url'`. Node and most bundlers
   * find it on their own.
   */
  wasmLocation?: string;
  /** An already compiled wasm module (Cloudflare-style environments). */
  wasmModule?: WebAssembly.Module;
}

/** A {@link ScriptRunner} that owns wasm resources; `dispose()` frees them. */
export interface QuickJsScriptRunner extends ScriptRunner {
  dispose(): void;
}

/** QuickJS frames are large: 256 KiB of guest stack is ~2,000 plain recursive calls and stays well inside the host's stack. */
const MAX_STACK_BYTES = 256 * 1024;

interface Sandbox {
  runtime: QuickJSRuntime;
  context: QuickJSContext;
  run: QuickJSHandle;
  baselineBytes: number;
  lineOffset: number;
  deadline: number;
}

interface SandboxError {
  name: string;
  message: string;
  line: number | null;
  column: number | null;
  stack: string;
}

type SandboxOutcome =
  | { ok: true; result: unknown; hasResult: boolean; setVariables: Record<string, unknown> }
  | { ok: false; error: SandboxError };

/**
 * Loads QuickJS (sync variant) once and returns a synchronous {@link ScriptRunner}.
 *
 * One runtime and context are reused across scripts for speed; the sandbox realm is frozen so no
 * state leaks between scripts, and the runtime is rebuilt after a timeout, an out-of-memory error or
 * a host-level failure. Each request gets its own time limit (interrupt handler), memory allowance
 * (on top of the sandbox's own baseline), seeded `Math.random` and clock-driven `Date`.
 *
 * @example
 * const scripts = await createQuickJsScriptRunner({ logger });
 * const out = scripts.run({ elementId: 'Calc', processInstanceId: 'p1', language: 'javascript',
 *   source: 'execution.setVariable("total", variables.a + variables.b); return "done";',
 *   variables: { a: 1, b: 2 }, now: Date.now(), randomSeed: 42, timeoutMs: 1000, memoryLimitBytes: 32 << 20 });
 * // out = { ok: true, result: 'done', setVariables: { total: 3 } }
 */
export async function createQuickJsScriptRunner(options: QuickJsRunnerOptions = {}): Promise<QuickJsScriptRunner> {
  const variant = options.wasmLocation !== undefined || options.wasmModule !== undefined
    ? newVariant(RELEASE_SYNC, { wasmLocation: options.wasmLocation, wasmModule: options.wasmModule })
    : RELEASE_SYNC;
  const module = await newQuickJSWASMModuleFromVariant(variant);
  return new QuickJsRunner(module, options.logger);
}

class QuickJsRunner implements QuickJsScriptRunner {
  private sandbox: Sandbox | undefined;
  private currentElement = '';

  constructor(
    private readonly module: QuickJSWASMModule,
    private readonly logger: Logger | undefined,
  ) {}

  run(request: ScriptRequest): ScriptResult {
    if (request.language !== 'javascript') {
      return { ok: false, error: `unsupported script language "${String(request.language)}" (only javascript)` };
    }
    let variablesJson: string;
    try {
      variablesJson = JSON.stringify(request.variables ?? {});
    } catch (error) {
      return { ok: false, error: `variables are not JSON: ${messageOf(error)}` };
    }
    let sandbox: Sandbox;
    try {
      sandbox = this.sandbox ??= this.createSandbox();
    } catch (error) {
      return { ok: false, error: `script sandbox could not start: ${messageOf(error)}` };
    }
    this.currentElement = request.elementId;
    const { context, runtime } = sandbox;
    runtime.setMemoryLimit(sandbox.baselineBytes + request.memoryLimitBytes);
    sandbox.deadline = performance.now() + request.timeoutMs;
    let text: string | undefined;
    let fatal: string | undefined;
    try {
      // Two strings cross the boundary per run: every handle costs several wasm calls.
      const envelope = `[${JSON.stringify(request.elementId)},${JSON.stringify(request.processInstanceId)},${finite(request.now)},${finite(request.randomSeed)},${variablesJson}]`;
      const source = context.newString(request.source);
      const input = context.newString(envelope);
      const call = context.callFunction(sandbox.run, context.undefined, source, input);
      source.dispose();
      input.dispose();
      if (call.error) {
        const err = context.dump(call.error) as Partial<SandboxError> | undefined;
        call.error.dispose();
        fatal = this.describeUncatchable(err, request);
      } else {
        text = context.getString(call.value);
        call.value.dispose();
        // Promise reactions a script scheduled must not run during a later script.
        if (runtime.hasPendingJob()) {
          const jobs = runtime.executePendingJobs();
          if (jobs.error) jobs.error.dispose();
        }
      }
    } catch (error) {
      fatal = `script failed in the sandbox host: ${messageOf(error)}`;
    } finally {
      sandbox.deadline = Number.POSITIVE_INFINITY;
    }
    if (fatal !== undefined || text === undefined) {
      this.recycle();
      return { ok: false, error: fatal ?? 'script produced no result' };
    }
    const outcome = JSON.parse(text) as SandboxOutcome;
    if (outcome.ok) {
      return { ok: true, result: outcome.hasResult ? outcome.result : undefined, setVariables: outcome.setVariables };
    }
    if (outcome.error.name === 'InternalError' && outcome.error.message === 'out of memory') {
      // A script that caught its own OOM may have left the heap fragmented: start clean.
      this.recycle();
      return { ok: false, error: outOfMemory(request) };
    }
    return { ok: false, error: formatError(outcome.error, sandbox.lineOffset) };
  }

  dispose(): void {
    this.recycle();
  }

  private describeUncatchable(err: Partial<SandboxError> | undefined, request: ScriptRequest): string {
    if (err?.message === 'interrupted') return `script timed out after ${request.timeoutMs} ms`;
    if (err?.message === 'out of memory') return outOfMemory(request);
    if (err?.message === 'stack overflow') return 'script exceeded the stack limit (too deep recursion)';
    return `script failed: ${err?.name ?? 'Error'}: ${err?.message ?? 'unknown error'}`;
  }

  private recycle(): void {
    const s = this.sandbox;
    this.sandbox = undefined;
    if (s === undefined) return;
    try {
      s.run.dispose();
      s.context.dispose();
      s.runtime.dispose();
    } catch {
      // The wasm heap may be inconsistent after a host stack overflow; the next sandbox starts fresh.
    }
  }

  private createSandbox(): Sandbox {
    const runtime = this.module.newRuntime();
    runtime.setMaxStackSize(MAX_STACK_BYTES);
    const context = runtime.newContext();
    const sandbox: Sandbox = { runtime, context, run: context.undefined, baselineBytes: 0, lineOffset: 0, deadline: Number.POSITIVE_INFINITY };
    runtime.setInterruptHandler(() => performance.now() > sandbox.deadline);
    const log = context.newFunction('log', (levelHandle, messageHandle) => {
      const level = context.getString(levelHandle);
      const message = `[script ${this.currentElement}] ${context.getString(messageHandle)}`;
      if (level === 'warn' || level === 'error') this.logger?.warn(message);
      else this.logger?.debug(message);
    });
    const factory = context.unwrapResult(context.evalCode(SANDBOX_PRELUDE, 'flowdeck-prelude.js'));
    sandbox.run = context.unwrapResult(context.callFunction(factory, context.undefined, log));
    factory.dispose();
    log.dispose();
    sandbox.lineOffset = this.measureLineOffset(sandbox);
    const usageHandle = runtime.computeMemoryUsage();
    const usage = context.dump(usageHandle) as { memory_used_size?: number } | undefined;
    usageHandle.dispose();
    sandbox.baselineBytes = usage?.memory_used_size ?? 0;
    return sandbox;
  }

  /** How many lines the Function constructor's header adds, so errors point at the user's line. */
  private measureLineOffset(sandbox: Sandbox): number {
    const { context } = sandbox;
    const args = [context.newString('throw new Error("probe")'), context.newString('["","",0,0,{}]')];
    const handle = context.unwrapResult(context.callFunction(sandbox.run, context.undefined, ...args));
    const text = context.getString(handle);
    handle.dispose();
    for (const a of args) a.dispose();
    const outcome = JSON.parse(text) as SandboxOutcome;
    const line = outcome.ok ? null : locate(outcome.error, 0).line;
    return line === null ? 0 : line - 1;
  }
}

function locate(error: SandboxError, lineOffset: number): { line: number | null; column: number | null } {
  let line = error.line;
  let column = error.column;
  if (line === null) {
    const m = /<input>:(\d+):(\d+)/.exec(error.stack);
    if (m) {
      line = Number(m[1]);
      column = Number(m[2]);
    }
  }
  return { line: line === null ? null : line - lineOffset, column };
}

function formatError(error: SandboxError, lineOffset: number): string {
  const { line, column } = locate(error, lineOffset);
  const where = line !== null && line > 0 ? ` (line ${line}${column !== null ? `, column ${column}` : ''})` : '';
  return `${error.name}: ${error.message}${where}`;
}

function outOfMemory(request: ScriptRequest): string {
  return `script ran out of memory (limit ${request.memoryLimitBytes} bytes)`;
}

function finite(n: number): number {
  return Number.isFinite(n) ? n : 0;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

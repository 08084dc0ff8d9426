import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten-core';
import type { ScriptBpmnError } from '../../engine/ports';
import type { LoadedQuickJs } from './quickjs-module';
import { SANDBOX_PRELUDE } from './sandbox-prelude';
import { MAX_LOG_LINES, MAX_OUTPUT_CHARS, MAX_STACK_BYTES, MAX_VALUE_CHARS, MAX_VALUE_DEPTH } from './sandbox-limits';
import type { PreparedScript } from './script-request';
import { failure, messageOf, outOfMemory, timedOut, type SandboxResult } from './script-result';

/** Receives one console line of a script (`log`, `info`, `debug`, `warn` or `error`). */
export type ScriptLog = (level: string, message: string) => void;

/**
 * What a run left behind: `none` (reuse the sandbox), `runtime` (dispose it and start a new
 * runtime on the same wasm instance), `memory` (the instance is sound but its memory grew to the
 * cap: a fresh instance gives that memory back to the host) or `instance` (the wasm instance itself
 * is suspect after a host failure inside it: drop it without another call into it).
 */
export type SandboxDamage = 'none' | 'runtime' | 'memory' | 'instance';

export interface SandboxRun {
  result: SandboxResult;
  damage: SandboxDamage;
}

/** A run as the script thread forwards it: a success as the prelude's own JSON text, unparsed. */
export type SandboxRunText = SandboxRun | { okJson: string; damage: SandboxDamage };

/** Script sources kept as QuickJS strings per sandbox (the prelude keeps as many compiled functions). */
const MAX_CACHED_SOURCES = 256;

/** The prelude's JSON for a successful run starts so (see `finish` in prelude-values.ts). */
const OK_PREFIX = '{"ok":true,';

/** Turns the prelude's success JSON into the result (done on the host when it crossed a thread). */
export function parseOkJson(text: string): SandboxResult {
  const outcome = JSON.parse(text) as { hasResult: boolean; result: unknown; setVariables: Record<string, unknown> };
  return { ok: true, result: outcome.hasResult ? outcome.result : undefined, setVariables: outcome.setVariables };
}

interface SandboxError {
  name: string;
  message: string;
  line: number | null;
  column: number | null;
  stack: string;
  limit?: boolean;
}

type SandboxOutcome =
  | { ok: true; result: unknown; hasResult: boolean; setVariables: Record<string, unknown> }
  | { ok: false; error: SandboxError }
  | { ok: false; bpmnError: ScriptBpmnError };

/**
 * One QuickJS runtime and context with the prelude loaded and the realm frozen, on one wasm
 * instance. Runs scripts one at a time in the calling thread; the owner (the in-thread runner or
 * the script thread) decides what to do with the damage a run reports.
 *
 * @example
 * const sandbox = QuickJsSandbox.create(await loadQuickJs({}, 32 << 20));
 * const { result, damage } = sandbox.run(prepared, (level, message) => console.log(level, message));
 */
export class QuickJsSandbox {
  private deadline = Number.POSITIVE_INFINITY;
  private log: ScriptLog = () => {};
  private lineOffset = 0;
  private run_: QuickJSHandle;
  /**
   * The sources of recent scripts as QuickJS strings, kept alive so that a script run again (the
   * usual case: the same script task in every instance) crosses no new string into the wasm.
   */
  private readonly sources = new Map<string, QuickJSHandle>();

  private constructor(
    readonly loaded: LoadedQuickJs,
    private readonly runtime: QuickJSRuntime,
    private readonly context: QuickJSContext,
  ) {
    runtime.setMaxStackSize(MAX_STACK_BYTES);
    runtime.setInterruptHandler(() => performance.now() > this.deadline);
    const hostLog = context.newFunction('log', (levelHandle, messageHandle) => {
      this.log(context.getString(levelHandle), context.getString(messageHandle));
    });
    const limits = context.unwrapResult(context.evalCode(`[${MAX_VALUE_DEPTH},${MAX_VALUE_CHARS},${MAX_OUTPUT_CHARS},${MAX_LOG_LINES}]`));
    const factory = context.unwrapResult(context.evalCode(SANDBOX_PRELUDE, 'flowdeck-prelude.js'));
    this.run_ = context.unwrapResult(context.callFunction(factory, context.undefined, hostLog, limits));
    factory.dispose();
    limits.dispose();
    hostLog.dispose();
    this.lineOffset = this.measureLineOffset();
  }

  /** @throws when the runtime or the prelude cannot be set up (the instance is then unusable). */
  static create(loaded: LoadedQuickJs): QuickJsSandbox {
    const runtime = loaded.module.newRuntime();
    try {
      return new QuickJsSandbox(loaded, runtime, runtime.newContext());
    } catch (error) {
      throw new Error(`the script sandbox could not start: ${messageOf(error)}`, { cause: error });
    }
  }

  run(script: PreparedScript, log: ScriptLog): SandboxRun {
    const run = this.runText(script, log);
    return 'okJson' in run ? { result: parseOkJson(run.okJson), damage: run.damage } : run;
  }

  /** Like {@link run}, but a success stays the prelude's JSON text (one parse less per thread hop). */
  runText(script: PreparedScript, log: ScriptLog): SandboxRunText {
    const { context, runtime } = this;
    this.log = log;
    runtime.setMemoryLimit(script.memoryLimitBytes);
    this.deadline = performance.now() + script.timeoutMs;
    let text: string | undefined;
    let uncatchable: Partial<SandboxError> | undefined;
    let damage: SandboxRun['damage'] = 'none';
    try {
      // Two strings cross the boundary per run: every handle costs several wasm calls.
      const envelope = `[${JSON.stringify(script.elementId)},${JSON.stringify(script.processInstanceId)},${script.now},${script.randomSeed},${script.variablesJson}]`;
      const input = context.newString(envelope);
      const call = context.callFunction(this.run_, context.undefined, this.sourceHandle(script.source), input);
      input.dispose();
      if (call.error) {
        uncatchable = (context.dump(call.error) as Partial<SandboxError> | undefined) ?? {};
        call.error.dispose();
      } else {
        text = context.getString(call.value);
        call.value.dispose();
        // Promise reactions a script scheduled run now, under its deadline, never in a later
        // script's run; its execution and console refuse them. Any left over: start clean.
        if (runtime.hasPendingJob()) {
          const jobs = runtime.executePendingJobs();
          if (jobs.error) {
            const err = context.dump(jobs.error) as Partial<SandboxError> | undefined;
            jobs.error.dispose();
            if (err?.message === 'out of memory') uncatchable = err;
            damage = 'runtime';
          }
          // Reactions that ran into the deadline (a promise loop) time the run out; QuickJS turns
          // the interruption inside a reaction into a rejected promise, so check the clock.
          if (performance.now() > this.deadline) uncatchable = { message: 'interrupted' };
        }
      }
    } catch (error) {
      // A failure of the host itself inside the wasm (its stack overflowed in a built-in's C
      // recursion, a wasm trap): the instance's state is unknown, never call into it again.
      this.deadline = Number.POSITIVE_INFINITY;
      const overflow = error instanceof RangeError;
      return {
        result: overflow
          ? failure('stack', 'script exceeded the stack limit (too deep recursion or nesting inside a built-in function)')
          : failure('error', `script stopped the sandbox: ${messageOf(error)}`),
        damage: 'instance',
      };
    } finally {
      this.deadline = Number.POSITIVE_INFINITY;
      this.log = () => {};
    }
    if (uncatchable !== undefined) return this.describeUncatchable(uncatchable, script);
    if (text === undefined) return { result: failure('error', 'script produced no result'), damage: 'runtime' };
    if (text.startsWith(OK_PREFIX)) return { okJson: text, damage };
    const outcome = JSON.parse(text) as SandboxOutcome;
    if (outcome.ok) return { result: parseOkJson(text), damage };
    if ('bpmnError' in outcome) {
      const { bpmnError } = outcome;
      return { result: { ok: false, kind: 'bpmnError', error: `BpmnError ${bpmnError.code}: ${bpmnError.message}`, bpmnError }, damage };
    }
    const { error } = outcome;
    // A script that caught its own out-of-memory error has still filled the capped memory. When
    // even the error object could not be allocated, QuickJS throws null.
    if ((error.name === 'InternalError' && error.message === 'out of memory') || (error.message === 'uncaught null' && this.nearCap())) {
      return { result: outOfMemory(script.memoryLimitBytes), damage: 'memory' };
    }
    if (error.name === 'InternalError' && error.message === 'stack overflow') return { result: stackOverflow(), damage };
    if (error.limit === true) return { result: failure('limit', error.message), damage };
    return { result: failure('error', formatError(error, this.lineOffset)), damage };
  }

  /** Frees the runtime. Only for a sandbox whose instance is sound (damage was not `instance`). */
  dispose(): void {
    try {
      this.dropSources();
      this.run_.dispose();
      this.context.dispose();
      this.runtime.dispose();
    } catch {
      // Nothing to do: the owner drops the instance either way.
    }
  }

  /** The QuickJS string of `source`, made on first use; at most {@link MAX_CACHED_SOURCES} are kept. */
  private sourceHandle(source: string): QuickJSHandle {
    let handle = this.sources.get(source);
    if (handle === undefined) {
      if (this.sources.size >= MAX_CACHED_SOURCES) this.dropSources();
      handle = this.context.newString(source);
      this.sources.set(source, handle);
    }
    return handle;
  }

  private dropSources(): void {
    for (const handle of this.sources.values()) handle.dispose();
    this.sources.clear();
  }

  private nearCap(): boolean {
    return this.loaded.memory.buffer.byteLength >= this.loaded.maxBytes * 0.9;
  }

  private describeUncatchable(err: Partial<SandboxError>, script: PreparedScript): SandboxRun {
    if (err.message === 'interrupted') return { result: timedOut(script.timeoutMs), damage: 'runtime' };
    if (err.message === 'out of memory' || (err.message === undefined && this.nearCap())) return { result: outOfMemory(script.memoryLimitBytes), damage: 'memory' };
    if (err.message === 'stack overflow') return { result: stackOverflow(), damage: 'runtime' };
    return { result: failure('error', `script failed: ${err.name ?? 'Error'}: ${err.message ?? 'unknown error'}`), damage: 'runtime' };
  }

  /** How many lines the Function constructor's header adds, so errors point at the user's line. */
  private measureLineOffset(): number {
    const { context } = this;
    const args = [context.newString('throw new Error("probe")'), context.newString('["","",0,0,{}]')];
    const handle = context.unwrapResult(context.callFunction(this.run_, context.undefined, ...args));
    const text = context.getString(handle);
    handle.dispose();
    for (const a of args) a.dispose();
    const outcome = JSON.parse(text) as SandboxOutcome;
    const line = outcome.ok || !('error' in outcome) ? null : locate(outcome.error, 0).line;
    return line === null ? 0 : line - 1;
  }
}

function stackOverflow(): SandboxResult {
  return failure('stack', 'script exceeded the stack limit (too deep recursion)');
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

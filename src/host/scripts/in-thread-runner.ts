import type { Logger, ScriptRequest, ScriptRunner } from '../../engine/ports';
import { loadQuickJs, type LoadedQuickJs, type QuickJsWasmSource } from './quickjs-module';
import { QuickJsSandbox, type SandboxDamage } from './quickjs-sandbox';
import { cappedLog, toLogger } from './script-log';
import { prepareScript } from './script-request';
import { failure, messageOf, type SandboxResult } from './script-result';

/** Options shared by every QuickJS runner. */
export interface QuickJsRunnerOptions extends QuickJsWasmSource {
  /** Receives `console.*` output of scripts (`log`/`info`/`debug` as debug, `warn`/`error` as warn) and sandbox warnings. */
  logger?: Logger;
  /** The memory limit the first sandbox is sized for (default 32 MiB, the engine's default). */
  memoryLimitBytes?: number;
}

/** A {@link ScriptRunner} that owns wasm resources (and threads); `dispose()` frees them. */
export interface QuickJsScriptRunner extends ScriptRunner {
  run(request: ScriptRequest): SandboxResult;
  /** `thread`: each script runs in a script thread the host can stop; `in-thread`: in the caller's thread. */
  readonly isolation: 'thread' | 'in-thread';
  dispose(): void;
}

const DEFAULT_MEMORY_BYTES = 32 * 1024 * 1024;

/**
 * Runs scripts on QuickJS in the calling thread: the fallback where no script thread can be used
 * (no SharedArrayBuffer, or a browser main thread, where `Atomics.wait` is not allowed).
 * Isolation and memory hold as in the thread; time does not fully: the interrupt handler runs
 * between bytecodes, so a loop inside one built-in call (`indexOf` over a 10 MB string, a
 * catastrophic regex) overruns its limit and blocks this thread.
 *
 * A spare wasm instance is kept loaded, so that when a script leaves its instance unusable (out of
 * memory at the cap, a host stack overflow) the next script runs at once on a fresh one.
 *
 * @example
 * const scripts = await createInThreadScriptRunner({ logger });
 * scripts.run({ elementId: 'Calc', processInstanceId: 'p1', language: 'javascript', source: 'return 1 + 1',
 *   variables: {}, now: Date.now(), randomSeed: 42, timeoutMs: 1000, memoryLimitBytes: 32 << 20 });
 * // { ok: true, result: 2, setVariables: {} }
 */
export async function createInThreadScriptRunner(options: QuickJsRunnerOptions = {}): Promise<QuickJsScriptRunner> {
  const limit = options.memoryLimitBytes ?? DEFAULT_MEMORY_BYTES;
  const [first, spare] = await Promise.all([loadQuickJs(options, limit, debugTo(options.logger)), loadQuickJs(options, limit, debugTo(options.logger))]);
  return new InThreadScriptRunner(options, first, spare);
}

class InThreadScriptRunner implements QuickJsScriptRunner {
  readonly isolation = 'in-thread';
  private sandbox: QuickJsSandbox | undefined;
  private loading: Promise<void> | undefined;
  /** The memory limit of the latest request: the size spares are loaded for. */
  private target: number;
  private disposed = false;

  constructor(
    private readonly options: QuickJsRunnerOptions,
    private instance: LoadedQuickJs | undefined,
    private spare: LoadedQuickJs | undefined,
  ) {
    this.target = instance?.memoryLimitBytes ?? DEFAULT_MEMORY_BYTES;
  }

  run(request: ScriptRequest): SandboxResult {
    const prepared = prepareScript(request);
    if ('ok' in prepared) return prepared;
    this.fit(prepared.memoryLimitBytes);
    let sandbox: QuickJsSandbox;
    try {
      const available = this.sandbox ?? this.startSandbox();
      if (available === undefined) return failure('unavailable', 'the script sandbox is restarting after a script that broke it; the script did not run (try again)');
      sandbox = available;
    } catch (error) {
      this.drop('instance');
      return failure('unavailable', messageOf(error));
    }
    const { elementId } = prepared;
    // The cap of the instance it runs on is the limit that holds.
    prepared.memoryLimitBytes = Math.min(prepared.memoryLimitBytes, sandbox.loaded.memoryLimitBytes);
    const { result, damage } = sandbox.run(prepared, cappedLog((level, message) => toLogger(this.options.logger, elementId, level, message)));
    this.drop(damage);
    return result;
  }

  dispose(): void {
    this.disposed = true;
    this.drop('runtime');
    this.instance = undefined;
    this.spare = undefined;
  }

  private startSandbox(): QuickJsSandbox | undefined {
    if (this.instance === undefined) {
      this.instance = this.spare;
      this.spare = undefined;
      this.refill();
    }
    if (this.instance === undefined) return undefined;
    this.sandbox = QuickJsSandbox.create(this.instance);
    return this.sandbox;
  }

  private drop(damage: SandboxDamage): void {
    if (damage === 'none') return;
    if (damage !== 'instance') this.sandbox?.dispose();
    this.sandbox = undefined;
    // An instance at its memory cap is sound: keep it when no spare is ready yet (a burst of
    // out-of-memory scripts in one synchronous stretch must not make the sandbox unavailable).
    if (damage === 'instance' || (damage === 'memory' && this.spare !== undefined)) this.instance = undefined;
  }

  /**
   * The memory cap is fixed when an instance is loaded: for a request with another limit, switch to
   * a spare of that size when one is ready, else start loading one (this request runs on the
   * current instance; the spare in hand stays until the new one is there).
   */
  private fit(memoryLimitBytes: number): void {
    this.target = memoryLimitBytes;
    if (this.instance === undefined || this.instance.memoryLimitBytes === memoryLimitBytes) return;
    if (this.spare !== undefined && this.spare.memoryLimitBytes === memoryLimitBytes) {
      this.drop('runtime');
      this.instance = undefined;
      return;
    }
    this.refill();
  }

  /** Loads a spare of the current target size unless one is loading or ready. */
  private refill(): void {
    if (this.loading !== undefined || this.disposed || this.spare?.memoryLimitBytes === this.target) return;
    const memoryLimitBytes = this.target;
    this.loading = loadQuickJs(this.options, memoryLimitBytes, debugTo(this.options.logger))
      .then((loaded) => {
        if (!this.disposed) this.spare = loaded;
        if (memoryLimitBytes !== this.target) queueMicrotask(() => this.refill());
      })
      .catch((error: unknown) => this.options.logger?.warn(`script sandbox: could not load a spare QuickJS instance: ${messageOf(error)}`))
      .finally(() => {
        this.loading = undefined;
      });
  }
}

function debugTo(logger: Logger | undefined): (text: string) => void {
  return (text) => logger?.debug(`script sandbox (QuickJS): ${text}`);
}

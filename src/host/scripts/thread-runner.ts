import type { ScriptRequest } from '../../engine/ports';
import type { QuickJsRunnerOptions, QuickJsScriptRunner } from './in-thread-runner';
import { HARD_TIMEOUT_FACTOR } from './sandbox-limits';
import { toLogger } from './script-log';
import { prepareScript, type PreparedScript } from './script-request';
import { failure, timedOut, type SandboxResult } from './script-result';
import { encodeRunMessage, parseOkJson, SentSources, type ScriptThreadInit, type ScriptThreadReply } from './script-thread';
import type { ScriptLogLine } from './script-log';
import { ScriptChannel, ThreadState } from './thread-channel';

/** A started script thread, as the platform gives it back. */
export interface ScriptThreadHandle {
  /** Stops the thread at once, wherever it is (a script inside a built-in included). */
  terminate(): void;
}

/**
 * How a platform starts script threads that run {@link serveScriptThread}: `nodeScriptThreads()`
 * (worker_threads) or `browserScriptThreads()` (Web Workers, in workers/).
 */
export interface ScriptThreads {
  spawn(init: ScriptThreadInit): ScriptThreadHandle;
  /**
   * Whether a new thread starts while its creator is blocked in `Atomics.wait`. Node: yes. Browsers:
   * no, a Worker starts only once its creator's event loop runs, so spare threads are started ahead.
   */
  readonly startsWhileBlocked: boolean;
  /** The compiled QuickJS wasm the threads instantiate (one compile per host). */
  readonly wasmModule?: WebAssembly.Module;
}

/** Options of {@link createThreadedScriptRunner}. */
export interface ThreadedRunnerOptions extends QuickJsRunnerOptions {
  threads: ScriptThreads;
  /** Threads kept started beside the active one, to replace a stopped one at once (default 1). */
  spareThreads?: number;
}

/** How long a thread may take to start or to load a fresh QuickJS instance. */
const START_TIMEOUT_MS = 30_000;

interface ScriptThread {
  handle: ScriptThreadHandle;
  channel: ScriptChannel;
  memoryLimitBytes: number;
  sources: SentSources;
}

/**
 * Starts the script threads and returns a synchronous runner over them. Each script runs in a
 * script thread; the host blocks on `Atomics.wait` for the reply for at most
 * {@link HARD_TIMEOUT_FACTOR} times the script's limit. A script the thread's own interrupt handler
 * did not stop by then (its work inside one built-in: `indexOf` over 10 MB, `sort`, a catastrophic
 * regex) is stopped by terminating the thread, and a spare thread, already started, takes over.
 *
 * @throws when the first threads do not start (the caller falls back to the in-thread runner).
 * @example
 * const scripts = await createThreadedScriptRunner({ threads: nodeScriptThreads(), logger });
 * scripts.run({ ...request, source: 'while (true) {}', timeoutMs: 100 }); // { ok: false, kind: 'timeout', ... } after 100-150 ms
 */
export async function createThreadedScriptRunner(options: ThreadedRunnerOptions): Promise<QuickJsScriptRunner> {
  const runner = new ThreadedScriptRunner(options);
  await runner.started();
  return runner;
}

class ThreadedScriptRunner implements QuickJsScriptRunner {
  readonly isolation = 'thread';
  private active: ScriptThread;
  private readonly spares: ScriptThread[] = [];
  private memoryLimitBytes: number;
  private disposed = false;
  private refillQueued = false;

  constructor(private readonly options: ThreadedRunnerOptions) {
    this.memoryLimitBytes = options.memoryLimitBytes ?? 32 * 1024 * 1024;
    this.active = this.spawn();
    this.refill();
  }

  /**
   * Resolves when the active thread is ready, and the spares too where threads cannot start while
   * the host blocks (browsers); yields meanwhile so that browser Workers can start.
   */
  async started(): Promise<void> {
    const deadline = performance.now() + START_TIMEOUT_MS;
    const awaited = this.options.threads.startsWhileBlocked ? [this.active] : [this.active, ...this.spares];
    for (const thread of awaited) {
      while (thread.channel.state === ThreadState.Starting && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      if (thread.channel.state !== ThreadState.Ready) {
        const reason = thread.channel.state === ThreadState.Failed ? failureMessage(thread) : `it did not start within ${START_TIMEOUT_MS} ms`;
        this.dispose();
        throw new Error(`script thread could not start: ${reason}`);
      }
    }
  }

  run(request: ScriptRequest): SandboxResult {
    const prepared = prepareScript(request);
    if ('ok' in prepared) return prepared;
    if (this.disposed) return failure('unavailable', 'the script runner was disposed');
    const thread = this.readyThread(prepared.memoryLimitBytes);
    if (typeof thread === 'string') return failure('unavailable', thread);
    if (!thread.channel.send(encodeRunMessage(prepared, thread.sources), performance.now() + START_TIMEOUT_MS)) {
      this.replace(thread);
      return failure('unavailable', 'the script thread stopped answering; the script did not run (try again)');
    }
    const reply = thread.channel.receive(performance.now() + prepared.timeoutMs * HARD_TIMEOUT_FACTOR);
    if (reply === undefined) {
      // Stuck inside a built-in, past the interrupt handler: only stopping the thread ends it.
      this.replace(thread);
      return timedOut(prepared.timeoutMs);
    }
    return this.deliver(prepared, decodeReply(reply));
  }

  dispose(): void {
    this.disposed = true;
    for (const thread of [this.active, ...this.spares]) thread.handle.terminate();
    this.spares.length = 0;
  }

  private deliver(prepared: PreparedScript, reply: ScriptThreadReply): SandboxResult {
    for (const [level, message] of reply.l ?? []) toLogger(this.options.logger, prepared.elementId, level, message);
    return reply.r;
  }

  /** The active thread once it can take a script of this memory limit, or why none can. */
  private readyThread(memoryLimitBytes: number): ScriptThread | string {
    let thread = this.active;
    let state = thread.channel.waitWhile(ThreadState.Reloading, performance.now() + START_TIMEOUT_MS);
    if (state === ThreadState.Starting) {
      if (this.options.threads.startsWhileBlocked) {
        state = thread.channel.waitWhile(ThreadState.Starting, performance.now() + START_TIMEOUT_MS);
      } else {
        const ready = this.spares.findIndex((s) => s.channel.state === ThreadState.Ready);
        if (ready < 0) return 'the script sandbox is restarting after a stopped script; the script did not run (try again)';
        this.spares.push(thread);
        thread = this.active = this.spares.splice(ready, 1)[0];
        state = ThreadState.Ready;
      }
    }
    if (state !== ThreadState.Ready) {
      const reason = state === ThreadState.Failed ? failureMessage(thread) : 'it did not become ready in time';
      this.replace(thread);
      return `the script thread failed (${reason}); the script did not run (try again)`;
    }
    if (thread.memoryLimitBytes !== memoryLimitBytes) {
      this.memoryLimitBytes = memoryLimitBytes;
      thread.channel.send(`M${memoryLimitBytes}`);
      if (thread.channel.receive(performance.now() + START_TIMEOUT_MS) === undefined) {
        this.replace(thread);
        return 'the script thread did not answer; the script did not run (try again)';
      }
      thread.memoryLimitBytes = memoryLimitBytes;
      return this.readyThread(memoryLimitBytes);
    }
    return thread;
  }

  /**
   * Stops `thread` and lets a spare take over. The new spare is started once the host yields (a
   * browser Worker would not start earlier anyway), so that starting it does not delay the answer
   * of the script that was stopped; with no spare left, a thread starts at once.
   */
  private replace(thread: ScriptThread): void {
    thread.handle.terminate();
    if (thread === this.active) this.active = this.spares.shift() ?? this.spawn();
    else this.spares.splice(this.spares.indexOf(thread), 1);
    if (!this.refillQueued) {
      this.refillQueued = true;
      setTimeout(() => {
        this.refillQueued = false;
        this.refill();
      }, 0);
    }
  }

  private refill(): void {
    const wanted = this.options.spareThreads ?? 1;
    while (!this.disposed && this.spares.length < wanted) this.spares.push(this.spawn());
  }

  private spawn(): ScriptThread {
    const buffer = ScriptChannel.allocate();
    const { threads, wasmLocation } = this.options;
    const wasmModule = this.options.wasmModule ?? threads.wasmModule;
    const init: ScriptThreadInit = { buffer, memoryLimitBytes: this.memoryLimitBytes, ...(wasmModule ? { wasmModule } : {}), ...(wasmLocation ? { wasmLocation } : {}) };
    // The channel is created before the thread runs, so it sees every message of it.
    const channel = new ScriptChannel(buffer, 'host');
    return { handle: threads.spawn(init), channel, memoryLimitBytes: this.memoryLimitBytes, sources: new SentSources() };
  }
}

function decodeReply(reply: string): ScriptThreadReply {
  if (reply.startsWith('O')) {
    const newline = reply.indexOf('\n');
    const r = parseOkJson(reply.slice(newline + 1));
    return newline > 1 ? { r, l: JSON.parse(reply.slice(1, newline)) as ScriptLogLine[] } : { r };
  }
  return JSON.parse(reply.slice(1)) as ScriptThreadReply;
}

function failureMessage(thread: ScriptThread): string {
  const text = thread.channel.receive(performance.now() + 100);
  return text?.startsWith('F') ? text.slice(1) : 'unknown reason';
}

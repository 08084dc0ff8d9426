import { loadQuickJs, type LoadedQuickJs } from './quickjs-module';
import { QuickJsSandbox, type SandboxDamage } from './quickjs-sandbox';
import { cappedLog, type ScriptLogLine } from './script-log';
import type { PreparedScript } from './script-request';
import { messageOf, type SandboxResult } from './script-result';
export { parseOkJson } from './quickjs-sandbox';
import { ScriptChannel, ThreadState } from './thread-channel';

/**
 * What a script thread receives when it starts (structured-cloned: Node `workerData`, or the
 * first `postMessage` in a browser Worker).
 */
export interface ScriptThreadInit {
  buffer: SharedArrayBuffer;
  memoryLimitBytes: number;
  wasmModule?: WebAssembly.Module;
  wasmLocation?: string;
}

/**
 * The thread's reply to a script: `O` + console lines JSON (or nothing) + newline + the prelude's
 * success JSON, or `J` + {@link ScriptThreadReply} for everything else.
 */
export interface ScriptThreadReply {
  r: SandboxResult;
  l?: ScriptLogLine[];
}

/**
 * The messages the host sends. `R` runs a script: header JSON
 * `[elementId, processInstanceId, now, randomSeed, timeoutMs, memoryLimitBytes, sourceId, source]`,
 * a newline, the variables JSON. `source` is null when the thread has it already under `sourceId`
 * (see {@link SentSources}). `M` + bytes sizes a fresh QuickJS instance for another memory limit.
 */
export function encodeRunMessage(p: PreparedScript, sent: SentSources): string {
  let id = sent.ids.get(p.source);
  let source: string | null = null;
  if (id === undefined) {
    if (sent.ids.size >= MAX_SENT_SOURCES) sent.ids.clear();
    id = sent.ids.size;
    sent.ids.set(p.source, id);
    source = p.source;
  }
  return `R${JSON.stringify([p.elementId, p.processInstanceId, p.now, p.randomSeed, p.timeoutMs, p.memoryLimitBytes, id, source])}\n${p.variablesJson}`;
}

/**
 * The script sources one thread has been sent, by id: a script run again (the same script task in
 * every instance) crosses as its id. A new thread starts with an empty table on both sides.
 */
export class SentSources {
  readonly ids = new Map<string, number>();
}

/** Ids are reused from 0 once this many sources were sent (each reuse sends its source again). */
const MAX_SENT_SOURCES = 256;

function decodeRunMessage(message: string, sources: string[]): PreparedScript | undefined {
  const newline = message.indexOf('\n');
  const [elementId, processInstanceId, now, randomSeed, timeoutMs, memoryLimitBytes, sourceId, sent] =
    JSON.parse(message.slice(1, newline)) as [string, string, number, number, number, number, number, string | null];
  if (sent !== null) sources[sourceId] = sent;
  const source = sources[sourceId];
  if (source === undefined) return undefined;
  return { elementId, processInstanceId, now, randomSeed, timeoutMs, memoryLimitBytes, source, variablesJson: message.slice(newline + 1) };
}

/**
 * The body of a script thread (the same in a Node worker thread and a browser Worker): loads
 * QuickJS into its own capped memory, then serves scripts from the channel until it is terminated.
 * Blocks its thread between scripts (`Atomics.wait`); yields only to load a fresh QuickJS instance
 * after a script left its instance unusable (or for another memory limit).
 *
 * @example
 * // workers/script-thread.worker.ts
 * self.onmessage = (e) => { void serveScriptThread(e.data); };
 */
export async function serveScriptThread(init: ScriptThreadInit): Promise<void> {
  const channel = new ScriptChannel(init.buffer, 'thread');
  const output: string[] = [];
  const sources: string[] = [];
  const load = async (memoryLimitBytes: number): Promise<QuickJsSandbox> => {
    const loaded: LoadedQuickJs = await loadQuickJs(init, memoryLimitBytes, (text) => output.push(text));
    return QuickJsSandbox.create(loaded);
  };
  let sandbox: QuickJsSandbox;
  try {
    sandbox = await load(init.memoryLimitBytes);
  } catch (error) {
    channel.send(`F${messageOf(error)}`);
    channel.setState(ThreadState.Failed);
    return;
  }
  channel.setState(ThreadState.Ready);
  for (;;) {
    const message = channel.receive(Number.POSITIVE_INFINITY) ?? '';
    let damage: SandboxDamage = 'none';
    let reply: string;
    let limit = sandbox.loaded.memoryLimitBytes;
    const script = message.startsWith('R') ? decodeRunMessage(message, sources) : undefined;
    if (script !== undefined) {
      const lines: ScriptLogLine[] = [];
      const run = sandbox.runText(script, cappedLog((level, text) => lines.push([level, text])));
      damage = run.damage;
      if ('okJson' in run) reply = `O${lines.length > 0 ? JSON.stringify(lines) : ''}\n${run.okJson}`;
      else reply = `J${JSON.stringify(lines.length > 0 ? { r: run.result, l: lines } : { r: run.result })}`;
    } else if (message.startsWith('M')) {
      limit = Number(message.slice(1));
      damage = limit === sandbox.loaded.memoryLimitBytes ? 'none' : 'runtime';
      reply = 'ok';
    } else {
      const what = message.startsWith('R') ? 'a script by an id it was never sent' : 'an unknown message';
      reply = `J${JSON.stringify({ r: { ok: false, kind: 'unavailable', error: `script thread received ${what}` } })}`;
    }
    // Reloading is announced before the reply, so the host does not start the next script's
    // clock while this thread is still loading.
    if (damage !== 'none') channel.setState(ThreadState.Reloading);
    channel.send(reply);
    if (damage === 'none') continue;
    try {
      if (damage === 'runtime' && limit === sandbox.loaded.memoryLimitBytes) {
        // The instance is sound (an interrupted script): a new runtime on it is enough.
        sandbox.dispose();
        sandbox = QuickJsSandbox.create(sandbox.loaded);
      } else {
        if (damage === 'runtime' || damage === 'memory') sandbox.dispose();
        // A fresh instance: the old one's memory (at its cap, or suspect) goes with it.
        sandbox = await load(limit);
      }
      channel.setState(ThreadState.Ready);
    } catch (error) {
      channel.send(`F${messageOf(error)}`);
      channel.setState(ThreadState.Failed);
      return;
    }
  }
}

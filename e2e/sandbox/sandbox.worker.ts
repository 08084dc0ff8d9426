/// <reference lib="webworker" />
// Stands in for the engine's Worker: the host side of the script sandbox, blocking in
// Atomics.wait while a script thread runs each script. Reports how long each run took, measured
// here, where the engine would wait.
import type { ScriptRequest } from '../../src/engine/ports';
import { createQuickJsScriptRunner } from '../../src/host/scripts/quickjs-runner';
import type { SandboxResult } from '../../src/host/scripts/script-result';
import { browserScriptThreads } from '../../workers/script-threads';

export interface SandboxStatus {
  isolation: 'thread' | 'in-thread';
  crossOriginIsolated: boolean;
  warnings: string[];
}

export interface SandboxReply {
  id: number;
  result: SandboxResult;
  elapsedMs: number;
}

const warnings: string[] = [];
const runner = await createQuickJsScriptRunner({
  threads: await browserScriptThreads(),
  logger: { debug: () => {}, warn: (message) => warnings.push(message) },
});
self.postMessage({ isolation: runner.isolation, crossOriginIsolated: self.crossOriginIsolated, warnings } satisfies SandboxStatus);

self.onmessage = (event: MessageEvent<{ id: number; request: ScriptRequest }>) => {
  const started = performance.now();
  let result: SandboxResult;
  try {
    result = runner.run(event.data.request);
  } catch (error) {
    result = { ok: false, kind: 'error', error: `the runner threw: ${String(error)}` };
  }
  self.postMessage({ id: event.data.id, result, elapsedMs: performance.now() - started } satisfies SandboxReply);
};

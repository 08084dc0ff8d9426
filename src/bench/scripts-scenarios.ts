/** The small-script request the script benchmarks time, and the runner lines the engine bench shares. */
import type { ScriptRequest } from '../engine';
import { createNodeScriptRunner } from '../host/scripts/node-script-threads';
import type { QuickJsScriptRunner } from '../host/scripts/quickjs-runner';

export const SMALL_SCRIPT: ScriptRequest = {
  elementId: 'Enrich', processInstanceId: 'bench', language: 'javascript', variables: { amount: 150 }, now: 0, randomSeed: 0,
  source: "execution.setVariable('net', variables.amount * 0.8); return variables.amount;", timeoutMs: 1000, memoryLimitBytes: 32 << 20,
};

/** One small script per call on `runner`, a new seed each time (as the engine passes). */
export function smallScript(runner: QuickJsScriptRunner): () => number {
  let seed = 0;
  return () => {
    const out = runner.run({ ...SMALL_SCRIPT, randomSeed: seed++ });
    if (!out.ok) throw new Error(out.error);
    return 1;
  };
}

/**
 * The hook for src/bench/engine.bench.ts: a "QuickJS script runner alone" line on the isolated
 * runner (script thread, what the host uses), beside its in-thread line.
 */
export async function isolatedScriptScenario(): Promise<Array<[string, () => number]>> {
  return [['QuickJS script runner alone: script thread', smallScript(await createNodeScriptRunner())]];
}

import { afterEach, describe, expect, it } from 'vitest';
import type { ScriptRequest } from '../../engine/ports';
import { createQuickJsScriptRunner, whyThreadsCannotWork, type QuickJsScriptRunner, type ScriptThreads } from './quickjs-runner';

const REQUEST: ScriptRequest = { elementId: 'Fallback', processInstanceId: 'pi-1', language: 'javascript', source: 'return 6 * 7', variables: {}, now: 0, randomSeed: 1, timeoutMs: 1000, memoryLimitBytes: 32 << 20 };

const brokenThreads: ScriptThreads = {
  startsWhileBlocked: true,
  spawn() {
    throw new Error('no threads here');
  },
};

// Where script threads cannot work, the runner says so and still runs scripts, in-thread.
describe('createQuickJsScriptRunner fallback', () => {
  let runner: QuickJsScriptRunner | undefined;
  afterEach(() => runner?.dispose());

  it('given threads that do not start, then it warns, falls back to the in-thread runner and runs scripts', async () => {
    const warnings: string[] = [];
    runner = await createQuickJsScriptRunner({ threads: brokenThreads, logger: { debug: () => {}, warn: (m) => warnings.push(m) } });
    expect(runner.isolation).toBe('in-thread');
    expect(warnings).toEqual([expect.stringMatching(/^script sandbox: script threads did not start \(no threads here\); scripts run in the host thread instead/)]);
    expect(runner.run(REQUEST)).toMatchObject({ ok: true, result: 42 });
  });

  it('given no SharedArrayBuffer (a page without cross-origin isolation), then it warns naming the headers to send', async () => {
    const saved = globalThis.SharedArrayBuffer;
    const warnings: string[] = [];
    try {
      delete (globalThis as { SharedArrayBuffer?: unknown }).SharedArrayBuffer;
      expect(whyThreadsCannotWork()).toMatch(/cross-origin isolation: COOP same-origin \+ COEP require-corp/);
      runner = await createQuickJsScriptRunner({ threads: brokenThreads, logger: { debug: () => {}, warn: (m) => warnings.push(m) } });
    } finally {
      globalThis.SharedArrayBuffer = saved;
    }
    expect(runner.isolation).toBe('in-thread');
    expect(warnings[0]).toMatch(/SharedArrayBuffer is not available/);
    expect(runner.run(REQUEST)).toMatchObject({ ok: true, result: 42 });
  });
});

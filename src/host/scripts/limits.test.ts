import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ScriptRequest } from '../../engine/ports';
import { createNodeScriptRunner } from './node-script-threads';
import type { QuickJsScriptRunner } from './quickjs-runner';
import { RUNNERS } from './test-support/runners';
import { START_TIMEOUT_MS } from './test-support/timeouts';

function request(source: string, overrides: Partial<ScriptRequest> = {}): ScriptRequest {
  return { elementId: 'Limits', processInstanceId: 'pi-1', language: 'javascript', source, variables: { a: 1 }, now: 0, randomSeed: 1, timeoutMs: 1000, memoryLimitBytes: 32 << 20, ...overrides };
}

function nested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 1; i < depth; i++) v = [v];
  return v;
}

// Loops whose work sits inside one built-in call: QuickJS's interrupt handler runs between
// bytecodes, so before the script thread these ran for many seconds past their limit (indexOf:
// 31 s, sort: 37 s, repeat: 43 s past a 400 ms limit).
const BUILTIN_LOOPS: Array<[string, string]> = [
  ['indexOf over a 10 MB string', 'const s = "x".repeat(1e7); let n = 0; for (let i = 0; i < 1000; i++) n += s.indexOf("y"); return n'],
  ['fill of a typed array', 'const a = new Float64Array(2e6); for (let i = 0; i < 5000; i++) a.fill(i); return a[0]'],
  ['sort of a large array', 'const a = []; for (let i = 0; i < 2e5; i++) a.push(String((i * 7919) % 2e5)); for (let i = 0; i < 200; i++) a.slice().sort(); return a.length'],
  ['repeat of a long string', 'let n = 0; for (let i = 0; i < 3000; i++) n += "abcd".repeat(2e6).length; return n'],
  ['a catastrophic regular expression', 'return /^(a|a)+$/.test("a".repeat(36) + "b")'],
];

describe('time: a script never runs more than twice its limit (script thread)', () => {
  let runner: QuickJsScriptRunner;
  beforeAll(async () => {
    runner = await createNodeScriptRunner({ spareThreads: 2 });
  }, START_TIMEOUT_MS);
  afterAll(() => runner.dispose());

  // 1 s limits: the host stops the thread at 1.5 s, which leaves half a second for a busy
  // machine to schedule the host thread again before the 2x bound.
  it.each(BUILTIN_LOOPS)('given a loop inside %s and a 1000 ms limit, then it stops as a timeout within 2000 ms and the next script runs', (_name, source) => {
    const started = performance.now();
    const out = runner.run(request(source, { timeoutMs: 1000 }));
    const elapsed = performance.now() - started;
    expect(out).toEqual({ ok: false, kind: 'timeout', error: 'script timed out after 1000 ms' });
    expect(elapsed).toBeLessThan(2000);
    expect(runner.run(request('return variables.a + 1'))).toMatchObject({ ok: true, result: 2 });
  });

  it('given a plain endless loop, then the thread\'s own interrupt handler stops it at its limit (no thread is lost)', () => {
    expect(runner.run(request('for (;;) {}', { timeoutMs: 100 }))).toMatchObject({ kind: 'timeout' });
    expect(runner.run(request('return 3'))).toMatchObject({ ok: true, result: 3 });
  });
});

describe.each(RUNNERS)('memory and nesting limits (%s runner)', (_name, create) => {
  let runner: QuickJsScriptRunner;
  beforeAll(async () => {
    runner = await create();
  }, START_TIMEOUT_MS);
  afterAll(() => runner.dispose());

  it('given sixty 20 MB typed arrays under a 32 MiB limit, then the total is refused as out of memory', () => {
    const out = runner.run(request('const a = []; for (let i = 0; i < 60; i++) a.push(new Uint8Array(20e6)); return a.length', { timeoutMs: 20_000 }));
    expect(out).toEqual({ ok: false, kind: 'memory', error: 'script ran out of memory (limit 33554432 bytes)' });
    expect(runner.run(request('return 40 + 2'))).toMatchObject({ ok: true, result: 42 });
  });

  it('given an array that grows without end, then it ends as out of memory, not at 2 GB', () => {
    const out = runner.run(request('const a = []; for (;;) a.push([a.length]);', { timeoutMs: 20_000 }));
    expect(out).toEqual({ ok: false, kind: 'memory', error: 'script ran out of memory (limit 33554432 bytes)' });
    expect(runner.run(request('return "still here"'))).toMatchObject({ ok: true, result: 'still here' });
  });

  it('given a script that catches its own out-of-memory error and returns, then the run still reports it', () => {
    const out = runner.run(request('const a = []; try { for (;;) a.push(new Uint8Array(1e6)); } catch (e) { return "survived"; }', { timeoutMs: 20_000 }));
    expect(out, JSON.stringify(out)).toMatchObject({ ok: true, result: 'survived' });
    expect(runner.run(request('return 1'))).toMatchObject({ ok: true, result: 1 });
  });

  it('given a result nested 20,000 deep, then it is refused with a clear error, nothing is printed and the next script runs', () => {
    const stderr = vi.spyOn(process.stderr, 'write');
    const consoleError = vi.spyOn(console, 'error');
    try {
      const out = runner.run(request('let o = {}; for (let i = 0; i < 20000; i++) o = { o }; return o'));
      expect(out).toEqual({ ok: false, kind: 'limit', error: 'script result is nested deeper than 256 levels' });
      expect(runner.run(request('return 7'))).toMatchObject({ ok: true, result: 7 });
      expect(stderr).not.toHaveBeenCalled();
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      stderr.mockRestore();
      consoleError.mockRestore();
    }
  });

  it('given a result exactly 256 deep, then it is accepted', () => {
    const out = runner.run(request('let o = 1; for (let i = 1; i < 256; i++) o = [o]; return o'));
    expect(out).toEqual({ ok: true, result: nested(256), setVariables: {} });
  });

  it('given a setVariable value nested 300 deep, then the error names the variable', () => {
    const out = runner.run(request('let o = 1; for (let i = 0; i < 300; i++) o = [o]; execution.setVariable("tree", o)'));
    expect(out).toEqual({ ok: false, kind: 'limit', error: 'variable "tree" is nested deeper than 256 levels' });
  });

  it('given input variables nested 3,000 deep, then the run is refused before it starts, naming the variable', () => {
    const out = runner.run(request('return 1', { variables: { ok: 1, deep: nested(3000) } }));
    expect(out).toEqual({ ok: false, kind: 'input', error: 'variable "deep" is nested deeper than 256 levels' });
  });

  it('given a result over 1 MiB of JSON, then it is refused with its size limit', () => {
    expect(runner.run(request('return "x".repeat(2e6)'))).toEqual({ ok: false, kind: 'limit', error: 'script result is larger than 1048576 characters of JSON' });
  });

  it('given JSON.parse of 100,000 nested brackets inside the script, then it fails as a stack error and the next script runs', async () => {
    const out = runner.run(request('return JSON.parse("[".repeat(1e5) + "]".repeat(1e5)).length'));
    expect(out).toMatchObject({ ok: false });
    expect((out as { error: string }).error).toMatch(/stack/);
    // The in-thread runner swaps in its spare instance; give it a moment to load the next spare.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(runner.run(request('return 8'))).toMatchObject({ ok: true, result: 8 });
  });
});

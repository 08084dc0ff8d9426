import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScriptRequest } from '../../engine/ports';
import type { QuickJsScriptRunner } from './quickjs-runner';
import { RUNNERS } from './test-support/runners';
import { START_TIMEOUT_MS } from './test-support/timeouts';

function request(source: string, variables: Record<string, unknown> = {}): ScriptRequest {
  return {
    elementId: 'Calc', processInstanceId: 'pi-1', language: 'javascript', source, variables,
    now: 0, randomSeed: 1, timeoutMs: 1000, memoryLimitBytes: 8 * 1024 * 1024,
  };
}

// Sources a runner has seen cross again as a cached QuickJS string or, to a script thread, as an
// id (at most 256 of each are kept, then reused): every run must still run its own source.
describe.each(RUNNERS)('script source cache (%s)', (_name, create) => {
  let runner: QuickJsScriptRunner;
  beforeAll(async () => {
    runner = await create({});
  }, START_TIMEOUT_MS);
  afterAll(() => runner.dispose());

  it('given more distinct scripts than the cache keeps, when earlier and later ones run again, then each returns its own result', () => {
    const source = (i: number) => `execution.setVariable('n', ${i}); return variables.x + ${i};`;
    for (let i = 0; i < 300; i++) expect(runner.run(request(source(i), { x: 1000 }))).toMatchObject({ ok: true, result: 1000 + i, setVariables: { n: i } });
    for (const i of [0, 1, 255, 256, 299, 7]) {
      expect(runner.run(request(source(i), { x: 1 }))).toMatchObject({ ok: true, result: 1 + i, setVariables: { n: i } });
    }
  });

  it('given a script that failed to compile, when it and a valid one run again, then the failure and the result repeat', () => {
    const broken = 'return (;';
    expect(runner.run(request(broken))).toMatchObject({ ok: false, kind: 'error' });
    expect(runner.run(request('return 2'))).toMatchObject({ ok: true, result: 2 });
    expect(runner.run(request(broken))).toMatchObject({ ok: false, kind: 'error' });
    expect(runner.run(request('return 2'))).toMatchObject({ ok: true, result: 2 });
  });

  it('given a script that broke its runtime (timed out), when the same source runs again, then it runs on the fresh runtime', () => {
    const loop = 'if (variables.spin) { while (true) {} } return 5;';
    expect(runner.run({ ...request(loop, { spin: true }), timeoutMs: 50 })).toMatchObject({ ok: false, kind: 'timeout' });
    expect(runner.run(request(loop, { spin: false }))).toMatchObject({ ok: true, result: 5 });
  });
});

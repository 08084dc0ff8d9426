import { describe, expect, it } from 'vitest';
import type { ScriptRequest, ScriptRunner } from '../../engine/ports';
import { createInThreadScriptRunner } from './quickjs-runner';
import { fingerprintScript, INTRINSICS, plantScript, USE_EXPECTED, USE_SCRIPT } from './test-support/intrinsics';
import { RUNNERS, useRunners } from './test-support/runners';

function request(source: string, processInstanceId: string): ScriptRequest {
  return { elementId: 'Task', processInstanceId, language: 'javascript', source, variables: {}, now: 0, randomSeed: 1, timeoutMs: 2000, memoryLimitBytes: 32 << 20 };
}

function resultOf(runner: ScriptRunner, source: string, instance: string): unknown {
  const out = runner.run(request(source, instance));
  if (!out.ok) throw new Error(`${instance}: ${out.error}`);
  return out.result;
}

// Every intrinsic a script can reach, named or anonymous: tenant A tries to plant code in it, a
// later script of tenant B must see exactly what a never-attacked sandbox shows.
describe.each(RUNNERS)('intrinsics are frozen before any script runs (%s runner)', (_name, create) => {
  const runners = useRunners(() => create(), () => createInThreadScriptRunner());

  it.each(INTRINSICS.map((c) => [c.name, c] as const))('given tenant A patches %s, then a later script of tenant B is unaffected', (_name, c) => {
    const [attacked, pristine] = runners();
    const expected = resultOf(pristine, fingerprintScript(c), 'tenant-b');
    attacked.run(request(plantScript(c), 'tenant-a'));
    expect(resultOf(attacked, fingerprintScript(c), 'tenant-b')).toEqual(expected);
    expect(resultOf(attacked, USE_SCRIPT, 'tenant-b')).toEqual(USE_EXPECTED);
    expect(expected).toMatchObject({ self: expect.stringMatching(/^frozen /), planted: 'undefined' });
  });
});

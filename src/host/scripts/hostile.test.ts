import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeScriptRunner } from './node-script-threads';
import { createInThreadScriptRunner, type QuickJsScriptRunner } from './quickjs-runner';
import { attackRequest, loadAttacks, PROBE_SCRIPT } from './test-support/hostile-corpus';
import { START_TIMEOUT_MS } from './test-support/timeouts';

const ATTACKS = loadAttacks();

// The hostile corpus (hostile/*.attack), each attack run by an "attacker" instance on the script
// thread runner that the host uses, followed by an innocent "victim" instance that must see
// exactly what it sees in a sandbox no attacker ever touched, and must run at all.
describe('hostile script corpus', () => {
  let runner: QuickJsScriptRunner;
  let expectedProbe: unknown;
  const logged: string[] = [];

  beforeAll(async () => {
    const pristine = await createInThreadScriptRunner();
    const probe = pristine.run(attackRequest(PROBE_SCRIPT, 'victim'));
    pristine.dispose();
    if (!probe.ok) throw new Error(`the probe itself fails: ${probe.error}`);
    expectedProbe = probe.result;
    runner = await createNodeScriptRunner({ spareThreads: 2, logger: { debug: (m) => logged.push(m), warn: (m) => logged.push(m) } });
  }, START_TIMEOUT_MS);
  afterAll(() => runner.dispose());

  it('holds at least 50 attacks, each with a description and an expected outcome', () => {
    expect(ATTACKS.length).toBeGreaterThanOrEqual(50);
  });

  it.each(ATTACKS.map((a) => [a.name, a] as const))('%s: contained as expected, and the next instance sees a pristine sandbox', (_name, attack) => {
    logged.length = 0;
    const out = runner.run(attackRequest(attack.source, 'attacker', {
      ...(attack.timeoutMs !== undefined ? { timeoutMs: attack.timeoutMs } : {}),
      ...(attack.memoryLimitBytes !== undefined ? { memoryLimitBytes: attack.memoryLimitBytes } : {}),
    }));
    if (attack.expect.kind === 'error') {
      expect(out.ok, `${attack.name}: ${JSON.stringify(out)}`).toBe(false);
      expect((out as { error: string }).error).toMatch(attack.expect.pattern);
    } else if (attack.expect.kind === 'result') {
      expect(out).toMatchObject({ ok: true, result: attack.expect.value });
    }
    expect(logged.length).toBeLessThanOrEqual(101);
    const probe = runner.run(attackRequest(PROBE_SCRIPT, 'victim'));
    expect(probe).toEqual({ ok: true, result: expectedProbe, setVariables: {} });
  });
});

import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './run-in-process';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'src/cli/bin.mjs');
const FIXTURES = 'src/cli/fixtures';

/** Spawns the real command, as a user would, from the repository root. */
function flowdeck(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const inProcess = runInProcess;

// Each spawn starts Node, tsx and QuickJS: seconds on a busy machine, hence the generous timeout.
describe('flowdeck (spawned)', { timeout: 60_000 }, () => {
  it('given its output piped into a reader that stops after one byte (`| head -c 1`), when it writes on, then it ends quietly with no EPIPE stack trace', async () => {
    const child = spawn(process.execPath, [BIN, 'test', 'docs/examples'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += String(d); });
    // Read one chunk, then close our end of the pipe, as `head -c 1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(code).not.toBe(70);
  });

  it('given a CPT test file and step scenarios, when the binary runs them, then it reports each case and exits 1 for a failed one', async () => {
    const ok = await flowdeck('test', 'src/cli/fixtures/cpt/time.json', 'src/cli/fixtures/steps/happy.scenario.json');
    expect(ok.stdout).toContain('PASS the review times out after 48 hours, not one hour earlier (src/cli/fixtures/cpt/time.json)');
    expect(ok.stdout).toContain('3 passed, 0 failed (1 scenario, 2 CPT test cases)');
    expect(ok.code).toBe(0);
    const failed = await flowdeck('test', 'src/cli/fixtures/cpt/wrong.json');
    expect(failed.stdout).toContain('0 passed, 8 failed (8 CPT test cases)');
    expect(failed.code).toBe(1);
  });

  it('given run --json on a model that waits, then it prints exactly the documented shape and exits 0', async () => {
    const r = await flowdeck('run', 'docs/examples/order/order.bpmn', '--variables', '{"amount": 150}', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      state: 'active',
      path: ['Received', 'Score', 'NeedsApproval'],
      active: ['Approve'],
      variables: { amount: 150, risk: 'high' },
      incidents: [],
    });
  });

  it('given run --scenario that ends in an incident, then the JSON shows it and the exit code is 1', async () => {
    const r = await flowdeck('run', '--scenario', 'docs/examples/order/payment-outage.scenario.json', '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { state: string; incidents: Array<{ elementId: string; message: string }> };
    expect(out.state).toBe('incident');
    expect(out.incidents).toEqual([{ elementId: 'Charge', message: expect.stringContaining('gateway timeout again') }]);
  });

  it('given test on the examples folder, then every scenario passes and the exit code is 0', async () => {
    const r = await flowdeck('test', 'docs/examples');
    expect(r.stdout).toMatch(/^12 passed, 0 failed \(11 scenarios, 1 CPT test case\)$/m);
    expect(r.stdout).not.toMatch(/FAIL/);
    expect(r.code).toBe(0);
  });

  it('given test on a scenario whose expectations are wrong, then each mismatch is reported and the exit code is 1', async () => {
    const r = await flowdeck('test', `${FIXTURES}/failing.scenario.json`);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL expects the wrong things');
    expect(r.stdout).toContain('expected state completed, got active (active: Charge)');
    expect(r.stdout).toContain('expected Refund to be passed, but it never completed');
    expect(r.stdout).toContain('expected Approve not to be passed, but it completed');
    expect(r.stdout).toContain('expected variable risk = "low", got "high"');
  });

  it('given an unknown option, then it explains on stderr and exits 2', async () => {
    const r = await flowdeck('run', 'docs/examples/order/order.bpmn', '--verbose');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('flowdeck: unknown option "--verbose" for run');
    expect(r.stdout).toBe('');
  });

  it('given a scenario file that cannot be read, then it names the file on stderr and exits 3', async () => {
    const r = await flowdeck('run', '--scenario', `${FIXTURES}/no-such.scenario.json`, '--json');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^flowdeck: cannot read scenario file .*no-such\.scenario\.json: no such file\n$/);
    expect(r.stdout).toBe('');
  });

  it('given a model that is not well-formed XML, then it names the file on stderr and exits 3', async () => {
    const r = await flowdeck('run', `${FIXTURES}/not-xml.bpmn`);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^flowdeck: cannot deploy .*not-xml\.bpmn: not a BPMN 2\.0 file: /);
    expect(r.stdout).toBe('');
  });
});

describe('flowdeck main (in-process)', () => {
  it('given a missing model file, then exit 3 with the path', async () => {
    const r = await inProcess('run', 'nope/missing.bpmn');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cannot read model file .*missing\.bpmn: no such file/);
  });

  it('given run without --json, then the final state is printed for people: state, path, active elements and variables', async () => {
    const r = await inProcess('run', 'docs/examples/order/order.bpmn', '--variables', '{"amount": 150}');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^order v1, instance \S+: active$/m);
    expect(r.stdout).toMatch(/^\s+path:\s+Received -> Score -> NeedsApproval$/m);
    expect(r.stdout).toMatch(/^\s+active:\s+Approve$/m);
    expect(r.stdout).toMatch(/^\s+variables:\s+\{"amount":150,"risk":"high"\}$/m);
  });

  it('given a model whose terminate end event ends it while a task waits, then the state is terminated', async () => {
    const r = await inProcess('run', `${FIXTURES}/terminate.bpmn`, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ state: 'terminated', path: ['Start', 'Fork', 'Abort'], active: [], variables: {}, incidents: [] });
  });

  it('given run --scenario with --variables, then the command-line variables are merged over the scenario\'s', async () => {
    const r = await inProcess('run', '--scenario', 'docs/examples/order/declined.scenario.json', '--variables', '{"amount": 30, "note": "x"}', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ state: 'completed', variables: { amount: 30, note: 'x', risk: 'low' } });
  });

  it('given invalid --variables JSON, then exit 3', async () => {
    const r = await inProcess('run', 'docs/examples/order/order.bpmn', '--variables', '{amount: 1}');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('invalid JSON in --variables');
  });

  it('given --variables @file, then the file supplies the variables', async () => {
    const r = await inProcess('run', 'docs/examples/order/order.bpmn', '--variables', `@${FIXTURES}/vars.json`, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).variables).toEqual({ amount: 150, customer: { tier: 'gold' }, risk: 'high' });
  });

  it('given a model with a broken condition, then exit 3 naming the element', async () => {
    const r = await inProcess('run', `${FIXTURES}/bad-condition.bpmn`);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cannot deploy .*bad-condition\.bpmn: the model has 1 error:\n\s+bad\/f2: /);
  });

  it('given a model with several processes and no --process, then exit 3 listing them; with --process it runs', async () => {
    const r = await inProcess('run', `${FIXTURES}/two-processes.bpmn`);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('has 3 processes (parent, ship, orphan): choose one with --process');
    const ok = await inProcess('run', `${FIXTURES}/two-processes.bpmn`, '--process', 'ship', '--json');
    expect(JSON.parse(ok.stdout)).toMatchObject({ state: 'active', active: ['Pack'] });
  });

  it('given a step on an element that is not waiting, then the run reports the step and exits 1', async () => {
    const r = await inProcess('test', `${FIXTURES}/bad-step-target.scenario.json`);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('step 1 (complete Charge): no open job or user task at Charge (open: user task at Approve)');
  });

  it('given a scenario whose variables are nested 3,000 deep beside a good one, when tested, then both are reported, the deep one as an error naming the limit, and the run ends with a summary', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-deep-'));
    let deep = '{}';
    for (let i = 0; i < 3000; i++) deep = `{"a":${deep}}`;
    const model = join(ROOT, 'docs/examples/order/order.bpmn');
    writeFileSync(join(dir, 'a-deep.scenario.json'), `{"model": ${JSON.stringify(model)}, "variables": {"amount": 10, "x": ${deep}}}`);
    writeFileSync(join(dir, 'b-good.scenario.json'), `{"model": ${JSON.stringify(model)}, "variables": {"amount": 10}, "expect": {"state": "active"}}`);
    const r = await inProcess('test', dir);
    expect(r.stdout).toMatch(/ERROR .*a-deep[\s\S]*nested deeper than 128 levels/);
    expect(r.stdout).toMatch(/PASS .*b-good/);
    expect(r.stdout).toMatch(/1 passed, 0 failed, 1 could not run \(2 scenarios\)/);
    expect(r.stderr).not.toMatch(/internal error|RangeError/);
    expect(r.code).toBe(3);
  });

  it('given run with --variables nested 3,000 deep, then exit 3 with the limit named, no stack trace', async () => {
    let deep = '{}';
    for (let i = 0; i < 3000; i++) deep = `{"a":${deep}}`;
    const r = await inProcess('run', 'docs/examples/order/order.bpmn', '--variables', `{"amount":1,"x":${deep}}`);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^flowdeck: the variables of startInstance are nested deeper than 128 levels/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('given test --json, then the report is machine-readable', async () => {
    const r = await inProcess('test', 'docs/examples/order/declined.scenario.json', `${FIXTURES}/bad-step.scenario.json`, '--json');
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout) as { passed: number; failed: number; errors: number; scenarios: Array<{ status: string; problems: string[] }> };
    expect(report).toMatchObject({ passed: 1, failed: 0, errors: 1 });
    expect(report.scenarios.map((s) => s.status)).toEqual(['passed', 'error']);
    expect(report.scenarios[1].problems[0]).toMatch(/steps\[0\] needs exactly one of/);
  });

  it('given --dmn, then business rule tasks evaluate the deployed decision; without it they raise an incident', async () => {
    const withDmn = await inProcess('run', 'docs/examples/pricing/pricing.bpmn', '--dmn', 'docs/examples/pricing/discount.dmn', '--variables', '{"tier":"gold","amount":20}', '--json');
    expect(JSON.parse(withDmn.stdout)).toMatchObject({ state: 'completed', variables: { discount: 0.05 } });
    const without = await inProcess('run', 'docs/examples/pricing/pricing.bpmn', '--variables', '{"tier":"gold","amount":20}', '--json');
    expect(without.code).toBe(1);
    expect(JSON.parse(without.stdout).incidents).toEqual([{ elementId: 'Decide', message: expect.stringContaining('not deployed') }]);
  });

  it('given a model binding its decision by deployment, then --dmn deploys the DMN file in the same deployment; without it the task says so', async () => {
    const model = `${FIXTURES}/pricing-deployment.bpmn`;
    const bound = await inProcess('run', model, '--dmn', 'docs/examples/pricing/discount.dmn', '--variables', '{"tier":"gold","amount":20}', '--json');
    expect(JSON.parse(bound.stdout)).toMatchObject({ state: 'completed', variables: { discount: 0.05 } });
    const alone = await inProcess('run', model, '--variables', '{"tier":"gold","amount":20}', '--json');
    expect(JSON.parse(alone.stdout).incidents).toEqual([{ elementId: 'Decide', message: expect.stringContaining('not deployed') }]);
    expect(alone.stderr).toMatch(/pricing-deployment\.bpmn: decision discount \(bindingType deployment\) is in none of the DMN files given/);
  });

  it('given help or --version, then they print and exit 0', async () => {
    expect((await inProcess('help', 'test')).stdout).toContain('"throwError": "Charge"');
    expect(await inProcess('--version')).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });
});

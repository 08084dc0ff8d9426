import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT as ROOT, runInProcess } from './run-in-process';

const STEPS = 'src/cli/fixtures/steps';
const FAILING = 'src/cli/fixtures/steps-failing';

const flowdeck = runInProcess;

interface Outcome { state: string; path: string[]; active: string[]; variables: Record<string, unknown> }
async function runScenario(file: string): Promise<{ code: number; outcome: Outcome; stderr: string }> {
  const r = await flowdeck('run', '--scenario', file, '--json');
  return { code: r.code, outcome: JSON.parse(r.stdout) as Outcome, stderr: r.stderr };
}

describe('scenario steps', { timeout: 60_000 }, () => {
  it('given jobs of one type open three times, when fetchAndComplete runs, then it completes all three, oldest first, with its variables', async () => {
    const { outcome } = await runScenario(`${STEPS}/happy.scenario.json`);
    // Three inner instances of Pack, then the multi-instance body: all completed by the first step.
    expect(outcome.path.slice(0, 5)).toEqual(['Ordered', 'Pack', 'Pack', 'Pack', 'Pack']);
    expect(outcome.variables.packed).toBe(true);
  });

  it('given a message that is waited for, when publish runs, then it correlates by key and its variables arrive', async () => {
    const { outcome } = await runScenario(`${STEPS}/happy.scenario.json`);
    expect(outcome.path).toContain('Paid');
    expect(outcome.variables.paid).toBe(42);
  });

  it('given a message published with a ttl before anyone waits, when the catch event opens within the ttl, then it takes the buffered message', async () => {
    const { outcome } = await runScenario(`${STEPS}/buffered.scenario.json`);
    expect(outcome.active).toEqual(['Go']);
    expect(outcome.variables.paid).toBe(42);
  });

  it('given a buffered message, when the clock passes its ttl first, then it is gone and the catch event keeps waiting', async () => {
    const { outcome } = await runScenario(`${STEPS}/expired.scenario.json`);
    expect(outcome.active).toEqual(['Paid']);
  });

  it('given a message id still buffered, when the same id is published again, then the step fails with the duplicate named', async () => {
    const r = await flowdeck('test', `${FAILING}/duplicate-message.scenario.json`);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("step 2 (publish \"payment received\" key \"order-7\"): message payment received with correlation key 'order-7' and id 'pay-1' was already published");
  });

  it('given a signal catch event, when signal runs, then the instance goes on with the signal variables', async () => {
    const { outcome } = await runScenario(`${STEPS}/happy.scenario.json`);
    expect(outcome.path.indexOf('Go')).toBeGreaterThan(outcome.path.indexOf('Paid'));
    expect(outcome.variables.carrier).toBe('DHL');
  });

  it('given a clock field and an R3/PT1H cycle, when advance passes three and a half hours, then each due time fires once, in order, at its own time', async () => {
    const { outcome } = await runScenario(`${STEPS}/happy.scenario.json`);
    expect(outcome.variables.reminders).toEqual(['2026-04-27T10:00:00Z', '2026-04-27T11:00:00Z', '2026-04-27T12:00:00Z']);
    expect(outcome.path.filter((id) => id === 'Remind')).toHaveLength(3);
  });

  it('given a one-day interrupting timer, when advance passes a day, then the cycle fires first and the interrupting timer last', async () => {
    const { outcome } = await runScenario(`${STEPS}/give-up.scenario.json`);
    expect(outcome.state).toBe('completed');
    expect(outcome.path.slice(-2)).toEqual(['GiveUp', 'GaveUp']);
    expect(outcome.path).not.toContain('Ship');
  });

  it('given no clock field, when the scenario advances, then the virtual clock started at the real time', async () => {
    const before = Date.now();
    const r = await flowdeck('run', `${STEPS}/shipment.bpmn`, '--variables', '{"items":[],"orderId":"o","reminders":[]}', '--json');
    expect(JSON.parse(r.stdout).active).toEqual(['Paid']);
    const { validateScenario } = await import('./scenario');
    const { execute } = await import('./execute');
    const s = validateScenario({ model: 'shipment.bpmn', variables: { items: [], orderId: 'o', reminders: [] },
      steps: [{ publish: 'payment received', key: 'o' }, { signal: 'dispatch' }, { advance: 'PT1H' }] }, join(ROOT, STEPS, 'x.scenario.json'));
    const result = await execute(s);
    const [first] = result.outcome.variables.reminders as string[];
    expect(Date.parse(first)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 3_600_000);
    expect(Date.parse(first)).toBeLessThanOrEqual(Date.now() + 3_600_000);
  });

  it('given an instance waiting, when cancel runs, then it is cancelled; a second cancel fails the scenario with the reason', async () => {
    const { outcome } = await runScenario(`${STEPS}/cancel.scenario.json`);
    expect(outcome.state).toBe('cancelled');
    const r = await flowdeck('test', `${FAILING}/cancel-twice.scenario.json`);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/step 2 \(cancel\): instance instance-1 is canceled/);
  });

  it('given fetchAndComplete of a type with no open job, then the scenario fails and lists what is open', async () => {
    const r = await flowdeck('test', `${FAILING}/no-such-topic.scenario.json`);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('step 1 (fetchAndComplete ship): no open job of type "ship" (open: job pack at Pack, job pack at Pack)');
  });

  it('given every step scenario of the steps folder, then flowdeck test passes them all', async () => {
    const r = await flowdeck('test', STEPS);
    expect(r.stdout).toContain('5 passed, 0 failed (5 scenarios)');
    expect(r.code).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { dispatch, start } from '../index';
import { openIncidents } from '../runtime/queries';
import { fakeDecisions, fakeScripts, loadProcess, roundTrip, testContext } from '../test-support/harness';

function ports(opts: { failScript?: boolean; failDecision?: boolean } = {}) {
  const scripts = fakeScripts({
    'double(amount)': (vars) => (opts.failScript ? 'ReferenceError: double is not defined' : { result: (vars.amount as number) * 2, set: { scripted: true } }),
  });
  const decisions = fakeDecisions({
    discount: (vars) => {
      if (opts.failDecision) throw new Error('no rule matched');
      return (vars.total as number) > 20 ? 0.1 : 0;
    },
  });
  return { scripts, decisions };
}

describe('script task and business rule task', () => {
  it('given a JavaScript script, a FEEL zeebe:script and a called decision, when started, then each result lands in its variable', async () => {
    const process = await loadProcess(import.meta.url, 'script-task.bpmn');
    const { scripts, decisions } = ports();
    const { state } = start(process, { variables: { amount: 21 } }, testContext({ scripts, decisions }));
    expect(state.status).toBe('completed');
    expect(state.variables).toEqual({ amount: 21, scripted: true, doubled: 42, total: 43, discount: 0.1 });
    expect(scripts.requests[0]).toMatchObject({ elementId: 'js', language: 'javascript', variables: { amount: 21 }, timeoutMs: 1000 });
    expect(scripts.requests[0].randomSeed).toBeGreaterThanOrEqual(0);
  });

  it('given a clock and an instance seed, when a script task runs, then the sandbox is given the step time and a seed drawn from the instance, the same for the same seed', async () => {
    const process = await loadProcess(import.meta.url, 'script-task.bpmn');
    const run = (seed: number) => {
      const { scripts, decisions } = ports();
      const ctx = testContext({ scripts, decisions, clock: { now: () => Date.UTC(2031, 2, 3) } });
      const { state } = start(process, { variables: { amount: 1 }, seed, instanceId: 'pi' }, ctx);
      expect(state.status).toBe('completed');
      return scripts.requests[0];
    };
    expect(run(7)).toMatchObject({ now: Date.UTC(2031, 2, 3) });
    expect(run(7).randomSeed).toBe(run(7).randomSeed);
    expect(run(7).randomSeed).not.toBe(run(8).randomSeed);
  });

  it('given a failing script, when started, then an incident names the task; after fixing the runner, resolving retries the script', async () => {
    const process = await loadProcess(import.meta.url, 'script-task.bpmn');
    const failing = testContext(ports({ failScript: true }));
    const first = start(process, { variables: { amount: 1 } }, failing);
    const [incident] = openIncidents(first.state);
    expect(incident).toMatchObject({ type: 'script', elementId: 'js', retry: 'activate' });
    expect(incident.message).toContain('double is not defined');
    const fixed = testContext(ports());
    const r = dispatch(process, roundTrip(first.state), { type: 'resolveIncident', incidentId: incident.id }, fixed);
    expect(r.state.status).toBe('completed');
    expect(r.state.variables.total).toBe(3);
  });

  it('given a failing decision, when reached, then a decision incident is raised', async () => {
    const process = await loadProcess(import.meta.url, 'script-task.bpmn');
    const { state } = start(process, { variables: { amount: 1 } }, testContext(ports({ failDecision: true })));
    expect(openIncidents(state)).toMatchObject([{ type: 'decision', elementId: 'rule' }]);
    expect(openIncidents(state)[0].message).toContain('no rule matched');
  });

  it('given no script runner, when the script task is reached, then an incident says so', async () => {
    const process = await loadProcess(import.meta.url, 'script-task.bpmn');
    const { state } = start(process, {}, testContext());
    expect(openIncidents(state)[0].message).toMatch(/no script runner/);
  });
});

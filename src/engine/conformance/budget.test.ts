import { describe, expect, it } from 'vitest';
import { dispatch, start } from '../index';
import type { ExecutableProcess, InstanceState } from '../index';
import { DEFAULT_STEP_BUDGET } from '../runtime/step';
import { compileXml, fixture, roundTrip, testContext } from '../test-support/harness';

const load = async (id: string) => (await compileXml(fixture(import.meta.url, 'budget.bpmn'))).get(id) as ExecutableProcess;

/** Every element instance's parent exists and every scope counts exactly its live children. */
function expectWhole(state: InstanceState): void {
  const counts = new Map<string, number>();
  for (const ei of Object.values(state.elements)) {
    if (ei.parentId !== null) {
      expect(state.elements[ei.parentId], `parent of ${ei.id}`).toBeDefined();
      counts.set(ei.parentId, (counts.get(ei.parentId) ?? 0) + 1);
    }
  }
  for (const ei of Object.values(state.elements)) expect(ei.children, `children of ${ei.id}`).toBe(counts.get(ei.id) ?? 0);
}

describe('step budget', () => {
  it('given a loop without a wait state, when started, then the step stops past its budget with an incident on the element where it stopped, the state whole', async () => {
    const process = await load('spin');
    const ctx = testContext({ limits: { stepBudget: 500 } });
    const { state, effects } = start(process, { variables: { n: 0, limit: 1e9 } }, ctx);
    expect(state.status).toBe('active');
    const incidents = Object.values(state.incidents);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ type: 'budget', retry: 'complete' });
    expect(incidents[0].message).toMatch(/more than 500 element executions without reaching a wait state.*stopped at (count|again)/);
    expect(effects.map((e) => e.type)).toEqual(['incidentRaised']);
    expect(Object.keys(state.elements)).toHaveLength(1);
    expectWhole(state);
    // every completed script counted n up: what ran is applied, nothing half
    expect(state.variables.n).toBe(state.path.filter((id) => id === 'count').length);
  });

  it('given a budget incident, when resolved, then the loop runs one more budget and stops again; once the loop can end, resolving completes it', async () => {
    const process = await load('spin');
    const ctx = testContext({ limits: { stepBudget: 300 } });
    const s0 = roundTrip(start(process, { variables: { n: 0, limit: 1e9 } }, ctx).state);
    const n0 = s0.variables.n as number;
    const s1 = roundTrip(dispatch(process, s0, { type: 'resolveIncident', incidentId: Object.keys(s0.incidents)[0] }, ctx).state);
    expect(Object.values(s1.incidents)).toMatchObject([{ type: 'budget' }]);
    expect(s1.variables.n as number).toBeGreaterThan(n0);
    const s2 = dispatch(process, s1, { type: 'setVariables', variables: { limit: 0 } }, ctx).state;
    const s3 = dispatch(process, s2, { type: 'resolveIncident', incidentId: Object.keys(s2.incidents)[0] }, ctx).state;
    expect(s3.status).toBe('completed');
  });

  it('given a parallel fork into its own merge, when started, then the token explosion stops at the budget, the deferred tokens kept on the incident, and cancel ends it', async () => {
    const process = await load('explode');
    const ctx = testContext({ limits: { stepBudget: 1000 } });
    const { state } = start(process, {}, ctx);
    const [incident] = Object.values(state.incidents);
    expect(incident.type).toBe('budget');
    expect(incident.deferred?.length).toBeGreaterThan(0);
    expectWhole(state);
    const canceled = dispatch(process, roundTrip(state), { type: 'cancel' }, ctx).state;
    expect(canceled.status).toBe('canceled');
    expect(canceled.elements).toEqual({});
  });

  it('given a loop inside a subprocess that ends after the budget, when resolved until done, then the subprocess and the instance complete', async () => {
    const process = await load('inSub');
    const ctx = testContext({ limits: { stepBudget: 100 } });
    let state = start(process, { variables: { n: 0, limit: 120 } }, ctx).state;
    expectWhole(state);
    for (let i = 0; i < 5 && state.status === 'active'; i++) {
      state = roundTrip(dispatch(process, state, { type: 'resolveIncident', incidentId: Object.keys(state.incidents)[0] }, ctx).state);
    }
    expect(state.status).toBe('completed');
    expect(state.variables.n).toBe(120);
  });

  it('given no limit configured, when a long loop runs, then the default budget (tens of thousands) applies', async () => {
    const process = await load('spin');
    const { state } = start(process, { variables: { n: 0, limit: 1e9 } }, testContext());
    expect(DEFAULT_STEP_BUDGET).toBeGreaterThanOrEqual(10_000);
    expect(Object.values(state.incidents)[0].message).toContain(`more than ${DEFAULT_STEP_BUDGET}`);
    const loop = start(process, { variables: { n: 0, limit: 1000 } }, testContext()).state;
    expect(loop.status).toBe('completed');
  });
});

import { describe, expect, it } from 'vitest';
import { dispatch, start } from '../index';
import type { ExecutableProcess, HistoryEvent, StepResult } from '../index';
import { compileXml, fixture, roundTrip, testContext } from '../test-support/harness';

/*
 * `history: 'elements'` (the simulator's reduced history): the same state, effects and event
 * numbering as a full history, with only the element, incident and instance-end events kept.
 */
const T0 = Date.UTC(2026, 0, 1);
const load = async () => (await compileXml(fixture(import.meta.url, 'async-continuation.bpmn'))).get('asyncFlow') as ExecutableProcess;
const KEPT = new Set(['elementEntered', 'elementCompleted', 'elementTerminated', 'incidentRaised', 'instanceCompleted', 'instanceCanceled']);

/** Runs the instance to its end in either mode: every continuation, then every job, in key order. */
function runToEnd(p: ExecutableProcess, history: 'full' | 'elements'): { steps: StepResult[] } {
  const ctx = testContext();
  const steps = [start(p, { instanceId: 'pi', now: T0, variables: { amount: 5, paid: 'yes' }, history }, ctx)];
  for (let i = 0; i < 20 && steps[steps.length - 1].state.status === 'active'; i++) {
    const s = roundTrip(steps[steps.length - 1].state);
    const cont = Object.keys(s.continuations ?? {}).sort()[0];
    const job = Object.keys(s.jobs).sort()[0];
    const command = cont ? { type: 'continueAsync', key: cont } : job ? { type: 'completeJob', jobKey: job } : null;
    if (!command) break;
    steps.push(dispatch(p, s, command as never, ctx, { now: T0, history }));
  }
  return { steps };
}

describe('reduced history (history: elements)', () => {
  it('given the same instance run with a full and a reduced history, then states and effects are equal and the reduced history is the full one filtered, numbers included', async () => {
    const p = await load();
    const full = runToEnd(p, 'full');
    const reduced = runToEnd(p, 'elements');
    expect(full.steps.length).toBeGreaterThan(2);
    expect(reduced.steps.map((r) => r.state)).toEqual(full.steps.map((r) => r.state));
    expect(reduced.steps.map((r) => r.effects)).toEqual(full.steps.map((r) => r.effects));
    const filtered = (h: HistoryEvent[]) => h.filter((e) => KEPT.has(e.type));
    expect(reduced.steps.map((r) => r.history)).toEqual(full.steps.map((r) => filtered(r.history)));
    const all = full.steps.flatMap((r) => r.history.map((e) => e.type));
    expect(all).toContain('flowTaken');
    expect(all).toContain('variableSet');
    expect(reduced.steps.flatMap((r) => r.history.map((e) => e.type))).toContain('elementCompleted');
    expect(reduced.steps.flatMap((r) => r.history).some((e) => !KEPT.has(e.type))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { compileDeployment } from '../compile-deployment';
import type { ExecutableProcess } from '../model/types';
import { parseBpmn } from '../model/parse';
import { dispatch, start } from '../index';
import { activeElementIds, openJobs, openTasks, variablesAt } from '../runtime/queries';
import type { HistoryEvent } from '../history/events';
import type { InstanceState } from '../runtime/state';
import { testFeel } from '../test-support/feel';
import { compileXml, fixture, roundTrip, testContext } from '../test-support/harness';

async function load(id: string): Promise<ExecutableProcess> {
  return (await compileXml(fixture(import.meta.url, 'compensation.bpmn'))).get(id) as ExecutableProcess;
}

const entered = (history: readonly HistoryEvent[], ids: string[]) =>
  history.filter((h) => h.type === 'elementEntered' && ids.includes(h.elementId)).map((h) => (h as { elementId: string }).elementId);

/** Completes the one open job after a JSON round trip, as a store would hand the state back; returns what the job saw. */
function completeOnlyJob(process: ExecutableProcess, state: InstanceState, ctx: ReturnType<typeof testContext>) {
  const stored = roundTrip(state);
  const jobs = openJobs(stored);
  expect(jobs).toHaveLength(1);
  const seen = { elementId: jobs[0].elementId, vars: variablesAt(stored, jobs[0].elementInstanceId) };
  return { seen, result: dispatch(process, stored, { type: 'completeJob', jobKey: jobs[0].key, variables: {} }, ctx) };
}

describe('compensation', () => {
  it('given a task, a multi-instance task and a subprocess that completed, when a throw compensates, then the handlers run one at a time, latest completion first, one per iteration', async () => {
    const process = await load('compOrder');
    const ctx = testContext();
    let r = start(process, { variables: { items: ['a', 'b', 'c'] } }, ctx);
    expect(r.history.find((h) => h.type === 'compensationThrown')).toMatchObject({ elementId: 'throwAll', completions: 5 });
    expect(activeElementIds(r.state)).toEqual(['sub', 'throwAll', 'undoC']);
    const order: Array<[string, unknown]> = [];
    while (openJobs(r.state).length > 0) {
      const step = completeOnlyJob(process, r.state, ctx);
      order.push([step.seen.elementId, step.seen.vars.item ?? null]);
      r = step.result;
    }
    expect(order).toEqual([['undoC', null], ['undoB', 'c'], ['undoB', 'b'], ['undoB', 'a'], ['undoA', null]]);
    expect(r.state.status).toBe('completed');
    // Each completion is compensated once: the second throw finds nothing.
    expect(r.history.find((h) => h.type === 'compensationThrown')).toMatchObject({ elementId: 'throwAgain', completions: 0 });
    expect(r.state.path.slice(-3)).toEqual(['throwAll', 'throwAgain', 'end']);
  });

  it('given a handler for a subprocess inner task, when the subprocess is compensated, then it is opened again as a compensation scope and its own outputs and flows are not repeated', async () => {
    const process = await load('compOrder');
    const ctx = testContext();
    const r = start(process, { variables: { items: [] } }, ctx);
    const compensating = r.history.filter((h) => h.type === 'compensating');
    expect(compensating).toMatchObject([{ elementId: 'sub', handlerId: null }, { elementId: 'C', handlerId: 'undoC' }]);
    const { result } = completeOnlyJob(process, r.state, ctx);
    expect(result.history.filter((h) => h.type === 'flowTaken')).toEqual([]);
    expect(result.history.filter((h) => h.type === 'elementCompleted').map((h) => (h as { elementId: string }).elementId)).toEqual(['undoC', 'sub']);
    // the multi-instance task ran no iteration: nothing of it to compensate
    expect(entered(result.history, ['undoB'])).toEqual([]);
    expect(openJobs(result.state).map((j) => j.elementId)).toEqual(['undoA']);
  });

  it('given activityRef, when thrown, then only that activity is compensated and an end event compensates the rest', async () => {
    const process = await load('compRef');
    const r = start(process, {}, testContext());
    expect(r.state.status).toBe('completed');
    expect(r.history.filter((h) => h.type === 'compensationThrown')).toMatchObject([
      { elementId: 'throwA', activityRef: 'A2', completions: 1 },
      { elementId: 'endAll', activityRef: null, completions: 1 },
    ]);
    expect(entered(r.history, ['undoA2', 'undoB2'])).toEqual(['undoA2', 'undoB2']);
    expect(r.state.path).toEqual(['r_start', 'A2', 'B2', 'undoA2', 'throwA', 'undoB2', 'endAll']);
  });

  it('given a compensation event subprocess, when its subprocess is compensated, then it runs in the reopened scope with the scope\'s variables and its throw compensates the inside', async () => {
    const process = await load('compEsp');
    const ctx = testContext();
    const r = start(process, {}, ctx);
    expect(r.history.find((h) => h.type === 'compensating')).toMatchObject({ elementId: 'S3', handlerId: 'onCompensate' });
    const { seen, result } = completeOnlyJob(process, r.state, ctx);
    expect(seen).toMatchObject({ elementId: 'logComp', vars: { bookingRef: 'booking-7' } });
    expect(entered(result.history, ['undoC3'])).toEqual(['undoC3']);
    expect(result.state.status).toBe('completed');
    expect(result.state.path.slice(-7)).toEqual(['undoC3', 'throwInside', 'ce', 'onCompensate', 'S3', 'throwS3', 'e_end']);
    expect(result.state.compensation).toEqual({ records: [], runs: {} });
  });

  it('given a throw inside an active subprocess, when reached, then only what completed in the subprocess is compensated, and an outer throw later finds only the rest', async () => {
    const process = await load('compInside');
    const ctx = testContext();
    const r = start(process, {}, ctx);
    expect(r.history.find((h) => h.type === 'compensationThrown')).toMatchObject({ elementId: 'throwIn', completions: 1 });
    expect(entered(r.history, ['undoA4', 'undoB4'])).toEqual(['undoB4']);
    const stored = roundTrip(r.state);
    const done = dispatch(process, stored, { type: 'completeUserTask', taskId: openTasks(stored)[0].id }, ctx);
    expect(done.history.find((h) => h.type === 'compensationThrown')).toMatchObject({ elementId: 'end4', completions: 1 });
    expect(entered(done.history, ['undoA4', 'undoB4'])).toEqual(['undoA4']);
    expect(done.state.status).toBe('completed');
  });

  it('given a multi-instance handler, when compensating, then every iteration of the handler completes before the thrower moves on', async () => {
    const process = await load('compMiHandler');
    const ctx = testContext();
    let r = start(process, { variables: { refunds: ['r1', 'r2'] } }, ctx);
    expect(openTasks(r.state)).toHaveLength(2);
    expect(activeElementIds(r.state)).toContain('throwP');
    for (let i = 0; i < 2; i++) {
      const stored = roundTrip(r.state);
      r = dispatch(process, stored, { type: 'completeUserTask', taskId: openTasks(stored)[0].id }, ctx);
      expect(r.state.status).toBe(i === 0 ? 'active' : 'completed');
    }
    expect(r.state.path.slice(-3)).toEqual(['undoP', 'throwP', 'endP']);
  });

  it('given models compensation cannot run, then each is a compile error naming the element', async () => {
    const { definitions } = await parseBpmn(fixture(import.meta.url, 'compensation-invalid.bpmn'));
    const { errors } = compileDeployment(definitions, { expressions: testFeel });
    expect(errors.map((e) => `${e.processId}/${e.elementId}: ${e.message}`).sort()).toEqual([
      'bad/cancelHere: a cancel end event must be inside a transaction subprocess',
      'bad/cancelOnTask: a cancel boundary event must be attached to a transaction subprocess, not to task A',
      'bad/lonely: a compensation boundary event needs exactly one association to its compensation handler (found 0)',
      'bad/noWait: waitForCompletion="false" is not executed: a compensation throw event waits until its handlers are done',
      'bad/orphan: orphan is marked isForCompensation but no compensation boundary event is associated with it',
      'bad/topComp: a compensation event subprocess belongs inside the subprocess it compensates, not at process level',
      'bad/undoFails: a compensation handler (undoA) cannot have interrupting boundary events: its compensation would not go on; make it non-interrupting or handle the error inside a subprocess handler',
      'bad/wait: a compensation event definition is not allowed on intermediateCatchEvent',
      'bad/wrongScope: activityRef A is not in the scope wrongScope compensates (inner)',
      'badTx/txCancel: transaction tx has no cancel boundary event to leave through',
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInThreadScriptRunner, type QuickJsScriptRunner } from '../../host/scripts/quickjs-runner';
import { dispatch, start } from '../index';
import { activeElementIds, openIncidents } from '../runtime/queries';
import { loadProcess, roundTrip, testContext } from '../test-support/harness';

// The real QuickJS sandbox: a script's `throw new BpmnError(...)` becomes a BPMN error of its task.
describe('script task throwing a BPMN error', () => {
  let scripts: QuickJsScriptRunner;
  beforeAll(async () => {
    scripts = await createInThreadScriptRunner();
  }, 60_000);
  afterAll(() => scripts.dispose());

  it('given an error boundary for the code, when the script throws it, then the boundary catches it with the error variables and the task is terminated', async () => {
    const process = await loadProcess(import.meta.url, 'script-bpmn-error.bpmn');
    const r = start(process, { variables: { amount: 150 } }, testContext({ scripts }));
    expect(r.history.find((h) => h.type === 'errorThrown')).toMatchObject({ elementId: 'charge', errorCode: 'DECLINED', caughtBy: 'wasDeclined' });
    expect(activeElementIds(r.state)).toEqual(['review']);
    expect(r.state.variables).toEqual({ amount: 150, limit: 100 });
    expect(r.state.incidents).toEqual({});
  });

  it('given no catcher for the code, when thrown, then the task gets an unhandledError incident, and resolving it after a fix runs the script again', async () => {
    const process = await loadProcess(import.meta.url, 'script-bpmn-error.bpmn');
    const ctx = testContext({ scripts });
    const r = start(process, { variables: { amount: -5 } }, ctx);
    const [incident] = openIncidents(r.state);
    expect(incident).toMatchObject({
      type: 'unhandledError', elementId: 'charge',
      message: "error 'NEGATIVE' thrown by the script of charge (negative amount) is not caught by any boundary event or event subprocess",
    });
    let s = roundTrip(r.state);
    s = dispatch(process, s, { type: 'setVariables', variables: { amount: 5 } }, ctx).state;
    const done = dispatch(process, roundTrip(s), { type: 'resolveIncident', incidentId: incident.id }, ctx);
    expect(done.state.status).toBe('completed');
    expect(done.state.variables).toEqual({ amount: 5, charged: 5 });
  });
});

import { describe, expect, it } from 'vitest';
import { compileDeployment } from '../compile-deployment';
import type { ExecutableProcess } from '../model/types';
import { parseBpmn } from '../model/parse';
import { dispatch, start } from '../index';
import { activeElementIds, openTasks } from '../runtime/queries';
import { testFeel } from '../test-support/feel';
import { compileXml, fixture, roundTrip, testContext } from '../test-support/harness';
import { testHost } from '../test-support/host';

async function load(id: string): Promise<ExecutableProcess> {
  return (await compileXml(fixture(import.meta.url, 'escalation-event.bpmn'))).get(id) as ExecutableProcess;
}

const thrown = (history: ReadonlyArray<{ type: string }>) => history.filter((h) => h.type === 'escalationThrown');

describe('escalation events', () => {
  it('given a non-interrupting boundary for the code, when the subprocess throws it, then the boundary path and the thrower both go on, and the instance resumes from JSON', async () => {
    const process = await load('escSub');
    const ctx = testContext();
    const r = start(process, { variables: { code: 'LATE' } }, ctx);
    expect(thrown(r.history)).toMatchObject([{ elementId: 'throwCode', escalationCode: 'LATE', caughtBy: 'lateCaught' }]);
    expect(r.state.path).toContain('notified');
    expect(activeElementIds(r.state)).toEqual(['review', 'sub']);
    const stored = roundTrip(r.state);
    const done = dispatch(process, stored, { type: 'completeUserTask', taskId: openTasks(stored)[0].id }, ctx);
    expect(done.state.status).toBe('completed');
    expect(done.state.incidents).toEqual({});
  });

  it('given a code only the catch-all matches, when thrown, then the interrupting catch-all terminates the subprocess and the thrower stops there', async () => {
    const process = await load('escSub');
    const r = start(process, { variables: { code: 'OTHER' } }, testContext());
    expect(thrown(r.history)).toMatchObject([{ escalationCode: 'OTHER', caughtBy: 'anyCaught' }]);
    expect(activeElementIds(r.state)).toEqual(['fallback']);
    expect(r.history.filter((h) => h.type === 'elementTerminated').map((h) => 'elementId' in h && h.elementId)).toEqual(['throwCode', 'sub']);
    expect(r.history.some((h) => h.type === 'elementEntered' && h.elementId === 'review')).toBe(false);
  });

  it('given a code that evaluates to no string, when thrown, then the thrower gets an extract incident', async () => {
    const process = await load('escSub');
    const r = start(process, { variables: { code: 42 } }, testContext());
    expect(Object.values(r.state.incidents)).toMatchObject([{ type: 'extract', elementId: 'throwCode', message: 'the escalationCode of throwCode evaluated to 42, expected a non-empty string' }]);
  });

  it('given escalation event subprocesses, when a subprocess throws, then the process one runs beside the work (non-interrupting) and the inner one replaces the subprocess work (interrupting)', async () => {
    const process = await load('escEsp');
    const ctx = testContext();
    const r = start(process, {}, ctx);
    expect(thrown(r.history)).toMatchObject([{ elementId: 'noteThrow', escalationCode: 'NOTE', caughtBy: 'noteStart' }]);
    expect(r.state.path).toEqual(expect.arrayContaining(['logNote', 'noteDone', 'onNote', 'noteThrow']));
    expect(activeElementIds(r.state)).toEqual(['sub2', 'work']);
    const stored = roundTrip(r.state);
    const done = dispatch(process, stored, { type: 'completeUserTask', taskId: openTasks(stored)[0].id }, ctx);
    expect(thrown(done.history)).toMatchObject([{ elementId: 'stopEnd', escalationCode: 'STOP', caughtBy: 'stopStart' }]);
    expect(done.history.filter((h) => h.type === 'elementTerminated').map((h) => 'elementId' in h && h.elementId)).toEqual(['stopEnd']);
    expect(done.state.status).toBe('completed');
    expect(done.state.path.slice(-4)).toEqual(['stopDone', 'onStop', 'sub2', 'e_end']);
  });

  it('given nothing catches it, when thrown, then the instance goes on with no incident and the history says it was not caught', async () => {
    const process = await load('escNone');
    const ctx = testContext();
    const r = start(process, {}, ctx);
    expect(thrown(r.history)).toMatchObject([{ elementId: 'throwX', escalationCode: 'X', caughtBy: null }]);
    expect(r.effects.some((e) => e.type === 'escalationToParent')).toBe(false);
    const stored = roundTrip(r.state);
    const done = dispatch(process, stored, { type: 'completeUserTask', taskId: openTasks(stored)[0].id }, ctx);
    expect(thrown(done.history)).toMatchObject([{ elementId: 'n_end', caughtBy: null }]);
    expect(done.state.status).toBe('completed');
    expect(done.state.incidents).toEqual({});
  });

  it('given a child that escalates, when nothing in it catches, then the call activity boundary in the parent catches it and the child goes on', async () => {
    const t = await testHost([fixture(import.meta.url, 'escalation-event.bpmn')]);
    const parent = await t.host.startInstance('escParent', { variables: { stop: false } });
    const [child] = await t.childrenOf(parent.instanceId);
    expect(thrown(await t.history(child.instanceId))).toMatchObject([{ elementId: 'c_note', caughtBy: null }]);
    expect(thrown(await t.history(parent.instanceId))).toMatchObject([{ elementId: 'call', escalationCode: 'NOTE', caughtBy: 'childNote' }]);
    expect(parent.path).toEqual(expect.arrayContaining(['noted', 'notedEnd']));
    expect(activeElementIds(parent)).toEqual(['call']);
    await t.host.completeJob({ jobKey: Object.keys(child.jobs)[0] }, {});
    expect((await t.state(parent.instanceId)).status).toBe('completed');
  });

  it('given a child that ends with an escalation an interrupting boundary catches, when it ends, then the call activity is left through that boundary', async () => {
    const t = await testHost([fixture(import.meta.url, 'escalation-event.bpmn')]);
    const parent = await t.host.startInstance('escParent', { variables: { stop: true } });
    const [child] = await t.childrenOf(parent.instanceId);
    expect(child.status).toBe('completed');
    expect(thrown(await t.history(parent.instanceId)).map((h) => 'caughtBy' in h && h.caughtBy)).toEqual(['childNote', 'childStop']);
    expect(activeElementIds(parent)).toEqual(['stoppedInParent']);
    expect(parent.incidents).toEqual({});
  });

  it('given an interrupting catcher on the call activity, when the running child escalates, then the call activity is left there and the child is canceled', async () => {
    const t = await testHost([fixture(import.meta.url, 'escalation-event.bpmn')]);
    const parent = await t.host.startInstance('escParentStrict', { variables: { stop: false } });
    const [child] = await t.childrenOf(parent.instanceId);
    expect(child.status).toBe('canceled');
    expect(child.jobs).toEqual({});
    expect(activeElementIds(parent)).toEqual(['handled']);
    expect(thrown(await t.history(parent.instanceId))).toMatchObject([{ elementId: 'strictCall', caughtBy: 'noteStops' }]);
  });

  it('given catchers that cannot be told apart, a catcher code as an expression, an escalation catch event and a throw without code, then each is a compile error naming the element', async () => {
    const { definitions } = await parseBpmn(fixture(import.meta.url, 'escalation-invalid.bpmn'));
    const { errors } = compileDeployment(definitions, { expressions: testFeel });
    expect(errors.map((e) => `${e.elementId}: ${e.message}`).sort()).toEqual([
      'codeless: an escalation throw event needs an escalation with an escalationCode',
      'onHuman: an escalation boundary event must be attached to a subprocess or a call activity, not to userTask human: nothing inside it can throw an escalation',
      'dynamic: the escalationCode of a catching escalation event must be a static value, not an expression (=code)',
      "two: two and one both catch escalation 'LATE' on task: one catcher per code",
      'wait: an escalation event definition is not allowed on intermediateCatchEvent',
    ].sort());
  });
});

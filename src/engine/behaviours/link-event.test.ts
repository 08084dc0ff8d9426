import { describe, expect, it } from 'vitest';
import { dispatch, start } from '../index';
import type { ExecutableProcess } from '../index';
import { compileDeployment } from '../compile-deployment';
import { parseBpmn } from '../model/parse';
import { activeElementIds, openTasks } from '../runtime/queries';
import { testFeel } from '../test-support/feel';
import { compileXml, fixture, roundTrip, testContext } from '../test-support/harness';

const load = async () => (await compileXml(fixture(import.meta.url, 'link-event.bpmn'))).get('pages') as ExecutableProcess;

describe('link events', () => {
  it('given a link throw event, when reached, then the token goes on at the catch event of the same name in the same scope', async () => {
    const p = await load();
    const ctx = testContext();
    const s0 = roundTrip(start(p, { instanceId: 'pi' }, ctx).state);
    const r = dispatch(p, s0, { type: 'completeUserTask', taskId: openTasks(s0)[0].id }, ctx);
    expect(activeElementIds(r.state)).toEqual(['review']);
    expect(r.state.path).toEqual(['start', 'draft', 'toReview', 'fromDraft']);
    // No sequence flow carries the token across: the throw completes, the catch is entered.
    expect(r.history.filter((h) => h.type === 'flowTaken').map((h) => 'flowId' in h && h.flowId)).toEqual(['f2', 'f3']);
    const done = dispatch(p, roundTrip(r.state), { type: 'completeUserTask', taskId: openTasks(r.state)[0].id }, ctx).state;
    expect(done.status).toBe('completed');
  });

  it('given the same link name in a subprocess, when thrown there, then it stays in the subprocess', async () => {
    const p = await load();
    const s = start(p, { instanceId: 'pi', startEventId: 'start2' }, testContext()).state;
    expect(activeElementIds(s)).toEqual(['i_task', 'inner']);
    expect(s.path).toEqual(['start2', 'i_start', 'i_throw', 'i_catch']);
  });

  it('given a throw without a catch, two catches of one name, or a link on an end event, then each is a compile error naming the element', async () => {
    const { definitions } = await parseBpmn(fixture(import.meta.url, 'link-event-invalid.bpmn'));
    const { errors } = compileDeployment(definitions, { expressions: testFeel });
    const byElement = errors.map((e) => `${e.elementId}: ${e.message}`);
    expect(byElement).toEqual(expect.arrayContaining([
      "lost: no link catch event named 'nowhere' in the process for lost to go to",
      "twiceB: twiceA and twiceB both catch link 'twice' in the process: one catch event per link name and scope",
      "outward: no link catch event named 'twice' in sub for outward to go to",
      'badEnd: a link event definition is only allowed on intermediate throw and catch events, not on endEvent',
    ]));
  });
});

import { describe, expect, it } from 'vitest';
import { dispatch, start } from '../index';
import type { ExecutableProcess } from '../index';
import { compileDeployment } from '../compile-deployment';
import { parseBpmn } from '../model/parse';
import { activeElementIds, openTasks } from '../runtime/queries';
import { testFeel } from '../test-support/feel';
import { compileXml, fixture, roundTrip, testContext } from '../test-support/harness';

const load = async (id: string) => (await compileXml(fixture(import.meta.url, 'quantity.bpmn'))).get(id) as ExecutableProcess;

describe('startQuantity and completionQuantity', () => {
  it('given startQuantity 2, when one token has arrived, then the activity waits; when the second arrives (after a resume), it starts once', async () => {
    const p = await load('startTwo');
    const ctx = testContext();
    const s0 = roundTrip(start(p, { instanceId: 'pi' }, ctx).state);
    expect(activeElementIds(s0)).toEqual(['prepare']);
    expect(Object.values(s0.joins)).toEqual([{ gatewayId: 'merge', scopeId: null, arrived: [1, 0] }]);
    const s1 = dispatch(p, s0, { type: 'completeUserTask', taskId: openTasks(s0)[0].id }, ctx).state;
    expect(s1.status).toBe('completed');
    expect(s1.path.filter((id) => id === 'merge')).toHaveLength(1);
    expect(s1.joins).toEqual({});
  });

  it('given startQuantity 2 and three tokens, then it starts once and the third token waits for a partner that never comes', async () => {
    const p = await load('leftover');
    const s = start(p, { instanceId: 'pi' }, testContext()).state;
    expect(s.path.filter((id) => id === 'pair')).toHaveLength(1);
    expect(Object.values(s.joins).map((j) => j.arrived.reduce((a, b) => a + b, 0))).toEqual([1]);
    // BPMN: the activity needs that many tokens to start; one alone keeps the process from completing.
    expect(s.status).toBe('active');
  });

  it('given completionQuantity 3, when the activity completes, then three tokens go down its outgoing flow', async () => {
    const p = await load('emitThree');
    const ctx = testContext();
    let s = roundTrip(start(p, { instanceId: 'pi' }, ctx).state);
    expect(openTasks(s).map((t) => t.elementId)).toEqual(['handle', 'handle', 'handle']);
    for (const task of openTasks(s)) s = dispatch(p, roundTrip(s), { type: 'completeUserTask', taskId: task.id }, ctx).state;
    expect(s.status).toBe('completed');
    expect(s.path.filter((id) => id === 'c_end')).toHaveLength(3);
  });

  it('given a startQuantity that is not a whole number of at least 1, then it is a compile error naming the element', async () => {
    const xml = fixture(import.meta.url, 'quantity.bpmn').replace('startQuantity="2" />\n    <bpmn:sequenceFlow id="a5"', 'startQuantity="0" />\n    <bpmn:sequenceFlow id="a5"');
    const { errors } = compileDeployment((await parseBpmn(xml)).definitions, { expressions: testFeel });
    expect(errors).toEqual([{ processId: 'startTwo', elementId: 'merge', message: 'startQuantity must be a whole number of at least 1, not 0' }]);
  });
});

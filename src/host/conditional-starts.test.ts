import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testHost } from '../engine/test-support/host';

const xml = readFileSync(new URL('fixtures/conditional-start.bpmn', import.meta.url), 'utf8');

describe('host.evaluateConditions (conditional start events)', () => {
  it('given processes with conditional start events, when conditions are evaluated, then one instance starts per start event that holds, with the variables', async () => {
    const t = await testHost([xml]);
    const r = await t.host.evaluateConditions({ temperature: 42 });
    expect(r.instances.map((i) => [i.processId, i.path[0]])).toEqual([['cooling', 'tooHot']]);
    expect(r.instances[0].variables).toEqual({ temperature: 42 });
    expect(r.skipped).toEqual([]);
    // Stored and running: the user task waits.
    expect((await t.state(r.instances[0].instanceId)).tasks).not.toEqual({});
  });

  it('given two start events of one process that both hold, then two instances start; a condition that is not a boolean is skipped and said why', async () => {
    const t = await testHost([xml]);
    const r = await t.host.evaluateConditions({ temperature: 1, frost: true });
    expect(r.instances.map((i) => `${i.processId}/${i.path[0]}`)).toEqual(['heating/tooCold', 'heating/frosty']);
    const s = await t.host.evaluateConditions({ frost: true, windy: true });
    expect(s.instances.map((i) => `${i.processId}/${i.path[0]}`)).toEqual(['heating/frosty', 'together/bothSet']);
    expect(s.skipped).toEqual([{ processId: 'cooling', elementId: 'tooHot', reason: expect.stringMatching(/^condition of tooHot 'temperature > 40' evaluated to null, expected a boolean/) }]);
  });

  it('given a parallel multiple conditional start, then it starts only when all its conditions hold; processId limits the evaluation', async () => {
    const t = await testHost([xml]);
    expect((await t.host.evaluateConditions({ frost: true, windy: false }, { processId: 'together' })).instances).toEqual([]);
    const r = await t.host.evaluateConditions({ frost: true, windy: true }, { processId: 'together' });
    expect(r.instances.map((i) => [i.processId, i.status])).toEqual([['together', 'completed']]);
  });

  it('given a new version of a process, then its conditions replace the old version\'s', async () => {
    const t = await testHost([xml]);
    await t.host.deploy(xml.replace('=temperature > 40', '=temperature > 50'));
    expect((await t.host.evaluateConditions({ temperature: 45 }, { processId: 'cooling' })).instances).toEqual([]);
    const r = await t.host.evaluateConditions({ temperature: 55 }, { processId: 'cooling' });
    expect(r.instances.map((i) => i.processVersion)).toEqual([2]);
  });
});

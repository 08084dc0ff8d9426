import { describe, expect, it } from 'vitest';
import { start } from '../index';
import type { ExecutableProcess } from '../index';
import { compileXml, fixture, roundTrip, testContext } from '../test-support/harness';
import { testHost } from '../test-support/host';

const xml = () => fixture(import.meta.url, 'limits.bpmn');

describe('limits on the work of one instance', () => {
  it('given a process that calls itself, when started, then the chain stops at the call depth limit with an incident naming the call activity', async () => {
    const t = await testHost([xml()], { limits: { maxCallDepth: 10 } });
    await t.host.startInstance('ouroboros');
    const all = await t.all();
    expect(all).toHaveLength(11);
    const deepest = all.find((s) => s.callDepth === 10);
    expect(Object.values(deepest?.incidents ?? {})).toMatchObject([{ type: 'calledElement', elementId: 'again' }]);
    expect(Object.values(deepest?.incidents ?? {})[0].message).toContain('11 levels deep (the limit is 10)');
  });

  it('given two processes calling each other, when started, then the same limit stops them, by default at 100 levels', async () => {
    const t = await testHost([xml()]);
    await t.host.startInstance('ping');
    const all = await t.all();
    expect(all).toHaveLength(101);
    expect(all.filter((s) => Object.keys(s.incidents).length > 0).map((s) => s.callDepth)).toEqual([100]);
  });

  it('given a parallel multi-instance larger than the element limit, when entered, then it fails before starting any iteration, the state whole', async () => {
    const process = (await compileXml(xml())).get('fanOut') as ExecutableProcess;
    const { state } = start(process, { variables: { n: 1001 } }, testContext({ limits: { maxElementInstances: 1000 } }));
    expect(Object.values(state.incidents)).toMatchObject([{ type: 'budget', elementId: 'each' }]);
    expect(Object.values(state.incidents)[0].message).toContain('1001 parallel instances, beyond the limit of 1000');
    expect(Object.keys(state.elements)).toHaveLength(1);
    expect(roundTrip(state).liveElements).toBe(1);
    const fits = start(process, { variables: { n: 999 } }, testContext({ limits: { maxElementInstances: 1000 } })).state;
    expect(fits.liveElements).toBe(1000);
    expect(Object.keys(fits.tasks)).toHaveLength(999);
  });
});

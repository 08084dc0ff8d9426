import { describe, expect, it } from 'vitest';
import type { ExecutableProcess } from '../model/types';
import { dispatch, start } from '../index';
import { activeElementIds, openJobs } from '../runtime/queries';
import { compileXml, fixture, roundTrip, testContext } from '../test-support/harness';

async function load(id: string): Promise<ExecutableProcess> {
  return (await compileXml(fixture(import.meta.url, 'subprocess.bpmn'))).get(id) as ExecutableProcess;
}

describe('embedded subprocess', () => {
  it('given input mappings, when entered, then the local variable lives in the subprocess scope only', async () => {
    const process = await load('sub');
    const { state } = start(process, { variables: { order: { total: 21 } } }, testContext());
    const sub = Object.values(state.elements).find((e) => e.elementId === 'inner');
    expect(sub?.variables).toEqual({ total: 21 });
    expect(state.variables).toEqual({ order: { total: 21 } });
    expect(activeElementIds(state)).toEqual(['inner', 'work']);
  });

  it('given a job completing with a variable the subprocess defines, when it ends, then the output mapping writes a nested target in the process scope', async () => {
    const process = await load('sub');
    const ctx = testContext();
    const s0 = roundTrip(start(process, { variables: { order: { total: 21 } }, businessKey: 'o-1' }, ctx).state);
    const r = dispatch(process, s0, { type: 'completeJob', jobKey: openJobs(s0)[0].key, variables: { total: 50, failed: false } }, ctx);
    expect(r.state.status).toBe('completed');
    expect(r.state.variables).toEqual({ order: { total: 21 }, failed: false, result: { doubled: 100 } });
    expect(r.state.path).toEqual(['start', 'i_start', 'work', 'ok', 'i_end', 'inner', 'end']);
  });

  it('given an error end event inside, when reached, then the boundary on the subprocess catches it and the subprocess is terminated', async () => {
    const process = await load('sub');
    const ctx = testContext();
    const s0 = start(process, { variables: { order: { total: 1 } } }, ctx).state;
    const r = dispatch(process, s0, { type: 'completeJob', jobKey: openJobs(s0)[0].key, variables: { failed: true } }, ctx);
    expect(activeElementIds(r.state)).toEqual(['fix']);
    expect(r.history.filter((h) => h.type === 'elementTerminated').map((h) => 'elementId' in h && h.elementId)).toEqual(['failEnd', 'inner']);
    expect(r.history.find((h) => h.type === 'errorThrown')).toMatchObject({ elementId: 'failEnd', errorCode: 'FAIL', caughtBy: 'caught' });
  });

  it('given a terminate end event inside, when reached, then only the subprocess ends and the parent flow continues', async () => {
    const process = await load('subTerminate');
    const { state, effects } = start(process, {}, testContext());
    expect(activeElementIds(state)).toEqual(['after']);
    expect(effects.map((e) => e.type)).toEqual(['userTaskCreated', 'userTaskCanceled', 'userTaskCreated']);
    expect(state.path).toEqual(['t_start', 's_start', 's_fork', 's_kill', 'scope']);
  });
});

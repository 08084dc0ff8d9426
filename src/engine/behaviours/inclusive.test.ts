import { describe, expect, it } from 'vitest';
import type { ExecutableProcess } from '../model/types';
import type { EngineContext } from '../ports';
import { dispatch, start } from '../index';
import { activeElementIds, openTasks } from '../runtime/queries';
import type { InstanceState } from '../runtime/state';
import { compileXml, fixture, roundTrip, testContext } from '../test-support/harness';

async function load(id: string): Promise<ExecutableProcess> {
  return (await compileXml(fixture(import.meta.url, 'inclusive.bpmn'))).get(id) as ExecutableProcess;
}

function completeTask(process: ExecutableProcess, state: InstanceState, elementId: string, ctx: EngineContext, variables?: Record<string, unknown>) {
  const task = openTasks(state).find((t) => t.elementId === elementId);
  if (!task) throw new Error(`no task at ${elementId}`);
  return dispatch(process, roundTrip(state), { type: 'completeUserTask', taskId: task.id, variables }, ctx).state;
}

describe('inclusive gateway', () => {
  it('given conditions a and b true, when split, then a and b run and c (the default) does not', async () => {
    const process = await load('basic');
    const { state } = start(process, { variables: { wantA: true, wantB: true } }, testContext());
    expect(activeElementIds(state)).toEqual(['b']);
    expect(state.path).toEqual(['start', 'split', 'a']);
    expect(Object.values(state.joins)).toMatchObject([{ gatewayId: 'join', arrived: [1, 0, 0] }]);
  });

  it('given a arrived first, when b is still open, then the join waits; when b completes it fires once', async () => {
    const process = await load('basic');
    const ctx = testContext();
    const waiting = start(process, { variables: { wantA: true, wantB: true } }, ctx).state;
    expect(activeElementIds(waiting)).not.toContain('after');
    const after = completeTask(process, waiting, 'b', ctx);
    expect(activeElementIds(after)).toEqual(['after']);
    expect(after.path.filter((id) => id === 'join')).toHaveLength(1);
    expect(after.joins).toEqual({});
  });

  it('given no condition true, when split, then only the default flow runs and the join fires on its single token', async () => {
    const process = await load('basic');
    const ctx = testContext();
    const waiting = start(process, { variables: { wantA: false, wantB: false } }, ctx).state;
    expect(activeElementIds(waiting)).toEqual(['c']);
    expect(activeElementIds(completeTask(process, waiting, 'c', ctx))).toEqual(['after']);
  });

  it('given a nested parallel fork on one branch, when one inner task completes, then the join still waits for the other', async () => {
    const process = await load('nested');
    const ctx = testContext();
    const s0 = start(process, {}, ctx).state;
    expect(activeElementIds(s0)).toEqual(['n_b1', 'n_b2']);
    const s1 = completeTask(process, s0, 'n_b1', ctx);
    expect(s1.status).toBe('active');
    expect(s1.path).not.toContain('n_join');
    const s2 = completeTask(process, s1, 'n_b2', ctx);
    expect(s2.status).toBe('completed');
    expect(s2.path.filter((id) => id === 'n_join')).toHaveLength(1);
  });

  it('given a branch looping before the join and a branch leaving elsewhere, then the join waits through the loop but not for the other branch', async () => {
    const process = await load('loop');
    const ctx = testContext();
    const s0 = start(process, {}, ctx).state;
    expect(activeElementIds(s0)).toEqual(['l_b', 'l_e']);
    const looped = completeTask(process, s0, 'l_b', ctx, { again: true });
    expect(activeElementIds(looped)).toEqual(['l_b', 'l_e']);
    expect(looped.path).not.toContain('l_join');
    const out = completeTask(process, looped, 'l_b', ctx, { again: false });
    // l_e can never reach the join, so the join fires without it.
    expect(activeElementIds(out)).toEqual(['l_after', 'l_e']);
  });

  it('given a branch whose token is inside a subprocess, then the join waits until the subprocess completes', async () => {
    const process = await load('scoped');
    const ctx = testContext();
    const s0 = start(process, {}, ctx).state;
    expect(activeElementIds(s0)).toEqual(['sc_inner', 'sc_sub']);
    expect(s0.path).not.toContain('sc_join');
    const s1 = completeTask(process, s0, 'sc_inner', ctx);
    expect(s1.status).toBe('completed');
    expect(s1.path.slice(-3)).toEqual(['sc_sub', 'sc_join', 'sc_end']);
  });
});

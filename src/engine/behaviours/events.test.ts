import { describe, expect, it } from 'vitest';
import { dispatch, start } from '../index';
import { activeElementIds, openJobs } from '../runtime/queries';
import { loadProcess, roundTrip, testContext } from '../test-support/harness';

describe('start, end and terminate events', () => {
  it('given two branches, when started, then the none throw event passes and both wait', async () => {
    const process = await loadProcess(import.meta.url, 'events.bpmn', 'terminate');
    const { state, effects } = start(process, {}, testContext());
    expect(activeElementIds(state)).toEqual(['review', 'work']);
    expect(state.path).toEqual(['start', 'fork', 'signal']);
    expect(effects.map((e) => e.type).sort()).toEqual(['jobCreated', 'userTaskCreated']);
  });

  it('given a waiting user task, when the other branch reaches the terminate end event, then the task is terminated and the instance completes', async () => {
    const process = await loadProcess(import.meta.url, 'events.bpmn', 'terminate');
    const ctx = testContext();
    const first = roundTrip(start(process, {}, ctx).state);
    const [job] = openJobs(first);
    const { state, effects, history } = dispatch(process, first, { type: 'completeJob', jobKey: job.key }, ctx);
    expect(state.status).toBe('completed');
    expect(state.tasks).toEqual({});
    expect(effects.map((e) => e.type)).toEqual(['userTaskCanceled', 'instanceCompleted']);
    expect(history.filter((h) => h.type === 'elementTerminated').map((h) => 'elementId' in h && h.elementId)).toEqual(['review']);
    expect(state.path).toEqual(['start', 'fork', 'signal', 'work', 'kill']);
  });

  it('given a terminated instance, when a command arrives, then it is rejected and the state unchanged', async () => {
    const process = await loadProcess(import.meta.url, 'events.bpmn', 'terminate');
    const ctx = testContext();
    const first = start(process, {}, ctx).state;
    const done = dispatch(process, first, { type: 'completeJob', jobKey: openJobs(first)[0].key }, ctx).state;
    const taskId = Object.keys(first.tasks)[0];
    expect(() => dispatch(process, done, { type: 'completeUserTask', taskId }, ctx)).toThrow(/completed/);
    expect(Object.keys(first.tasks)).toEqual([taskId]);
  });

  it('given message throw and end events with a task definition, when reached, then each waits for its job worker', async () => {
    const process = await loadProcess(import.meta.url, 'events.bpmn', 'messages');
    const ctx = testContext();
    const s0 = roundTrip(start(process, {}, ctx).state);
    expect(openJobs(s0).map((j) => [j.elementId, j.type])).toEqual([['notify', 'send-mail']]);
    const s1 = dispatch(process, s0, { type: 'completeJob', jobKey: openJobs(s0)[0].key }, ctx).state;
    expect(openJobs(s1).map((j) => [j.elementId, j.type])).toEqual([['notified', 'send-receipt']]);
    const s2 = dispatch(process, s1, { type: 'completeJob', jobKey: openJobs(s1)[0].key }, ctx).state;
    expect(s2.status).toBe('completed');
  });
});

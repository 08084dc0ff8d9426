import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { loadModel, scenario } from '../test-support/load';

const HOUR = 3600;

describe('a task holding several roles', () => {
  it('given a clerk on 9-17 and an expert on 12-20, when a 6 h review needing both is enabled on Monday at 10:00, then it works only while both are on shift, and its waits, pauses and costs are the hand-computed ones', async () => {
    const model = await loadModel('two-roles.bpmn');
    const { result, idleTime, log } = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'joint'), ctx: {}, log: true });
    // Waits for the expert until 12:00 (2 h), works 12-17 (5 h), pauses until Tuesday 12:00 (19 h:
    // the clerk is on shift from 09:00, the expert from 12:00), works 12-13 (1 h): cycle 27 h.
    expect(log.map((e) => [new Date(e.startTime).toISOString(), new Date(e.endTime).toISOString(), e.resource])).toEqual([
      ['2024-01-01T12:00:00.000Z', '2024-01-02T13:00:00.000Z', 'Clerk-1;Expert-1'],
    ]);
    expect(result.process.cycleTime.mean).toBe(27 * HOUR);
    expect(result.process.waitingTime.mean).toBe(2 * HOUR);
    expect(result.process.processingTime.mean).toBe(6 * HOUR);
    expect(idleTime.mean).toBe(19 * HOUR);
    // 5 fixed + 6 h x 30 (clerk) + 6 h x 50 (expert) = 485 EUR: each role is paid for the work, not the pause.
    expect(result.process.cost.mean).toBe(485);
    expect(result.resources.Clerk.cost.mean).toBe(180);
    expect(result.resources.Expert.cost.mean).toBe(300);
  });

  it('given 12 h of work that the 30 h deadline cuts on Tuesday at 16:00, when the task is canceled, then each role is paid for the 9 h worked on the joint shifts, not for the pause', async () => {
    const model = await loadModel('two-roles.bpmn');
    const { result } = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'cut'), ctx: {} });
    // Worked Monday 12-17 and Tuesday 12-16: 9 h; held from Monday 12:00 to Tuesday 16:00 (28 h).
    expect(result.resources.Clerk.cost.mean).toBe(9 * 30);
    expect(result.resources.Expert.cost.mean).toBe(9 * 50);
    expect(result.instances).toEqual({ started: 1, completed: 1 });
  });

  it('given a clerk on 9-17 and an expert on 18-22, when a review needs both, then the run stops with an error naming the task and the calendars (not an endless wait)', async () => {
    const model = await loadModel('two-roles.bpmn');
    expect(() => simulate({ process: model.process(), scenario: scenario(model.scenarios, 'apart'), ctx: {} })).toThrow(/task Review: calendars day, evening are not open at the same time in the year after 2024-01-01T10:00:00.000Z/);
  });

  it('given the same model, scenario and seed, when run twice, then the results and the log are the same', async () => {
    const model = await loadModel('two-roles.bpmn');
    const run = () => simulate({ process: model.process(), scenario: scenario(model.scenarios, 'joint'), ctx: {}, log: true });
    expect(run()).toEqual(run());
  });
});

import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { loadModel, scenario } from '../test-support/load';

const HOUR = 3600;

describe('a calendar every other week, until a date', () => {
  it('given a clerk on shift every other Monday 9-17 until 29 January, when a 10 h review is enabled on Tuesday 2 January 10:00, then it waits for the 15th, pauses two weeks, and ends on the 29th at 11:00', async () => {
    const model = await loadModel('fortnight.bpmn');
    const run = () => simulate({ process: model.process(), scenario: scenario(model.scenarios, 'fortnight'), ctx: {}, log: true });
    const { result, idleTime, log } = run();
    // Waits Tue 2 Jan 10:00 -> Mon 15 Jan 09:00 (311 h; Mon 8 Jan is the week off), works 09-17
    // (8 h), pauses to Mon 29 Jan 09:00 (328 h: the last shift, starting at UNTIL), works 2 h.
    expect(log.map((e) => [new Date(e.startTime).toISOString(), new Date(e.endTime).toISOString()])).toEqual([
      ['2024-01-15T09:00:00.000Z', '2024-01-29T11:00:00.000Z'],
    ]);
    expect(result.elements.Review.waitingTime.mean).toBe(311 * HOUR);
    expect(result.process.processingTime.mean).toBe(10 * HOUR);
    expect(idleTime.mean).toBe(328 * HOUR);
    expect(result.process.cycleTime.mean).toBe(649 * HOUR);
    // 5 fixed + 10 h x 10 (activity) + 10 h x 30 (clerk) = 405 EUR.
    expect(result.process.cost.mean).toBe(405);
    expect(run()).toEqual(run());
  });

  it('given the calendar has ended (its last shift was on 29 January), when a second case arrives on 1 February, then it waits for ever: in progress at the end, not an error', async () => {
    const model = await loadModel('fortnight.bpmn');
    const { result, inProgress, log } = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'ended'), ctx: {}, log: true });
    expect(log).toHaveLength(1);
    expect(result.instances).toEqual({ started: 2, completed: 1 });
    expect(inProgress).toBe(1);
  });
});

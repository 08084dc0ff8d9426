import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { loadModel, scenario } from '../test-support/load';

const HOUR = 3600;

describe('calendars and costs', () => {
  it('given a clerk on weekday shifts with a holiday, when two cases arrive late on Monday and on Saturday, then their waits, pauses and costs are the hand-computed ones', async () => {
    const model = await loadModel('calendar-cost.bpmn');
    const { result, idleTime, log } = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'office'), ctx: {}, log: true });
    // Case 1: Monday 16:00, works 16-17, pauses overnight (16 h idle), works Tuesday 9-10: cycle 18 h.
    // Case 2: Saturday 16:00, waits past the weekend and the Monday holiday to Tuesday 9 January
    // 09:00 (65 h), works 9-11: cycle 67 h.
    expect(log.map((e) => [new Date(e.startTime).toISOString(), new Date(e.endTime).toISOString()])).toEqual([
      ['2024-01-01T16:00:00.000Z', '2024-01-02T10:00:00.000Z'],
      ['2024-01-09T09:00:00.000Z', '2024-01-09T11:00:00.000Z'],
    ]);
    expect(result.process.cycleTime.min).toBe(18 * HOUR);
    expect(result.process.cycleTime.max).toBe(67 * HOUR);
    expect(result.elements.Review.waitingTime.max).toBe(65 * HOUR);
    expect(result.process.processingTime.mean).toBe(2 * HOUR);
    expect(idleTime.max).toBe(16 * HOUR);
    expect(idleTime.min).toBe(0);
    // Per case: 5 fixed + 2 h x 10 (activity) + 2 h x 30 (clerk) = 85 EUR.
    expect(result.process.cost.mean).toBe(85);
    expect(result.elements.Review.cost.mean).toBe(85);
    expect(result.resources.Clerk.cost.mean).toBe(120);
    // 4 h busy in 35 h on shift (Mon 1 + Tue-Fri 32 + Tue 9 Jan 2; the holiday and the weekend are off).
    expect(result.resources.Clerk.utilization.mean).toBeCloseTo(4 / 35, 12);
  });

  it('given the results, when they are stored as JSON and read back, then nothing is lost (plain data)', async () => {
    const model = await loadModel('calendar-cost.bpmn');
    const { result } = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'office'), ctx: {} });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

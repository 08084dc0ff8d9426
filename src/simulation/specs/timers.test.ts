import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { loadModel, scenario } from '../test-support/load';

describe('the model timers on the virtual clock', () => {
  it('given a 30 min catch timer and a 2 h boundary timer on a 3 h review, when simulated, then every case waits 30 min and is escalated after 2 h, releasing its reviewer', async () => {
    const model = await loadModel('timers.bpmn');
    const { result } = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'timers'), ctx: {} });
    expect(result.instances).toEqual({ started: 4, completed: 4 });
    expect(result.elements.Pause.duration.mean).toBe(1800);
    expect(result.elements.Escalated.count).toBe(4);
    expect(result.elements.Done).toBeUndefined();
    // Start 0, 1, 2, 3 h; each ends 2.5 h later: cycle 9000 s.
    expect(result.process.cycleTime.min).toBe(9000);
    expect(result.process.cycleTime.max).toBe(9000);
    // The reviewers are busy 2 h per case (until the interruption): 8 h of 4 x 5.5 h.
    expect(result.resources.Reviewer.utilization.mean).toBeCloseTo(8 / 22, 12);
  });
});

import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { loadModel, scenario } from '../test-support/load';

const MIN = 60;

describe('message and signal arrivals', () => {
  it('given a message start event, a message catch event, a receive task and a signal catch with arrival delays, when simulated, then each case waits exactly those delays', async () => {
    const model = await loadModel('messages.bpmn');
    const { result } = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'arrivals'), ctx: {} });
    expect(result.instances).toEqual({ started: 4, completed: 4 });
    expect(result.elements.Payment.duration.mean).toBe(120 * MIN);
    expect(result.elements.Confirm.duration.mean).toBe(30 * MIN);
    expect(result.elements.Go.duration.mean).toBe(15 * MIN);
    expect(result.elements.Shipped.count).toBe(4);
    expect(result.process.cycleTime.min).toBe(165 * MIN);
    expect(result.process.cycleTime.max).toBe(165 * MIN);
  });

  it('given no arrival for the messages, when simulated, then every case is still waiting for its payment at the end', async () => {
    const model = await loadModel('messages.bpmn');
    const r = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'silent'), ctx: {} });
    expect(r.result.instances).toEqual({ started: 4, completed: 0 });
    expect(r.inProgress).toBe(4);
  });

  it('given a confirmation later than the model boundary timer, when simulated, then the timer wins and the late message finds nobody', async () => {
    const model = await loadModel('messages.bpmn');
    const { result } = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'late'), ctx: {} });
    expect(result.instances).toEqual({ started: 2, completed: 2 });
    expect(result.elements.Unconfirmed.count).toBe(2);
    expect(result.elements.Shipped).toBeUndefined();
    expect(result.process.cycleTime.mean).toBe(100 * MIN);
  });
});

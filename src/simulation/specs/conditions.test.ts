import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { loadModel, scenario } from '../test-support/load';

const MIN = 60;

describe('conditional events', () => {
  it('given a script that raises a variable after 30 min, when simulated, then the conditional catch, boundary and event subprocess start trigger at that moment', async () => {
    const model = await loadModel('conditions.bpmn');
    const report = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'risk'), ctx: {} });
    const { result } = report;
    expect(report.incidents).toEqual({});
    expect(result.instances).toEqual({ started: 2, completed: 2 });
    expect(result.elements.WaitRisk.count).toBe(2);
    expect(result.elements.WaitRisk.duration.mean).toBe(30 * MIN);
    expect(result.elements.RiskFlag.count).toBe(2);
    expect(result.elements.Escalated.count).toBe(2);
    expect(result.elements.Reviewed).toBeUndefined();
    expect(result.elements.Noted.count).toBe(2);
    expect(result.process.cycleTime.min).toBe(30 * MIN);
    expect(result.process.cycleTime.max).toBe(30 * MIN);
  });

  it('given arrivals at a conditional start event, when simulated, then a case starts only when the condition holds for the drawn variables', async () => {
    const model = await loadModel('conditions.bpmn');
    const calm = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'calm'), ctx: {} });
    expect(calm.result.instances).toEqual({ started: 0, completed: 0 });
    const alarm = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'alarm'), ctx: {} });
    expect(alarm.result.instances).toEqual({ started: 3, completed: 3 });
    expect(alarm.result.elements.Rushed.count).toBe(3);
  });
});

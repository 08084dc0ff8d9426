import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../bpsim/errors';
import { pickRun } from '../pick';
import { simulate } from '../simulate';
import { loadModel, scenario } from '../test-support/load';

const MIN = 60;

describe('timer start events on their own schedule', () => {
  it('given a timer start with R5/PT1H and no InterTriggerTimer, when simulated, then five cases start an hour apart, each with the start event case variables', async () => {
    const model = await loadModel('timer-starts.bpmn');
    const report = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'cycle'), ctx: {}, log: true });
    expect(report.result.instances).toEqual({ started: 5, completed: 5 });
    expect(report.result.process.cycleTime.mean).toBe(20 * MIN);
    const starts = report.log.map((e) => (e.startTime - Date.UTC(2024, 0, 1)) / 60_000);
    expect(starts).toEqual([60, 120, 180, 240, 300]);
    expect(report.result.elements.Urgent.count).toBe(5);
  });

  it('given a scenario without arrivals, when the run is picked, then the process with the timer start event is chosen; without one, the error says why nothing would arrive', async () => {
    const model = await loadModel('timer-starts.bpmn');
    const process = model.process();
    expect(pickRun(model.scenarios, [process], 'cycle').process).toBe(process);
    const other = await loadModel('streams.bpmn');
    expect(() => pickRun([scenario(model.scenarios, 'cycle')], [other.process()])).toThrow(/no start event has an InterTriggerTimer and no process has a timer start event/);
  });

  it('given an InterTriggerTimer on the timer start, when simulated, then the scenario arrivals replace the model cycle', async () => {
    const model = await loadModel('timer-starts.bpmn');
    const { result } = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'given'), ctx: {} });
    expect(result.instances).toEqual({ started: 2, completed: 2 });
    expect(result.elements.Checked.count).toBe(2);
  });

  it('given R/PT1H and a timeDate start, when the scenario has no Duration, then the run is refused naming the start event; with PT3H30M from 08:00, three hourly cases and one at 09:30 start', async () => {
    const model = await loadModel('timer-forever.bpmn');
    expect(() => simulate({ process: model.process(), scenario: scenario(model.scenarios, 'endless'), ctx: {} })).toThrow(ScenarioError);
    expect(() => simulate({ process: model.process(), scenario: scenario(model.scenarios, 'endless'), ctx: {} })).toThrow(/start event EveryHour: its timer repeats without end/);
    const { result } = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'bounded'), ctx: {} });
    expect(result.elements.Ticked.count).toBe(3);
    expect(result.elements.OnceDone.count).toBe(1);
    expect(result.instances).toEqual({ started: 4, completed: 4 });
  });

  it('given an endless cycle and --instances 2, when simulated without a Duration, then two cases start', async () => {
    const model = await loadModel('timer-forever.bpmn');
    const { result } = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'endless'), ctx: {}, instances: 2 });
    expect(result.elements.Ticked.count).toBe(2);
  });
});

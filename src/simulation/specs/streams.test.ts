import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../engine';
import { readScenarios } from '../bpsim/read';
import { saveScenario } from '../bpsim/save';
import { simulate } from '../simulate';
import { loadModel, scenario } from '../test-support/load';

const MIN = 60;

describe('global message and signal streams (InterTriggerTimer on a bpmn:Message or bpmn:Signal)', () => {
  it('given a stream of three pick messages every 15 min and four cases waiting with their own keys, when simulated, then each message goes to the case that waited longest', async () => {
    const model = await loadModel('streams.bpmn');
    const report = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'fifo'), ctx: {} });
    expect(report.result.instances).toEqual({ started: 4, completed: 3 });
    expect(report.inProgress).toBe(1);
    const pick = report.result.elements.WaitPick;
    expect(pick.count).toBe(3);
    expect([pick.duration.min, pick.duration.mean, pick.duration.max]).toEqual([15 * MIN, 20 * MIN, 25 * MIN]);
  });

  it('given a tick signal every 25 min without a TriggerCount, when simulated, then every waiting case takes each tick and the stream stops when nobody is left to wait', async () => {
    const model = await loadModel('streams.bpmn');
    const report = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'broadcast'), ctx: {} });
    expect(report.result.instances).toEqual({ started: 4, completed: 4 });
    const tick = report.result.elements.WaitTick;
    expect(tick.count).toBe(4);
    expect(tick.duration.mean).toBe((65 / 4) * MIN);
    expect([tick.duration.min, tick.duration.max]).toEqual([5 * MIN, 25 * MIN]);
    expect(report.result.process.cycleTime.max).toBe(25 * MIN);
  });

  it('given a message and a signal stream, both without a TriggerCount and without a Duration, when simulated, then they feed the cases and stop once nobody waits', async () => {
    const model = await loadModel('streams.bpmn');
    const { result, undelivered } = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'both'), ctx: {} });
    expect(result.instances).toEqual({ started: 4, completed: 4 });
    // At 01:15 the tick (scheduled first) ends the last case; the pick of 01:15 then finds nobody and both streams stop.
    expect(undelivered).toEqual({ 'message pick': 1 });
    expect(result.process.cycleTime.mean).toBe(35 * MIN);
    expect([result.process.cycleTime.min, result.process.cycleTime.max]).toEqual([25 * MIN, 45 * MIN]);
  });

  it('given the streams in a scenario, when read, then they name the message or signal and its count', async () => {
    const model = await loadModel('streams.bpmn');
    expect(scenario(model.scenarios, 'fifo').streams).toEqual([{ elementId: 'PickMsg', kind: 'message', name: 'pick', interTrigger: { dist: { kind: 'constant', value: 15 }, scale: 60_000 }, triggerCount: 3 }]);
    expect(scenario(model.scenarios, 'broadcast').streams.map((s) => [s.kind, s.name, s.triggerCount])).toEqual([['signal', 'tick', null]]);
  });

  it('given a stream on a message without a name, or with an expression for its name, when read, then the error names the scenario and the message', async () => {
    const model = await loadModel('streams.bpmn');
    const unnamed = await parseBpmn(model.xml.replace('id="PickMsg" name="pick"', 'id="PickMsg"'));
    expect(() => readScenarios(unnamed.definitions)).toThrow('scenario fifo, element PickMsg: a stream of messages needs the element\'s name');
    const computed = await parseBpmn(model.xml.replace('id="PickMsg" name="pick"', 'id="PickMsg" name="=kind"'));
    expect(() => readScenarios(computed.definitions)).toThrow('scenario fifo, element PickMsg: a stream needs a literal name');
  });

  it('given exponential arrivals and streams, when simulated twice with one seed and once with another, then the same seed gives the same results and another seed other ones', async () => {
    const model = await loadModel('streams.bpmn');
    const random = model.xml.replace(/<bpsim:NumericParameter value="(10|15|25)" \/>/g, '<bpsim:ExponentialDistribution mean="$1" />');
    const { definitions } = await parseBpmn(random);
    const both = readScenarios(definitions).find((x) => x.id === 'both');
    if (!both) throw new Error('no scenario both');
    const run = (seed: number) => simulate({ process: model.process(), scenario: both, ctx: {}, seed, replications: 2 });
    const a = run(1);
    expect(run(1).result).toEqual(a.result);
    expect(run(2).result.process.cycleTime.mean).not.toBe(a.result.process.cycleTime.mean);
  });

  it('given a scenario edit naming a message and a signal, when saved, then the file holds the streams and they read back (the form writes streams as it writes arrivals)', async () => {
    const model = await loadModel('streams.bpmn');
    const written = await saveScenario(model.xml, { scenarioId: 'fifo' }, { arrivals: { PickMsg: { kind: 'exponential', mean: 20 }, TickSignal: { kind: 'constant', value: 30 } }, triggerCounts: { PickMsg: 5 } });
    const { definitions } = await parseBpmn(written);
    const fifo = readScenarios(definitions).find((x) => x.id === 'fifo');
    expect(fifo?.streams).toEqual([
      { elementId: 'PickMsg', kind: 'message', name: 'pick', interTrigger: { dist: { kind: 'exponential', mean: 20 }, scale: 60_000 }, triggerCount: 5 },
      { elementId: 'TickSignal', kind: 'signal', name: 'tick', interTrigger: { dist: { kind: 'constant', value: 30 }, scale: 60_000 }, triggerCount: null },
    ]);
  });
});

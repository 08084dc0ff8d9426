import { describe, expect, it } from 'vitest';
import { compileDeployment, parseBpmn } from '../../engine';
import { testFeel } from '../../engine/test-support/feel';
import { readScenarios } from '../bpsim/read';
import { saveScenario } from '../bpsim/save';
import { simulate } from '../simulate';
import { loadModel } from '../test-support/load';

const PLAIN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <bpmn:resource id="Clerk" name="Clerk" />
  <bpmn:process id="P" isExecutable="true">
    <bpmn:startEvent id="S"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="G" />
    <bpmn:exclusiveGateway id="G"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>a</bpmn:outgoing><bpmn:outgoing>b</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:sequenceFlow id="a" sourceRef="G" targetRef="T1" />
    <bpmn:sequenceFlow id="b" sourceRef="G" targetRef="T2" />
    <bpmn:task id="T1"><bpmn:incoming>a</bpmn:incoming><bpmn:outgoing>e1</bpmn:outgoing><bpmn:performer><bpmn:resourceRef>Clerk</bpmn:resourceRef></bpmn:performer></bpmn:task>
    <bpmn:task id="T2"><bpmn:incoming>b</bpmn:incoming><bpmn:outgoing>e2</bpmn:outgoing></bpmn:task>
    <bpmn:sequenceFlow id="e1" sourceRef="T1" targetRef="E" />
    <bpmn:sequenceFlow id="e2" sourceRef="T2" targetRef="E" />
    <bpmn:endEvent id="E"><bpmn:incoming>e1</bpmn:incoming><bpmn:incoming>e2</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

describe('writing scenarios made in the studio', () => {
  it('given a model without BPSim, when a scenario is created, then it reads back with runnable defaults and simulates', async () => {
    // The engine refuses a split without conditions, so this model routes by a condition and a default flow.
    const routed = PLAIN.replace('<bpmn:exclusiveGateway id="G">', '<bpmn:exclusiveGateway id="G" default="b">')
      .replace('<bpmn:sequenceFlow id="a" sourceRef="G" targetRef="T1" />', '<bpmn:sequenceFlow id="a" sourceRef="G" targetRef="T1"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=true</bpmn:conditionExpression></bpmn:sequenceFlow>')
      .replace('<bpmn:definitions ', '<bpmn:definitions xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ');
    const xml = await saveScenario(routed, { create: { id: 'base', name: 'Base' } }, { replications: 2, probabilities: { a: 0.25, b: 0.75 } });
    expect(xml).toContain('bpmn:relationship type="BPSimData"');
    const { definitions } = await parseBpmn(xml);
    const [s] = readScenarios(definitions);
    expect(s).toMatchObject({ id: 'base', name: 'Base', replications: 2, baseTimeUnit: 'min' });
    expect(s.arrivals).toEqual([expect.objectContaining({ startEventId: 'S', triggerCount: 100, interArrival: { dist: { kind: 'exponential', mean: 10 }, scale: 60_000 } })]);
    expect(s.probabilities).toEqual({ a: 0.25, b: 0.75 });
    expect(s.activities.T1.resources).toEqual([{ role: 'Clerk', quantity: 1 }]);
    expect(s.resources.Clerk).toMatchObject({ quantity: 1, unitCost: 0 });
    const { processes, errors } = compileDeployment(definitions, { expressions: testFeel });
    expect(errors).toEqual([]);
    const report = simulate({ process: [...processes.values()][0], scenario: s, ctx: {}, instances: 50 });
    expect(report.result.instances.completed).toBe(50);
    expect(report.result.elements.T1.count + report.result.elements.T2.count).toBe(50);
  });

  it('given a scenario with unknown parameters, when its main parameters are edited, then the edits read back and the unknown parameters and other scenarios stay', async () => {
    const { xml } = await loadModel('branching.bpmn');
    const written = await saveScenario(xml, { scenarioId: 'split' }, {
      seed: 77, replications: 4,
      probabilities: { toA: 0.6, toB: 0.4 },
      processing: { A: { kind: 'triangular', min: 1, mode: 2, max: 4 } },
      triggerCounts: { Start: 40 },
    });
    expect(written).toContain('<bpsim:Interruptible>');
    expect(written).toContain('<bpsim:Scenario id="bad"');
    const { definitions } = await parseBpmn(written.replace(/<bpsim:Scenario id="bad"[\s\S]*?<\/bpsim:Scenario>/, ''));
    const s = readScenarios(definitions).find((x) => x.id === 'split')!;
    expect(s).toMatchObject({ seed: 77, replications: 4, probabilities: { toA: 0.6, toB: 0.4 } });
    expect(s.activities.A.processing?.dist).toEqual({ kind: 'triangular', min: 1, mode: 2, max: 4 });
    expect(s.arrivals[0].triggerCount).toBe(40);
    expect(s.notSimulated.join('; ')).toMatch(/A: .*Interruptible/);
  });

  it('given a scenario, when its duration, warm-up, setup and wait times, costs, priorities and case variables are edited, then they read back and simulate', async () => {
    const created = await saveScenario(PLAIN, { create: { id: 'base', name: 'Base' } }, { duration: 600, warmup: 60, start: Date.UTC(2027, 0, 4, 8), activityUnitCosts: { T1: 0.75 } });
    const xml = await saveScenario(created, { scenarioId: 'base' }, {
      warmup: 30,
      setup: { T1: { kind: 'constant', value: 2 } },
      wait: { T1: { kind: 'uniform', min: 1, max: 3 } },
      fixedCosts: { T1: 4.5, T2: 1 },
      priorities: { T1: 2 },
      variables: { S: [{ name: 'tier', dist: { kind: 'constant', value: 'gold' } }, { name: 'amount', dist: { kind: 'normal', mean: 100, standardDeviation: 10 } }] },
    });
    expect(xml.indexOf('<bpsim:Start>')).toBeLessThan(xml.indexOf('<bpsim:Duration>'));
    expect(xml.indexOf('<bpsim:Duration>')).toBeLessThan(xml.indexOf('<bpsim:Warmup>'));
    const [s] = readScenarios((await parseBpmn(xml)).definitions);
    expect(s).toMatchObject({ start: Date.UTC(2027, 0, 4, 8), duration: 600 * 60_000, warmup: 30 * 60_000 });
    expect(s.activities.T1.unitCost).toBe(0.75);
    expect(s.activities.T1).toMatchObject({ setup: { dist: { kind: 'constant', value: 2 }, scale: 60_000 }, wait: { dist: { kind: 'uniform', min: 1, max: 3 } }, fixedCost: 4.5, priority: 2 });
    expect(s.activities.T2).toMatchObject({ fixedCost: 1, priority: 0 });
    expect(s.arrivals[0].variables).toEqual([{ name: 'tier', dist: { kind: 'constant', value: 'gold' } }, { name: 'amount', dist: { kind: 'normal', mean: 100, standardDeviation: 10 } }]);
    const removed = await saveScenario(xml, { scenarioId: 'base' }, { duration: null, fixedCosts: { T1: null }, variables: { S: [] } });
    const [r] = readScenarios((await parseBpmn(removed)).definitions);
    expect([r.duration, r.activities.T1.fixedCost, r.arrivals[0].variables]).toEqual([null, 0, []]);
  });

  it('given a split whose flows have no conditions, when a scenario is created, then its flows get equal probabilities', async () => {
    const { definitions } = await parseBpmn(await saveScenario(PLAIN, { create: { id: 'base', name: 'Base' } }, {}));
    expect(readScenarios(definitions)[0].probabilities).toEqual({ a: 0.5, b: 0.5 });
  });

  it('given probabilities that no longer sum to 1, when the file is read, then the error names the gateway', async () => {
    const xml = await saveScenario(PLAIN, { create: { id: 'base', name: 'Base' } }, { probabilities: { a: 0.5, b: 0.3 } });
    const { definitions } = await parseBpmn(xml);
    expect(() => readScenarios(definitions)).toThrow(/G sum to 0\.8, not 1/);
  });

  it('given an unknown scenario id, when saving, then it is refused by name', async () => {
    await expect(saveScenario(PLAIN, { scenarioId: 'nope' }, {})).rejects.toThrow('the model has no BPSim scenario nope');
  });
});

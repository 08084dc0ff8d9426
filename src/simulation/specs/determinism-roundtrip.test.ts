import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { readScenarios } from '../bpsim/read';
import { toProsimosCsv } from '../log-export';
import { simulate } from '../simulate';
import { loadModel, scenario } from '../test-support/load';

describe('determinism', () => {
  it('given the same model, scenario and seed, when run twice, then the results and the log are the same event for event; another seed differs', async () => {
    const model = await loadModel('queue.bpmn');
    const s = scenario(model.scenarios, 'mm3');
    const run = (seed: number) => simulate({ process: model.process(), scenario: s, ctx: {}, seed, instances: 300, replications: 2, log: true });
    const a = run(9);
    const b = run(9);
    expect(JSON.stringify(b.result)).toBe(JSON.stringify(a.result));
    expect(toProsimosCsv(b.log)).toBe(toProsimosCsv(a.log));
    expect(a.log.length).toBe(600);
    // One task per case: 600 cases over the two replications, each its own case in the log.
    expect(new Set(a.log.map((e) => e.caseId)).size).toBe(600);
    expect([a.log[0].caseId.startsWith('1-'), a.log[599].caseId.startsWith('2-')]).toEqual([true, true]);
    expect(toProsimosCsv(run(10).log)).not.toBe(toProsimosCsv(a.log));
  });
});

describe('BPSim round trip', () => {
  it('given a model with scenarios and unknown parameters, when parsed and written back by bpmn-moddle, then the scenarios read the same and the unknown parameters are still there', async () => {
    const { xml } = await loadModel('branching.bpmn');
    const moddle = new BpmnModdle() as BpmnModdle & { toXML(e: unknown, o?: unknown): Promise<{ xml: string }> };
    const first = await moddle.fromXML(xml.replace(/<bpsim:Scenario id="bad"[\s\S]*?<\/bpsim:Scenario>/, ''), 'bpmn:Definitions');
    const { xml: written } = await moddle.toXML(first.rootElement, { format: true });
    const second = await moddle.fromXML(written, 'bpmn:Definitions');
    const before = readScenarios(first.rootElement);
    const after = readScenarios(second.rootElement);
    expect(JSON.parse(JSON.stringify(after))).toEqual(JSON.parse(JSON.stringify(before)));
    expect(written).toContain('<bpsim:VendorExtension name="vendor:hint" value="keep me" />');
    expect(written).toContain('<bpsim:Interruptible>');
    expect(after[0].notSimulated).toContain('A: VendorExtension');
  });
});

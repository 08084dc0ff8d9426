import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../engine';
import { readScenarios } from '../bpsim/read';
import { simulate } from '../simulate';
import { loadModel, scenario } from '../test-support/load';

describe('branch probabilities and case variables', () => {
  it('given 30/70 probabilities on a split whose own condition is always false, when 10,000 cases run, then about 3,000 take A (within 4 standard deviations)', async () => {
    const model = await loadModel('branching.bpmn');
    const { result } = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'split'), ctx: {} });
    // Binomial(10000, 0.3): mean 3000, sd 45.8.
    expect(Math.abs(result.elements.A.count - 3000)).toBeLessThan(4 * 45.8);
    expect(result.elements.A.count + result.elements.B.count).toBe(10000);
  });

  it('given a case variable that is 150 with probability 0.25, when the model decides by its own condition (amount > 100), then about 2,500 cases take High', async () => {
    const model = await loadModel('branching.bpmn');
    const { result } = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'split'), ctx: {} });
    // Binomial(10000, 0.25): sd 43.3.
    expect(Math.abs(result.elements.High.count - 2500)).toBeLessThan(4 * 43.3);
  });

  it('given a triangular processing time (1, 2, 4 min), when simulated, then the mean duration of A is 7/3 min within its interval', async () => {
    const model = await loadModel('branching.bpmn');
    const { result } = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'split'), ctx: {} });
    const d = result.elements.A.duration;
    expect(d.ci95[0]).toBeLessThanOrEqual(140);
    expect(d.ci95[1]).toBeGreaterThanOrEqual(140);
    expect(d.min).toBeGreaterThanOrEqual(60);
    expect(d.max).toBeLessThanOrEqual(240);
  });

  it('given probabilities that sum to 0.9, when the scenarios are read, then the error names the gateway', async () => {
    const xml = (await loadModel('branching.bpmn')).xml;
    const { definitions } = await parseBpmn(xml);
    expect(() => readScenarios(definitions)).toThrow('scenario bad: the branch probabilities of the outgoing flows of Route sum to 0.9, not 1');
  });

  it('given parameters the simulator does not simulate, when read, then they are reported by element and name', async () => {
    const model = await loadModel('branching.bpmn');
    expect(scenario(model.scenarios, 'split').notSimulated).toEqual(['A: PriorityParameters Interruptible', 'A: VendorExtension']);
  });
});

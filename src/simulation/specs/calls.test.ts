import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDeployment, parseBpmn } from '../../engine';
import { testFeel } from '../../engine/test-support/feel';
import { readScenarios } from '../bpsim/read';
import { simulate } from '../simulate';

const MIN = 60;

async function load() {
  const { definitions } = await parseBpmn(readFileSync(join(__dirname, 'calls.bpmn'), 'utf8'));
  const { processes, errors } = compileDeployment(definitions, { expressions: testFeel });
  expect(errors).toEqual([]);
  return { processes, scenario: readScenarios(definitions)[0] };
}

describe('call activities in simulation', () => {
  it('given an order that calls a shipping process, when simulated, then the child runs its timed tasks and the order completes after both, with the child figures rolled up into the case', async () => {
    const { processes, scenario } = await load();
    const { result, inProgress, log } = simulate({ process: processes.get('Order')!, called: processes, scenario, ctx: {}, log: true });
    // Children are not cases: three orders started and completed.
    expect(result.instances).toEqual({ started: 3, completed: 3 });
    expect(inProgress).toBe(0);
    // 10 min check + 30 min packing + 60 min delivery, no waiting (an order every 2 h).
    expect(result.process.cycleTime.min).toBe(100 * MIN);
    expect(result.process.cycleTime.max).toBe(100 * MIN);
    expect(result.process.processingTime.mean).toBe(100 * MIN);
    expect(result.elements.Ship.duration.mean).toBe(90 * MIN);
    expect(result.elements.Pack.count).toBe(3);
    expect(result.elements.Shipped.count).toBe(3);
    // The packer costs 1 per min: 30 per order, counted in the order's cost.
    expect(result.process.cost.mean).toBe(30);
    expect(result.resources.Packer.cost.mean).toBe(90);
    expect(log.map((e) => e.activity)).toEqual(['CheckOrder', 'Pack', 'Deliver', 'CheckOrder', 'Pack', 'Deliver', 'CheckOrder', 'Pack', 'Deliver']);
  });

  it('given the called process is not passed to the simulator, when simulated, then the call activity gets an incident naming it and the orders stay in progress', async () => {
    const { processes, scenario } = await load();
    const r = simulate({ process: processes.get('Order')!, scenario, ctx: {} });
    expect(r.result.instances).toEqual({ started: 3, completed: 0 });
    expect(r.inProgress).toBe(3);
    expect(r.incidents.Ship).toContain('process shipping is not in the simulated model');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDeployment, parseBpmn } from '../../engine';
import { testFeel } from '../../engine/test-support/feel';
import { importProsimos } from '../bpsim/import-prosimos';
import { readScenarios } from '../bpsim/read';
import { simulate } from '../simulate';

const read = (f: string) => readFileSync(join(__dirname, f), 'utf8');
const MIN = 60;

/** Imports the JSON into the model, reads the new scenario back from the written XML and simulates it. */
async function importAndRun(json: unknown, instances = 10) {
  const imported = await importProsimos(read('prosimos-loan.bpmn'), json, { instances });
  const { definitions } = await parseBpmn(imported.xml);
  const scenario = readScenarios(definitions).find((s) => s.id === imported.scenarioId);
  if (!scenario) throw new Error('the imported scenario is not in the written model');
  const { processes, errors } = compileDeployment(definitions, { expressions: testFeel });
  expect(errors).toEqual([]);
  const report = simulate({ process: [...processes.values()][0], scenario, ctx: {}, log: true });
  return { imported, scenario, report };
}

describe('import of a Prosimos scenario', () => {
  it('given the loan scenario, when imported, then the model holds it as BPSim: arrivals with their calendar, roles of interchangeable clerks, times, costs, probabilities', async () => {
    const { imported, scenario } = await importAndRun(JSON.parse(read('prosimos-loan.json')));
    expect(imported.scenarioId).toBe('prosimos');
    expect(scenario.baseTimeUnit).toBe('s');
    expect(scenario.arrivals).toMatchObject([{ startEventId: 'Start', interArrival: { dist: { kind: 'constant', value: 600 } }, triggerCount: 10, calendarId: 'prosimos_arrivals' }]);
    // Clerk_1 and Clerk_2 do the same tasks on the same calendar: one role of two units.
    expect(scenario.resources).toEqual({
      Clerk: { id: 'Clerk', quantity: 2, unitCost: 36 / 3600, calendarId: 'cal_office' },
      Manager_1: { id: 'Manager_1', quantity: 1, unitCost: 72 / 3600, calendarId: 'cal_office' },
    });
    expect(scenario.activities.Check).toMatchObject({ processing: { dist: { kind: 'constant', value: 300 } }, resources: [{ role: 'Clerk', quantity: 1 }] });
    expect(scenario.activities.Approve.resources).toEqual([{ role: 'Manager_1', quantity: 1 }]);
    expect(scenario.probabilities).toEqual({ toApprove: 0.3, toReject: 0.7 });
    expect(Object.keys(scenario.calendars).sort()).toEqual(['cal_office', 'prosimos_arrivals']); // the unused night calendar is left out
    expect(imported.xml).toContain('<bpmn:resource id="Clerk" name="Clerk" />');
    // What is not imported is said, not dropped.
    expect(imported.report).toEqual(['batch_processing: not imported (not simulated here)']);
  });

  it('given the imported scenario, when simulated, then arrivals start at 09:00 on the calendar and the figures are the hand-computed ones', async () => {
    const { report } = await importAndRun(JSON.parse(read('prosimos-loan.json')));
    const { result, log } = report;
    // Ten cases, every 10 min from Monday 09:00 (the arrival calendar opens then), none waits:
    // two clerks for a 5 min check, the manager for 2 min (approve) or 1 min (reject).
    const checks = log.filter((e) => e.activity === 'Check application');
    expect(checks.map((e) => new Date(e.startTime).toISOString().slice(11, 16))).toEqual(['09:00', '09:10', '09:20', '09:30', '09:40', '09:50', '10:00', '10:10', '10:20', '10:30']);
    expect(result.instances).toEqual({ started: 10, completed: 10 });
    const approved = result.elements.Approve?.count ?? 0;
    const rejected = result.elements.Reject?.count ?? 0;
    expect(approved + rejected).toBe(10);
    expect(approved).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(approved);
    expect(result.elements.Check.duration.mean).toBe(5 * MIN);
    expect(result.process.waitingTime.max).toBe(0);
    expect(result.process.cycleTime.mean).toBeCloseTo(5 * MIN + (2 * MIN * approved + 1 * MIN * rejected) / 10, 9);
    // Costs: 5 min at 36/h = 3, 2 min at 72/h = 2.4, 1 min at 72/h = 1.2.
    expect(result.elements.Check.cost.mean).toBeCloseTo(3, 9);
    expect(result.process.cost.mean).toBeCloseTo(3 + (2.4 * approved + 1.2 * rejected) / 10, 9);
    // Clerks: 10 x 5 min busy out of 2 units on shift from 09:00 to the last completion.
    const last = Math.max(...log.map((e) => e.endTime));
    const onShift = (last - Date.UTC(2024, 0, 1, 9)) / 1000;
    expect(result.resources.Clerk.utilization.mean).toBeCloseTo((10 * 5 * MIN) / (2 * onShift), 9);
  });

  it('given a file with differentiated resources, exponnorm, unknown tasks, gateways and sections, when imported, then each difference is reported and the rest runs', async () => {
    const json = {
      resource_profiles: [{ id: 'p', name: 'P', resource_list: [
        { id: 'Ann', name: 'Ann', cost_per_hour: 30, amount: 1, calendar: 'always' },
        { id: 'Bob', name: 'Bob', cost_per_hour: 50, amount: 1, calendar: 'always' },
        { id: 'Cid', name: 'Cid', cost_per_hour: 40, amount: 1, calendar: 'missing' },
      ] }],
      arrival_time_distribution: { distribution_name: 'expon', distribution_params: [{ value: 900 }, { value: 0 }, { value: 7200 }] },
      gateway_branching_probabilities: [
        { gateway_id: 'Route', probabilities: [{ path_id: 'toApprove', value: 1 }, { path_id: 'toReject', value: 1 }] },
        { gateway_id: 'Check', probabilities: [{ path_id: 'f2', value: 1 }] },
      ],
      task_resource_distribution: [
        { task_id: 'Check', resources: [
          { resource_id: 'Ann', distribution_name: 'norm', distribution_params: [{ value: 300 }, { value: 30 }, { value: 100 }, { value: 500 }] },
          { resource_id: 'Bob', distribution_name: 'norm', distribution_params: [{ value: 200 }, { value: 20 }, { value: 100 }, { value: 500 }] },
        ] },
        { task_id: 'Approve', resources: [{ resource_id: 'Cid', distribution_name: 'exponnorm', distribution_params: [{ value: 2 }, { value: 60 }, { value: 10 }, { value: 0 }, { value: 600 }] }] },
        { task_id: 'Ghost', resources: [{ resource_id: 'Ann', distribution_name: 'fix', distribution_params: [{ value: 1 }] }] },
      ],
      resource_calendars: [{ id: 'always', name: 'always', time_periods: [{ from: 'MONDAY', to: 'SUNDAY', beginTime: '00:00:00', endTime: '00:00:00' }] }],
      case_attributes: [
        { name: 'amount', type: 'continuous', values: { distribution_name: 'fix', distribution_params: [{ value: 1 }] } },
        { name: 'tier', type: 'discrete', values: [{ key: 'gold', value: 1 }, { key: 'silver', value: 3 }] },
        { name: 'bad name', type: 'discrete', values: [{ key: 'x', value: 1 }] },
      ],
    };
    const { imported, scenario, report } = await importAndRun(json, 20);
    expect(imported.report).toEqual([
      'arrival_time_distribution: bounds [0, 7200] not kept (BPSim bounds only the normal distribution)',
      'case_attributes tier: the probabilities sum to 4; scaled to sum to 1',
      'case_attributes bad name: not imported, "bad name" is not a variable name',
      'resource_profiles: resource Cid names calendar missing, which resource_calendars does not define; it is always available here',
      'role Ann_and_1_more: its resources cost Ann 30, Bob 50 per hour in Prosimos; here every unit costs the average, 40',
      "task Check: its resources in role Ann_and_1_more work at different speeds in Prosimos; all take Ann's processing time here",
      'task Approve, processing time: exponnorm (exponentially modified normal) approximated by a truncated normal with its mean and standard deviation',
      'task_resource_distribution: Ghost is not an activity of the model; skipped',
      'task Reject (Notify rejection): no task_resource_distribution entry; it takes no time and no resource',
      'gateway Route: the probabilities sum to 2; scaled to sum to 1',
      'gateway_branching_probabilities: Check is not a gateway of the model; skipped',
    ]);
    expect(scenario.probabilities).toEqual({ toApprove: 0.5, toReject: 0.5 });
    expect(scenario.arrivals[0].variables).toEqual([
      { name: 'amount', dist: { kind: 'constant', value: 1 } },
      { name: 'tier', dist: { kind: 'empirical', points: [{ value: 'gold', probability: 0.25 }, { value: 'silver', probability: 0.75 }] } },
    ]);
    expect(scenario.activities.Check.processing?.dist).toEqual({ kind: 'truncatedNormal', mean: 300, standardDeviation: 30, min: 100, max: 500 });
    expect(scenario.activities.Approve.processing?.dist).toEqual({ kind: 'truncatedNormal', mean: 80, standardDeviation: 10 * Math.sqrt(5), min: 0, max: 600 });
    expect(scenario.resources.Ann_and_1_more).toMatchObject({ quantity: 2, unitCost: 40 / 3600, calendarId: 'cal_always' });
    expect(scenario.resources.Cid).toMatchObject({ quantity: 1, calendarId: null });
    expect(report.result.instances).toEqual({ started: 20, completed: 20 });
  });

  it('given the same file imported twice, then the second scenario gets its own id and the first is kept', async () => {
    const json = JSON.parse(read('prosimos-loan.json'));
    const once = await importProsimos(read('prosimos-loan.bpmn'), json);
    const twice = await importProsimos(once.xml, json, { name: 'Again' });
    expect(twice.scenarioId).toBe('prosimos_2');
    const { definitions } = await parseBpmn(twice.xml);
    expect(readScenarios(definitions).map((s) => [s.id, s.name])).toEqual([['prosimos', 'Imported from Prosimos'], ['prosimos_2', 'Again']]);
    expect(twice.xml.match(/<bpmn:resource id="Clerk"/g)).toHaveLength(1);
  });
});

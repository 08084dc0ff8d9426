import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../simulation';
import { runInProcess } from './run-in-process';

const MODEL = 'src/cli/fixtures/simulation/claims.bpmn';
const PROSIMOS_MODEL = 'src/simulation/specs/prosimos-loan.bpmn';
const PROSIMOS_JSON = 'src/simulation/specs/prosimos-loan.json';
const FIGURE = ['ci95', 'max', 'mean', 'median', 'min', 'p90'];

describe('flowdeck simulate', { timeout: 60_000 }, () => {
  it('given a model with a BPSim scenario, when simulated with --json, then it prints exactly the documented object', async () => {
    const r = await runInProcess('simulate', MODEL, '--json', '--instances', '40', '--seed', '4');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as SimulationResult;
    expect(Object.keys(out).sort()).toEqual(['elements', 'instances', 'process', 'replications', 'resources', 'scenario', 'seed']);
    expect(out).toMatchObject({ scenario: 'base', seed: 4, replications: 3, instances: { started: 40, completed: 40 } });
    expect(Object.keys(out.process).sort()).toEqual(['cost', 'cycleTime', 'processingTime', 'waitingTime']);
    for (const f of Object.values(out.process)) expect(Object.keys(f as object).sort()).toEqual(FIGURE);
    expect(Object.keys(out.elements.Check).sort()).toEqual(['cost', 'count', 'duration', 'waitingTime']);
    expect(out.elements.Check.count).toBe(40);
    expect(Object.keys(out.resources).sort()).toEqual(['Clerk', 'Manager']);
    expect(Object.keys(out.resources.Clerk).sort()).toEqual(['cost', 'utilization']);
    expect(out.resources.Clerk.utilization.mean).toBeGreaterThan(0);
    expect(out.resources.Clerk.utilization.mean).toBeLessThan(1);
    // The script ran: only claims it marked high-risk went to Approve.
    expect(out.elements.Approve.count).toBeGreaterThan(0);
    expect(out.elements.Approve.count).toBeLessThan(40);
  });

  it('given a scenario without arrivals and a timer start event, when simulated, then the model cycle starts the cases; a cut cascade of thrown signals is reported and exits 1', async () => {
    const timed = await runInProcess('simulate', 'src/simulation/specs/timer-starts.bpmn', '--json', '--scenario', 'cycle');
    expect(timed.code).toBe(0);
    expect(JSON.parse(timed.stdout)).toMatchObject({ scenario: 'cycle', instances: { started: 5, completed: 5 } });
    const batch = await runInProcess('simulate', 'src/simulation/specs/thrown.bpmn', '--json');
    expect(batch.stderr).toContain('note: message order reached nobody 1 times per replication');
    const echo = await runInProcess('simulate', 'src/simulation/specs/cascade.bpmn', '--json');
    expect(echo.code).toBe(1);
    expect(echo.stderr).toContain('incident at signal ping: not delivered: it would be throw 33');
  });

  it('given the same seed twice, when simulated, then the output is the same; --scenario picks another scenario', async () => {
    const a = await runInProcess('simulate', MODEL, '--json', '--instances', '30', '--seed', '8');
    const b = await runInProcess('simulate', MODEL, '--json', '--instances', '30', '--seed', '8');
    expect(b.stdout).toBe(a.stdout);
    const other = await runInProcess('simulate', MODEL, '--json', '--scenario', 'more-clerks');
    expect(JSON.parse(other.stdout)).toMatchObject({ scenario: 'more-clerks', replications: 1, instances: { started: 50 } });
  });

  it('given --log out.xes and out.csv, when simulated, then the logs are written with one entry per task', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-sim-'));
    const csv = join(dir, 'log.csv');
    const r = await runInProcess('simulate', MODEL, '--instances', '5', '--replications', '1', '--log', csv);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('bottlenecks:');
    const lines = readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('case_id,activity,enable_time,start_time,end_time,resource');
    expect(lines.filter((l) => l.includes(',Check claim,'))).toHaveLength(5);
    expect(lines.find((l) => l.includes(',Check claim,'))).toMatch(/,Clerk-\d$/);
    const xes = join(dir, 'log.xes');
    await runInProcess('simulate', MODEL, '--instances', '5', '--replications', '1', '--log', xes);
    const text = readFileSync(xes, 'utf8');
    expect(text).toContain('<log xes.version="1849-2016"');
    expect(text.match(/<trace>/g)).toHaveLength(5);
    expect(text).toContain('<string key="lifecycle:transition" value="complete"/>');
  });

  it('given an unknown scenario or a bad log name, when simulated, then it exits 3 naming what is wrong', async () => {
    const r = await runInProcess('simulate', MODEL, '--scenario', 'nope');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('has no scenario nope (it has base, more-clerks)');
    const bad = await runInProcess('simulate', MODEL, '--log', 'out.txt');
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('--log out.txt');
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-sim-'));
    const endlessModel = join(dir, 'endless.bpmn');
    writeFileSync(endlessModel, readFileSync(MODEL, 'utf8').replace(/<bpsim:TriggerCount>.*?<\/bpsim:TriggerCount>/g, ''));
    const endless = await runInProcess('simulate', endlessModel);
    expect(endless.code).toBe(3);
    expect(endless.stderr).toContain('scenario base, start event Start: the scenario has neither a Duration nor a TriggerCount');
    const usage = await runInProcess('simulate', MODEL, '--instances', 'many');
    expect(usage.code).toBe(2);
  });

  it('given a BPMN model and a Prosimos scenario, when simulated with --prosimos, then the imported scenario runs, what is not imported is noted, and --save-model writes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-sim-'));
    const out = join(dir, 'with-scenario.bpmn');
    const r = await runInProcess('simulate', PROSIMOS_MODEL, '--prosimos', PROSIMOS_JSON, '--instances', '10', '--json', '--save-model', out);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout) as SimulationResult;
    expect(res).toMatchObject({ scenario: 'prosimos', instances: { started: 10, completed: 10 } });
    expect(res.elements.Check.duration.mean).toBe(300);
    expect(Object.keys(res.resources).sort()).toEqual(['Clerk', 'Manager_1']);
    expect(r.stderr).toContain('note: Prosimos import: batch_processing: not imported (not simulated here)');
    const saved = readFileSync(out, 'utf8');
    expect(saved).toContain('<bpsim:Scenario id="prosimos" name="Imported from Prosimos">');
    const again = await runInProcess('simulate', out, '--json', '--instances', '10');
    expect(JSON.parse(again.stdout)).toEqual(res);
    const bad = await runInProcess('simulate', PROSIMOS_MODEL, '--prosimos', PROSIMOS_MODEL);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('is not JSON');
    const lonely = await runInProcess('simulate', PROSIMOS_MODEL, '--save-model', out);
    expect(lonely.code).toBe(3);
    expect(lonely.stderr).toContain('--save-model writes the model with an imported scenario: it needs --prosimos FILE');
  });

  it('given a model binding its decision by deployment, then the --dmn files count as deployed with it and every instance completes', async () => {
    const model = 'src/cli/fixtures/pricing-deployment.bpmn';
    const bound = JSON.parse((await runInProcess('simulate', model, '--dmn', 'docs/examples/pricing/discount.dmn', '--json')).stdout) as SimulationResult;
    expect(bound.instances).toEqual({ started: 5, completed: 5 });
    const alone = JSON.parse((await runInProcess('simulate', model, '--json')).stdout) as SimulationResult;
    expect(alone.instances).toEqual({ started: 5, completed: 0 });
  });
});

describe('flowdeck simulate --bpmn', { timeout: 60_000 }, () => {
  const ORDER = 'src/cli/fixtures/simulation/call-order.bpmn';
  const SHIPPING = 'src/cli/fixtures/simulation/call-shipping.bpmn';

  it('given a call activity to a process in another file, then without --bpmn it stops at an incident and with it every instance completes; a file that is not BPMN is named', async () => {
    const without = await runInProcess('simulate', ORDER, '--json');
    expect(without.code).toBe(1);
    expect(JSON.parse(without.stdout)).toMatchObject({ instances: { started: 4, completed: 0 } });
    expect(without.stderr).toContain('incident at Ship');
    const beside = await runInProcess('simulate', ORDER, '--bpmn', SHIPPING, '--json');
    expect(beside.code).toBe(0);
    expect(JSON.parse(beside.stdout)).toMatchObject({ instances: { started: 4, completed: 4 } });
    const bad = await runInProcess('simulate', ORDER, '--bpmn', 'src/cli/fixtures/simulation/claims.bpmn.missing', '--json');
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/claims\.bpmn\.missing/);
  });
});

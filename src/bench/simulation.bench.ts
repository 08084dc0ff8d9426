/**
 * `npm run bench:simulation`: flow-node executions per second of the simulator on the virtual
 * clock (single thread), on (a) the engine benchmark's 10-node flow with resources and
 * distributions and (b) a 20-node flow with a script task and a DMN decision; the time for
 * 10,000, 100,000 and 1,000,000 instances of (b), and the peak memory (RSS).
 * Baseline in the same run: the bare engine `start` of flow (a) with no simulator around it.
 * Last line: one JSON object.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { compileDeployment, parseBpmn, start } from '../engine';
import type { ExecutableProcess } from '../engine';
import { DmnDecisions } from '../host/dmn-decisions';
import { FeelExpressions } from '../host/feel-expressions';
import { createInThreadScriptRunner } from '../host/scripts/quickjs-runner';
import { readScenarios, simulate } from '../simulation';
import type { SimulationOptions } from '../simulation';
import { flowA } from './engine-models';
import { flowAScenario, flowB } from './simulation-models';

/** 1M instances of (b) run only when 100k took less than this (the projected 1M then stays under a few minutes). */
const MAX_100K_SECONDS_FOR_1M = 18;

async function load(xml: string): Promise<{ process: () => ExecutableProcess; scenario: ReturnType<typeof readScenarios>[number] }> {
  const { definitions } = await parseBpmn(xml);
  const expressions = new FeelExpressions();
  const [scenario] = readScenarios(definitions);
  return {
    scenario,
    process: () => {
      const { processes, errors } = compileDeployment(definitions, { expressions });
      if (errors.length > 0) throw new Error(JSON.stringify(errors));
      return [...processes.values()][0];
    },
  };
}

/** Wall-clock and process CPU seconds (all threads: GC helpers too); on a loaded machine the CPU figure moves less. */
function timed(o: SimulationOptions): { seconds: number; cpuSeconds: number; executions: number; completed: number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = simulate(o);
  const c = process.cpuUsage(c0);
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: (c.user + c.system) / 1e6, executions: r.executions, completed: r.result.instances.completed };
}

function peakMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

async function main(): Promise<void> {
  const scripts = await createInThreadScriptRunner();
  const decisions = new DmnDecisions();
  await decisions.deploy(readFileSync(join(import.meta.dirname, '../host/fixtures/discount.dmn'), 'utf8'));
  const ctx = { scripts, decisions };

  // Baseline: the bare engine on flow (a), instances started back to back (no clock, no resources).
  const { definitions } = await parseBpmn(flowA('feel'));
  const plain = [...compileDeployment(definitions, { expressions: new FeelExpressions() }).processes.values()][0];
  let elements = 0;
  const t0 = performance.now();
  for (let i = 0; i < 50_000; i++) {
    const r = start(plain, { instanceId: `b${i}`, seed: i, now: 0, variables: { amount: (i * 37) % 200 } }, { clock: { now: () => 0 } });
    elements += r.history.filter((h) => h.type === 'elementCompleted').length;
  }
  const baseline = elements / ((performance.now() - t0) / 1000);
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
  console.log(`baseline: bare engine start, flow (a): ${Math.round(baseline).toLocaleString('en-US')} flow-node executions/s`);

  const a = await load(flowAScenario(50_000));
  timed({ process: a.process(), scenario: a.scenario, ctx, instances: 2_000 }); // warm-up
  const ra = timed({ process: a.process(), scenario: a.scenario, ctx });
  const rateA = ra.executions / ra.seconds;
  console.log(`(a) flow (a) simulated, 50,000 instances, 2 clerks + 1 auditor: ${ra.seconds.toFixed(2)} s (CPU ${ra.cpuSeconds.toFixed(2)} s), ${Math.round(rateA).toLocaleString('en-US')} flow-node executions/s (${(rateA / baseline).toFixed(2)}x the bare engine)`);

  const b = await load(flowB(1));
  timed({ process: b.process(), scenario: b.scenario, ctx, instances: 1_000 }); // warm-up
  const runs: Record<number, { seconds: number; cpuSeconds: number; executions: number }> = {};
  for (const n of [10_000, 100_000]) {
    const r = timed({ process: b.process(), scenario: b.scenario, ctx, instances: n });
    runs[n] = r;
    console.log(`(b) 20-node flow with a script and a decision, ${n.toLocaleString('en-US')} instances: ${r.seconds.toFixed(2)} s (CPU ${r.cpuSeconds.toFixed(2)} s), ${Math.round(r.executions / r.seconds).toLocaleString('en-US')} flow-node executions/s, ${r.completed} completed, peak RSS ${Math.round(peakMiB())} MiB`);
  }
  let seconds1M: number | null = null;
  if (runs[100_000].seconds < MAX_100K_SECONDS_FOR_1M) {
    const r = timed({ process: b.process(), scenario: b.scenario, ctx, instances: 1_000_000 });
    seconds1M = r.seconds;
    console.log(`(b) 1,000,000 instances: ${r.seconds.toFixed(2)} s (CPU ${r.cpuSeconds.toFixed(2)} s), ${Math.round(r.executions / r.seconds).toLocaleString('en-US')} flow-node executions/s, peak RSS ${Math.round(peakMiB())} MiB`);
  } else {
    console.log(`(b) 1,000,000 instances skipped: 100,000 took ${runs[100_000].seconds.toFixed(1)} s, so 1M would take about ${Math.round(runs[100_000].seconds * 10)} s on this loaded machine (limit: ${MAX_100K_SECONDS_FOR_1M * 10} s)`);
  }
  console.log(`growth 10k -> 100k: ${(runs[100_000].seconds / runs[10_000].seconds).toFixed(2)}x time for 10x instances${seconds1M === null ? '' : `; 100k -> 1M: ${(seconds1M / runs[100_000].seconds).toFixed(2)}x`}`);
  scripts.dispose();
  console.log(JSON.stringify({
    flowNodeExecutionsPerSec: Math.round(rateA),
    instances100kSeconds: +runs[100_000].seconds.toFixed(2),
    instances1MSeconds: seconds1M === null ? null : +seconds1M.toFixed(2),
    peakMemoryMiB: Math.round(peakMiB()),
  }));
}

await main();

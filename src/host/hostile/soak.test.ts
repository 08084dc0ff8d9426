import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstanceState } from '../../engine';
import { CountingIds, ManualClock } from '../clocks';
import { EngineHost } from '../engine-host';
import { FeelExpressions } from '../feel-expressions';
import { MemoryStore } from '../memory-store';
import { createNodeScriptRunner } from '../scripts/node-script-threads';
import type { QuickJsScriptRunner } from '../scripts/quickjs-runner';
import { START_TIMEOUT_MS } from '../scripts/test-support/timeouts';
import { hostileRuns } from './soak-corpus';

/*
 * The soak test of issue 13: 1,000 hostile runs (every model, script and expression of the hostile
 * corpora, round after round) interleaved with normal instances on ONE host, the way tenants share
 * a server. Every normal instance must give exactly what it gives on a host that never saw an
 * attack, and the process's memory must stay bounded while the attacks go on.
 */

const HOSTILE_RUNS = 1000;
const VARIANTS = 7;
const NORMAL = readFileSync(new URL('models/normal.bpmn', import.meta.url), 'utf8');
const MiB = 1 << 20;

/** What an instance gives, without the ids a host allocates. */
function outcome(state: InstanceState) {
  return { status: state.status, variables: state.variables, incidents: Object.values(state.incidents).map((i) => `${i.type}: ${i.message}`), path: state.path };
}

const normalVariables = (i: number) => ({ cards: [`4111${'1'.repeat(i % VARIANTS)}`, '5500'] });

function newHost(scripts: QuickJsScriptRunner) {
  return new EngineHost({
    store: new MemoryStore(), clock: new ManualClock(Date.UTC(2026, 0, 1)), ids: new CountingIds(), expressions: new FeelExpressions({ limits: { maxSteps: 50_000 } }), scripts,
    // Short limits keep the soak quick (the corpora's own specs run the defaults), but not so short
    // that a normal script misses its time because a loaded machine did not schedule its thread.
    scriptLimits: { timeoutMs: 300, memoryLimitBytes: 32 * MiB },
    limits: { stepBudget: 1_000 },
  });
}

describe('soak: hostile runs interleaved with normal instances', () => {
  let scripts: QuickJsScriptRunner;
  const alone = new Map<number, ReturnType<typeof outcome>>();

  beforeAll(async () => {
    // The host's own runner: scripts on script threads that are terminated past their limit.
    scripts = await createNodeScriptRunner({ spareThreads: 1 });
    // What each normal variant gives on a host that never saw an attack.
    const pristine = newHost(scripts);
    await pristine.deploy(NORMAL, 'normal.bpmn');
    for (let v = 0; v < VARIANTS; v++) alone.set(v, outcome(await pristine.startInstance('normal', { variables: normalVariables(v) })));
  }, START_TIMEOUT_MS);
  afterAll(() => scripts.dispose());

  it(`given ${HOSTILE_RUNS} hostile runs among normal instances on one host, then every normal instance gives what it gives alone and memory stays bounded`, async () => {
    const runs = hostileRuns();
    expect(runs.length).toBeGreaterThanOrEqual(100);
    const host = newHost(scripts);
    await host.deploy(NORMAL, 'normal.bpmn');
    // A model the compiler refuses (a FEEL syntax attack) is attacked again at each of its turns: by deploying it.
    const refusedAtDeploy = new Set<string>();
    for (const run of runs) await host.deploy(run.xml, `${run.name}.bpmn`).catch(() => refusedAtDeploy.add(run.name));

    const outcomes = new Map<string, number>();
    const mismatches: string[] = [];
    let warmRss = 0;
    for (let i = 0; i < HOSTILE_RUNS; i++) {
      const run = runs[i % runs.length];
      let result: string;
      try {
        if (refusedAtDeploy.has(run.name)) await host.deploy(run.xml, `${run.name}.bpmn`);
        const state = await host.startInstance(run.processId, { variables: run.variables });
        const incident = Object.values(state.incidents)[0];
        result = incident ? `incident ${incident.type}` : state.status;
      } catch (error) {
        result = `refused ${(error as Error).name}`;
      }
      outcomes.set(result, (outcomes.get(result) ?? 0) + 1);

      const normal = await host.startInstance('normal', { variables: normalVariables(i) });
      const expected = alone.get(i % VARIANTS);
      const got = outcome(normal);
      if (JSON.stringify(got) !== JSON.stringify(expected)) mismatches.push(`after ${run.name}: ${JSON.stringify(got)} instead of ${JSON.stringify(expected)}`);
      // Every attack has run once (threads spawned, code warm): memory from here on must not grow with the attacks.
      if (i === runs.length - 1) warmRss = process.memoryUsage().rss;
    }

    expect(mismatches).toEqual([]);
    // The attacks were real: each kind of containment happened.
    expect([...outcomes.keys()].some((k) => k.startsWith('incident'))).toBe(true);
    expect([...outcomes.keys()].some((k) => k.startsWith('refused'))).toBe(true);
    const grownMiB = (process.memoryUsage().rss - warmRss) / MiB;
    // Nine more rounds of every memory attack (each asks for gigabytes) must not add up: a leak of
    // one capped script memory (32 MiB) per attack run would pass 1 GiB. What does grow (about
    // 130 MiB here) is the store keeping every instance with its variables, large hostile ones too.
    expect(grownMiB, `rss grew ${grownMiB.toFixed(0)} MiB after the first round; outcomes ${JSON.stringify([...outcomes])}`).toBeLessThan(512);
  }, 600_000);
});

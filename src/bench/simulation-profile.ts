/**
 * Where the simulator's time goes: runs bench:simulation's (a) or (b) under the V8 CPU profiler
 * (node:inspector, in this process) and prints self time per function and per file, largest first.
 *
 *   npx tsx src/bench/simulation-profile.ts a 100000   # flow (a), 100,000 instances
 *   npx tsx src/bench/simulation-profile.ts b 20000    # flow (b), 20,000 instances
 *
 * Add `--out file.cpuprofile` to keep the profile (opens in Chrome DevTools). Last line: JSON.
 */
import { writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { compileDeployment, parseBpmn } from '../engine';
import { DmnDecisions } from '../host/dmn-decisions';
import { FeelExpressions } from '../host/feel-expressions';
import { createInThreadScriptRunner } from '../host/scripts/quickjs-runner';
import { readScenarios, simulate } from '../simulation';
import { flowAScenario, flowB } from './simulation-models';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const which = process.argv[2] === 'b' ? 'b' : 'a';
const instances = Number(process.argv[3] ?? (which === 'a' ? 100_000 : 20_000));
const outAt = process.argv.indexOf('--out');

const scripts = await createInThreadScriptRunner();
const decisions = new DmnDecisions();
await decisions.deploy(readFileSync(join(import.meta.dirname, '../host/fixtures/discount.dmn'), 'utf8'));
const { definitions } = await parseBpmn(which === 'a' ? flowAScenario(instances) : flowB(instances));
const [scenario] = readScenarios(definitions);
const compile = () => [...compileDeployment(definitions, { expressions: new FeelExpressions() }).processes.values()][0];
simulate({ process: compile(), scenario, ctx: { scripts, decisions }, instances: Math.min(2_000, instances) }); // warm-up

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const t0 = performance.now();
const r = simulate({ process: compile(), scenario, ctx: { scripts, decisions }, instances });
const seconds = (performance.now() - t0) / 1000;
const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
session.disconnect();
scripts.dispose();
if (outAt > 0) writeFileSync(process.argv[outAt + 1], JSON.stringify(profile));

const self = new Map<number, number>();
for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const node of profile.nodes) {
  const t = self.get(node.id) ?? 0;
  if (t === 0) continue;
  const f = node.callFrame;
  const file = f.url.replace(/^file:\/\//, '').replace(/^.*\/(src|node_modules)\//, '$1/') || '(vm)';
  const name = `${f.functionName || "(anonymous)"} ${file}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + t);
  byFile.set(file, (byFile.get(file) ?? 0) + t);
}
const top = (m: Map<string, number>, n: number) => [...m].sort((x, y) => y[1] - x[1]).slice(0, n);
console.log(`flow (${which}), ${instances.toLocaleString('en-US')} instances: ${seconds.toFixed(2)} s, ${Math.round(r.executions / seconds).toLocaleString('en-US')} flow-node executions/s`);
console.log('\nself time by function');
for (const [name, t] of top(byFunction, 30)) console.log(`${((100 * t) / total).toFixed(1).padStart(5)}%  ${name}`);
console.log('\nself time by file');
for (const [name, t] of top(byFile, 20)) console.log(`${((100 * t) / total).toFixed(1).padStart(5)}%  ${name}`);
console.log(JSON.stringify({ flow: which, instances, seconds: +seconds.toFixed(2), executionsPerSec: Math.round(r.executions / seconds) }));

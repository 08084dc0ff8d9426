import { compileDeployment, Deployments, parseBpmn, start } from '../engine';
import { flowA } from './engine-models';
import { CountingIds, ManualClock, SeededRandom } from '../host/clocks';
import { EngineHost } from '../host/engine-host';
import { FeelExpressions } from '../host/feel-expressions';
import { MemoryStore } from '../host/memory-store';
import type { StoreCommit } from '../host/store';
const expressions = new FeelExpressions();
const xml = flowA('feel');
const { definitions } = await parseBpmn(xml);
const { processes } = compileDeployment(definitions, { expressions });
const deployments = new Deployments(); deployments.deploy(processes.values());
const process = deployments.get('flowA')!;
class NullStore extends MemoryStore { async commit() {} }
class NoHist extends MemoryStore { async commit(c: StoreCommit) { return super.commit({ ...c, history: [], commands: [] }); } }
class NoInst extends MemoryStore { async commit(c: StoreCommit) { return super.commit({ ...c, instances: [] , history: []}); } }
let n = 0;
const step = () => { const t = performance.now(); for (let i = 0; i < 2000; i++) start(process, { variables: { amount: 150 }, instanceId: `i${n++}`, seed: n, now: 0 }, { clock: new ManualClock(0) }); return performance.now() - t; };
const hostB = async (S: typeof MemoryStore) => { const host = new EngineHost({ store: new S(), clock: new ManualClock(0), ids: new CountingIds(), random: new SeededRandom(1), expressions }); await host.deploy(xml); const t = performance.now(); for (let i = 0; i < 2000; i++) await host.startInstance('flowA', { variables: { amount: 150 } }); return performance.now() - t; };
const kinds: Record<string, typeof MemoryStore> = { mem: MemoryStore, nul: NullStore, nohist: NoHist, noinst: NoInst };
for (let i = 0; i < 3; i++) { step(); for (const k in kinds) await hostB(kinds[k]); }
const r: Record<string, number[]> = {};
for (let i = 0; i < 11; i++) for (const k in kinds) { const s = step(); (r[k] ??= []).push(await hostB(kinds[k]) / s); }
for (const k in r) { r[k].sort((a, b) => a - b); console.log(k, r[k][5].toFixed(2)); }

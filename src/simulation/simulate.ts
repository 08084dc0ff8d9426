import type { EngineContext, ExecutableProcess } from '../engine';
import { prepareProcess } from './prepare';
import { Rng } from './random';
import { runReplication } from './replication';
import type { LogEntry, ReplicationResult } from './replication';
import type { Scenario } from './scenario';
import type { Figure } from './summary';
import { figure, figureOf } from './summary';

export interface SimulationOptions {
  /** Compiled for this run: the runner adapts it to the scenario (see prepare.ts). */
  process: ExecutableProcess;
  scenario: Scenario;
  /** Scripts and decisions as in production; the clock is the simulator's. */
  ctx: Omit<EngineContext, 'clock'>;
  /** Default: the scenario's seed. */
  seed?: number;
  /** Instances per start event and replication; overrides the trigger counts. */
  instances?: number;
  /** Default: the scenario's replications. */
  replications?: number;
  /** Keep the simulated log (every task's enable, start and end). */
  log?: boolean;
}

/** The results, in the shape `flowdeck simulate --json` prints (times in seconds, utilization a fraction of 1). */
export interface SimulationResult {
  scenario: string;
  seed: number;
  replications: number;
  instances: { started: number; completed: number };
  process: { cycleTime: Figure; processingTime: Figure; waitingTime: Figure; cost: Figure };
  elements: Record<string, { count: number; duration: Figure; waitingTime: Figure; cost: Figure }>;
  resources: Record<string, { utilization: Figure; cost: Figure }>;
}

/** Besides the JSON results: what the CLI and the UI show around them. */
export interface SimulationReport {
  result: SimulationResult;
  idleTime: Figure;
  inProgress: number;
  /** Where the waiting is, worst first: activities with a mean resource wait above zero. */
  bottlenecks: Array<{ elementId: string; meanWaitingSeconds: number; share: number }>;
  incidents: Record<string, string>;
  notSimulated: string[];
  executions: number;
  log: LogEntry[];
}

/**
 * Runs a scenario's replications on the real engine and summarises them.
 *
 * @example
 * const { processes } = compileDeployment(definitions, { expressions });
 * const [scenario] = readScenarios(definitions);
 * const { result } = simulate({ process: processes.get('Order')!, scenario, ctx: { scripts } });
 * result.process.cycleTime.mean; // seconds
 */
export function simulate(o: SimulationOptions): SimulationReport {
  const scenario = o.scenario;
  const seed = o.seed ?? scenario.seed;
  const replications = o.replications ?? scenario.replications;
  let current = new Rng(seed);
  prepareProcess(o.process, scenario, () => current);
  const master = new Rng(seed);
  const ctx: EngineContext = { ...o.ctx, clock: { now: () => scenario.start } };
  const runs: ReplicationResult[] = [];
  for (let i = 0; i < replications; i++) {
    runs.push(runReplication({
      process: o.process, scenario, ctx, seed: master.int(), instances: o.instances ?? null, log: o.log ?? false,
      setRng: (rng) => { current = rng; },
    }));
  }
  return report(scenario, seed, runs);
}

function report(scenario: Scenario, seed: number, runs: ReplicationResult[]): SimulationReport {
  const n = runs.length;
  const avg = (f: (r: ReplicationResult) => number) => runs.reduce((a, r) => a + f(r), 0) / n;
  const ids = [...new Set(runs.flatMap((r) => [...r.elements.keys()]))];
  const elements: SimulationResult['elements'] = {};
  for (const id of ids) {
    const parts = runs.map((r) => r.elements.get(id));
    const pick = (k: 'duration' | 'waiting' | 'cost') => figure(parts.flatMap((p) => (p ? [p[k]] : [])));
    elements[id] = { count: avg((r) => r.elements.get(id)?.count ?? 0), duration: pick('duration'), waitingTime: pick('waiting'), cost: pick('cost') };
  }
  const resources: SimulationResult['resources'] = {};
  for (const id of Object.keys(scenario.resources)) {
    resources[id] = { utilization: figureOf(runs.map((r) => r.resources.get(id)?.utilization ?? 0)), cost: figureOf(runs.map((r) => r.resources.get(id)?.cost ?? 0)) };
  }
  const result: SimulationResult = {
    scenario: scenario.id,
    seed,
    replications: n,
    instances: { started: avg((r) => r.started), completed: avg((r) => r.completed) },
    process: {
      cycleTime: figure(runs.map((r) => r.cycleTime)),
      processingTime: figure(runs.map((r) => r.processingTime)),
      waitingTime: figure(runs.map((r) => r.waitingTime)),
      cost: figure(runs.map((r) => r.cost)),
    },
    elements,
    resources,
  };
  const totalWait = Object.values(elements).reduce((a, e) => a + e.waitingTime.mean * e.count, 0);
  const bottlenecks = Object.entries(elements)
    .filter(([, e]) => e.waitingTime.mean > 0)
    .map(([elementId, e]) => ({ elementId, meanWaitingSeconds: e.waitingTime.mean, share: totalWait > 0 ? (e.waitingTime.mean * e.count) / totalWait : 0 }))
    .sort((a, b) => b.share - a.share || (a.elementId < b.elementId ? -1 : 1));
  return {
    result,
    idleTime: figure(runs.map((r) => r.idleTime)),
    inProgress: avg((r) => r.inProgress),
    bottlenecks,
    incidents: Object.assign({}, ...runs.map((r) => r.incidents)) as Record<string, string>,
    notSimulated: scenario.notSimulated,
    executions: runs.reduce((a, r) => a + r.executions, 0),
    log: runs.flatMap((r) => r.log),
  };
}

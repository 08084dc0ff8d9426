import type { EngineContext, ExecutableProcess } from '../engine';
import { prepareProcess } from './prepare';
import { Rng } from './random';
import { distributionMean } from './distributions';
import { histogram } from './histogram';
import type { Histogram } from './histogram';
import { runReplication } from './replication';
import type { LogEntry, ReplicationProgress, ReplicationResult } from './replication';
import type { TimelineSample } from './timeline';
import type { Scenario } from './scenario';
import type { Figure } from './summary';
import { figure, figureOf } from './summary';

export interface SimulationOptions {
  /** Compiled for this run: the runner adapts it to the scenario (see prepare.ts). */
  process: ExecutableProcess;
  scenario: Scenario;
  /**
   * Processes that call activities start, by process id, compiled for this run like `process`
   * (e.g. every process of the model's deployment). A call to a process not here gives the call
   * activity an incident.
   */
  called?: ReadonlyMap<string, ExecutableProcess>;
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
  /** Progress of the running replication (for a progress bar and partial results). */
  onProgress?: (p: SimulationProgress) => void;
}

/** Where a run is: the replication under way (1-based) and its progress. */
export interface SimulationProgress extends ReplicationProgress {
  replication: number;
  replications: number;
  /** Instances each replication starts, when known (trigger counts or `instances`), else null. */
  expectedInstances: number | null;
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
  /** Messages and signals that reached nobody (`message order`), per replication on average. */
  undelivered: Record<string, number>;
  notSimulated: string[];
  executions: number;
  log: LogEntry[];
  /** Utilization and queue length per role over time, of the first replication. */
  timeline: TimelineSample[];
  /** Cycle times (seconds) of the kept samples, in bins, for a histogram. */
  cycleTimeHistogram: Histogram;
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
  const called = new Map(o.called ?? []);
  for (const [id, p] of called) {
    if (p === o.process || id === o.process.id) called.set(id, o.process);
    else prepareProcess(p, scenario, () => current);
  }
  const master = new Rng(seed);
  const ctx: EngineContext = { ...o.ctx, clock: { now: () => scenario.start } };
  const runs: ReplicationResult[] = [];
  const expected = expectedInstances(scenario, o.process, o.instances ?? null);
  const timelineIntervalMs = Math.max(1, horizonMs(scenario, o.instances ?? null) / 120);
  for (let i = 0; i < replications; i++) {
    const onProgress = o.onProgress;
    runs.push(runReplication({
      process: o.process, called, scenario, ctx, seed: master.int(), instances: o.instances ?? null, log: o.log ?? false,
      setRng: (rng) => { current = rng; },
      timelineIntervalMs,
      ...(onProgress ? { onProgress: (p: ReplicationProgress) => onProgress({ ...p, replication: i + 1, replications, expectedInstances: expected }) } : {}),
    }));
  }
  return report(scenario, seed, runs);
}

/**
 * Instances per replication when the trigger counts (or `instances`) bound every arrival and
 * nothing else starts cases (a start event with a definition and no arrivals: a timer on its own
 * schedule, a message or signal the model or a stream sends).
 */
function expectedInstances(s: Scenario, process: ExecutableProcess, instances: number | null): number | null {
  if (process.startEvents.some((n) => !s.arrivals.some((a) => a.startEventId === n.id))) return null;
  let n = 0;
  for (const a of s.arrivals) {
    const limit = instances ?? a.triggerCount;
    if (limit === null) return null;
    n += limit;
  }
  return n;
}

/** About how long a replication lasts (its Duration, else the arrivals' expected span), for the timeline's interval. */
function horizonMs(s: Scenario, instances: number | null): number {
  if (s.duration !== null) return s.duration;
  let span = 0;
  for (const a of s.arrivals) {
    const mean = distributionMean(a.interArrival.dist) * a.interArrival.scale;
    const limit = instances ?? a.triggerCount ?? 0;
    if (Number.isFinite(mean)) span = Math.max(span, mean * limit);
  }
  return span > 0 ? span : 3_600_000;
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
    undelivered: Object.fromEntries([...new Set(runs.flatMap((r) => Object.keys(r.undelivered)))].sort().map((k) => [k, avg((r) => r.undelivered[k] ?? 0)])),
    notSimulated: scenario.notSimulated,
    executions: runs.reduce((a, r) => a + r.executions, 0),
    // Each replication numbers its cases from 1: prefixed with the replication, a case of one is
    // never merged with the same number of another (exports, replay).
    log: runs.length <= 1 ? (runs[0]?.log ?? []) : runs.flatMap((r, i) => r.log.map((e) => ({ ...e, caseId: `${i + 1}-${e.caseId}` }))),
    timeline: runs[0]?.timeline ?? [],
    cycleTimeHistogram: histogram(runs.flatMap((r) => r.cycleTime.samples())),
  };
}

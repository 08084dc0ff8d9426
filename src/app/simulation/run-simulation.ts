import * as Comlink from 'comlink';
import type { SimulationOutcome, SimulationProgress, SimulationRequest, SimulationWorkerApi } from './protocol';

/** A run under way: its outcome, and cancel (which ends the worker at once). */
export interface RunningSimulation {
  done: Promise<SimulationOutcome | { ok: false; error: { code: 'canceled'; message: string } }>;
  cancel(): void;
}

/**
 * Runs a simulation in its own Web Worker, so the studio stays responsive. Progress arrives about
 * ten times a second. Cancel terminates the worker: a run is one synchronous loop that would not
 * read a cancel message before it ends.
 *
 * @example
 * const run = startSimulation({ xml, scenarioId: 'base', log: true }, (p) => setProgress(p));
 * const outcome = await run.done;
 */
export function startSimulation(request: SimulationRequest, onProgress: (p: SimulationProgress) => void): RunningSimulation {
  const worker = new Worker(new URL('../../../workers/simulation.worker.ts', import.meta.url), { type: 'module', name: 'flowdeck-simulation' });
  const api = Comlink.wrap<SimulationWorkerApi>(worker);
  let settle: (v: { ok: false; error: { code: 'canceled'; message: string } }) => void = () => undefined;
  const canceled = new Promise<{ ok: false; error: { code: 'canceled'; message: string } }>((resolve) => { settle = resolve; });
  const crashed = new Promise<SimulationOutcome>((resolve) => {
    worker.addEventListener('error', (e) => resolve({ ok: false, error: { code: 'failed', message: `the simulation worker stopped: ${e.message || 'unknown error'}` } }));
  });
  const run = api.run(request, Comlink.proxy(onProgress)).catch((error: unknown): SimulationOutcome => ({ ok: false, error: { code: 'failed', message: (error as Error).message } }));
  const done = Promise.race([run, crashed, canceled]).finally(() => worker.terminate());
  return {
    done,
    cancel() {
      worker.terminate();
      settle({ ok: false, error: { code: 'canceled', message: 'Canceled.' } });
    },
  };
}

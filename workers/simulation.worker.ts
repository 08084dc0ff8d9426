/// <reference lib="webworker" />
// The simulator's Worker: a thin comlink facade over src/simulation on the real engine (FEEL,
// DMN, QuickJS in this thread: a run is sequential, so script threads would only add hand-offs).
// One worker per run; the studio cancels by terminating it (a run is one synchronous loop).
import * as Comlink from 'comlink';
import { compileDeployment, parseBpmn, type ExecutableProcess } from '../src/engine';
import { createQuickJsScriptRunner, DmnDecisions, FeelExpressions } from '../src/host';
import { CalendarError, pickRun, readScenarios, ScenarioError, simulate } from '../src/simulation';
import type { SimulationOutcome, SimulationRequest, SimulationWorkerApi } from '../src/app/simulation/protocol';

const logger = { debug: () => undefined, warn: (msg: string) => console.warn(`[simulation] ${msg}`) };

const api: SimulationWorkerApi = {
  async run(req: SimulationRequest, onProgress): Promise<SimulationOutcome> {
    const t0 = performance.now();
    let parsed;
    try {
      parsed = await parseBpmn(req.xml);
    } catch (error) {
      return { ok: false, error: { code: 'model', message: `the file is not BPMN: ${(error as Error).message}` } };
    }
    const { processes, errors } = compileDeployment(parsed.definitions, { expressions: new FeelExpressions() });
    if (errors.length > 0) return { ok: false, error: { code: 'model', message: `the model cannot run: ${errors.map((e) => `${e.elementId}: ${e.message}`).join('; ')}` } };
    // Other files' processes, for call activities; one that cannot be read is named, not fatal.
    const called = new Map<string, ExecutableProcess>();
    const warnings: string[] = [];
    for (const file of req.bpmn ?? []) {
      try {
        const other = compileDeployment((await parseBpmn(file.xml)).definitions, { expressions: new FeelExpressions() });
        if (other.errors.length > 0) warnings.push(`${file.name}: its processes cannot run (${other.errors.map((e) => `${e.elementId}: ${e.message}`).join('; ')}), so call activities cannot start them`);
        else for (const [id, p] of other.processes) if (!processes.has(id)) called.set(id, p);
      } catch (error) {
        warnings.push(`${file.name}: not BPMN (${(error as Error).message}), so call activities cannot start its processes`);
      }
    }
    for (const [id, p] of processes) called.set(id, p);
    const decisions = new DmnDecisions();
    const scripts = await createQuickJsScriptRunner({ logger });
    try {
      const deployed: Record<string, number> = {};
      for (const d of req.dmn ?? []) Object.assign(deployed, (await decisions.deploy(d)).versions);
      // The project's DMN files count as deployed with the model (bindingType deployment).
      for (const p of called.values()) decisions.bindDeployment(p.id, p.version, deployed);
      const { scenario, process } = pickRun(readScenarios(parsed.definitions), [...processes.values()], req.scenarioId);
      // At most ten posts a second: the page only redraws a progress bar.
      let last = 0;
      const progress = (p: Parameters<typeof onProgress>[0]) => {
        const now = performance.now();
        if (now - last < 100) return;
        last = now;
        void onProgress(p);
      };
      const { log, ...report } = simulate({ process, called, scenario, ctx: { scripts, decisions, logger }, seed: req.seed, instances: req.instances, replications: req.replications, log: req.log, onProgress: progress });
      return { ok: true, report, log, ms: performance.now() - t0, ...(warnings.length > 0 ? { warnings } : {}) };
    } catch (error) {
      const scenarioError = error instanceof ScenarioError || error instanceof CalendarError;
      return { ok: false, error: { code: scenarioError ? 'scenario' : 'failed', message: (error as Error).message } };
    } finally {
      scripts.dispose();
    }
  },
};

Comlink.expose(api);

import type { LogEntry, SimulationProgress, SimulationReport } from '../../simulation';

/** What the studio asks the simulation worker to run. */
export interface SimulationRequest {
  /** The BPMN file's XML, with its BPSim scenarios. */
  xml: string;
  scenarioId: string;
  /** Instances per start event and replication (overrides trigger counts). */
  instances?: number;
  seed?: number;
  replications?: number;
  /** DMN files the model's business rule tasks call. */
  dmn?: string[];
  /** The project's other BPMN files: processes the model's call activities may start (the model's own win on a clash). */
  bpmn?: Array<{ name: string; xml: string }>;
  /** Keep the simulated log for export. */
  log: boolean;
}

/** The report without the parts that are heavy to clone, plus the log when asked for. */
export type SimulationOutcome =
  | { ok: true; report: Omit<SimulationReport, 'log'>; log: LogEntry[]; ms: number; warnings?: string[] }
  | { ok: false; error: { code: 'scenario' | 'model' | 'failed'; message: string } };

export type { SimulationProgress };

/** The worker's comlink facade. */
export interface SimulationWorkerApi {
  run(request: SimulationRequest, onProgress: (p: SimulationProgress) => void): Promise<SimulationOutcome>;
}

import type { Summary } from './summary';
import type { TimelineSample } from './timeline';

/** One row of the simulated log (Prosimos CSV columns; times epoch ms). */
export interface LogEntry {
  caseId: string;
  activity: string;
  enableTime: number;
  startTime: number;
  endTime: number;
  resource: string;
}

export interface ElementFigures {
  count: number;
  duration: Summary;
  waiting: Summary;
  cost: Summary;
}

/** What one replication measured. Only counted instances (started after the warm-up) are in the figures. */
export interface ReplicationResult {
  started: number;
  completed: number;
  inProgress: number;
  incidents: Record<string, string>;
  /** Messages and signals (`message order`, `signal go`) that reached no wait and started no case, by count. */
  undelivered: Record<string, number>;
  cycleTime: Summary;
  processingTime: Summary;
  waitingTime: Summary;
  idleTime: Summary;
  cost: Summary;
  elements: Map<string, ElementFigures>;
  resources: Map<string, { utilization: number; cost: number; busyMs: number }>;
  /** Flow-node executions (elements completed), for the benchmark. */
  executions: number;
  /** Simulated time the replication ended at. */
  endTime: number;
  log: LogEntry[];
  /** Utilization and queue length per role over time (empty without roles). */
  timeline: TimelineSample[];
}

/** Where a running replication is, for a progress bar and partial results. */
export interface ReplicationProgress {
  started: number;
  completed: number;
  /** Simulated time reached (epoch ms). */
  now: number;
  /** Mean cycle time of the instances completed so far (seconds). */
  cycleTimeMean: number;
}

/** Progress is reported every this many events (cheap enough to post from a worker). */
export const PROGRESS_EVERY = 4096;

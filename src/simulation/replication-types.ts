import type { Effect, EngineContext, ExecutableProcess, InstanceState, Variables } from '../engine';
import type { Pool, QueuedWork } from './resources';
import type { Rng } from './random';
import type { ReplicationProgress } from './results';
import type { TimerSchedule } from '../engine/timers';
import type { ActivityParameters, Arrival, Scenario, Stream } from './scenario';

/* The replication's data: cases and child instances, work items, events, options (replication.ts). */

export interface SimInstance {
  /** Unique in the run (the log's case id): a case's number in arrival order; a child's named under its parent's (`17-call-1`). */
  id: string;
  /** The engine's instance id: a finished case's is handed out again (scripts see `VisibleIds`); a child's is the one its parent's step named. */
  engineId: string;
  process: ExecutableProcess;
  /** A call activity's child: the instance that called it (its figures roll up there); null for a case. */
  parent: SimInstance | null;
  /** Child instances still running, by engine id. */
  children: Map<string, SimInstance>;
  state: InstanceState;
  startedAt: number;
  counted: boolean;
  processing: number;
  waiting: number;
  idle: number;
  cost: number;
  /** Entry time by element instance id (the engine numbers them 1, 2, 3… per instance). */
  entered: number[];
  /** Work by job key / task id / continuation key. */
  work: Map<string, Work>;
}

export interface Work extends QueuedWork {
  instance: SimInstance;
  key: string;
  kind: 'job' | 'task' | 'async';
  elementId: string;
  params: ActivityParameters | null;
  units: Array<[Pool<Work>, number[]]>;
  startedAt: number;
  workMs: number;
  cost: number;
}

export type Event =
  | { t: number; seq: number; kind: 'arrival'; arrival: Arrival; n: number }
  | { t: number; seq: number; kind: 'enqueue' | 'workEnd' | 'complete'; work: Work }
  | { t: number; seq: number; kind: 'timer'; instance: SimInstance; key: string }
  /** A message or signal for the open subscription `key` of a catching element with a simulated arrival. */
  | { t: number; seq: number; kind: 'message' | 'signal'; instance: SimInstance; key: string }
  | { t: number; seq: number; kind: 'wake'; pool: Pool<Work> }
  /** A message or signal the model threw, delivered after the step that threw it was taken in; `depth`: its place in a chain of throws. */
  | { t: number; seq: number; kind: 'publish'; name: string; correlationKey: string; variables: Variables; depth: number }
  | { t: number; seq: number; kind: 'broadcast'; name: string; variables: Variables; depth: number }
  /** The `n`th trigger of a global message or signal stream (ADR 0175). */
  | { t: number; seq: number; kind: 'stream'; stream: Stream; n: number }
  /** A timer start event's `n`th fire, due at `t` on its schedule. */
  | { t: number; seq: number; kind: 'timerStart'; elementId: string; schedule: TimerSchedule; n: number }
  /** A call activity's request, or a child's answer to its parent, taken in after the step that made it. */
  | { t: number; seq: number; kind: 'call'; instance: SimInstance; effect: CallEffect };

export type CallEffect = Extract<Effect, { type: 'startChildInstance' | 'notifyParent' | 'errorToParent' | 'escalationToParent' | 'cancelChildInstance' }>;

export interface ReplicationOptions {
  process: ExecutableProcess;
  /** Processes call activities start, by process id (prepared like `process`). */
  called: ReadonlyMap<string, ExecutableProcess>;
  scenario: Scenario;
  ctx: EngineContext;
  seed: number;
  /** Per start event; overrides its trigger count. */
  instances: number | null;
  log: boolean;
  /** Draws of the branch conditions come from here (prepare.ts reads it through a getter). */
  setRng: (rng: Rng) => void;
  /** Sampling interval of the role timeline (ms of simulated time); it widens for long runs. */
  timelineIntervalMs?: number;
  /** Called every {@link PROGRESS_EVERY} events and once at the end. */
  onProgress?: (p: ReplicationProgress) => void;
}


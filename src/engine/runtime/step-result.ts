import type { HistoryEvent } from '../history/events';
import type { Effect } from './effects';
import type { InstanceState, Variables } from './state';

/**
 * One entry of an instance's command log: what was applied, when. Re-running the log with
 * {@link replayLog} reproduces the instance's history exactly (the step is deterministic).
 */
export interface CommandRecord {
  instanceId: string;
  /** 1-based, gap-free per instance (the start is 1). */
  n: number;
  /** The step's time. */
  time: number;
  /** The command as applied: plain JSON (a `start` record holds the start options). */
  command: { type: string } & Record<string, unknown>;
  /**
   * The record's place in its store's one order of all command records, across instances (a
   * store-wide counter taken at commit, in the order the host applied the steps): the common
   * order of an instance tree's logs (a fork across a call activity). Set by the store, never
   * by the engine; absent on records written before stores kept it.
   */
  order?: number;
}

/** The outcome of one pure step: the next state, what the host must do, what happened, and the log entry. */
export interface StepResult {
  state: InstanceState;
  effects: Effect[];
  history: HistoryEvent[];
  record: CommandRecord;
}

export interface StartOptions {
  variables?: Variables;
  businessKey?: string | null;
  /** Set by the host when a call activity asked for this instance (see `startChildInstance`). */
  parent?: { instanceId: string; elementInstanceId: string } | null;
  /** Call activities above this instance (set by the host from `startChildInstance`). */
  callDepth?: number;
  /** Defaults to `ids.next('instance')`. */
  instanceId?: string;
  /** The instance's random seed (script seeds come from it); default: derived from the instance id. */
  seed?: number;
  /** The step's time; default `ctx.clock.now()`. */
  now?: number;
  /** Start at this start event instead of the process's none start event (message, timer, signal starts). */
  startEventId?: string;
  /** See {@link HistoryMode}; default `full`. */
  history?: HistoryMode;
}

/**
 * What a step records in `history`. `full`: everything (what stores keep and replay reproduces).
 * `elements`: only `elementEntered`, `elementCompleted`, `elementTerminated`, `incidentRaised`
 * and `instanceCompleted`/`instanceCanceled` (what the simulator's figures need); the state,
 * the effects and the event sequence numbers are the same as with `full`, so a simulator that
 * keeps no log does not build and collect the other events.
 */
export type HistoryMode = 'full' | 'elements';


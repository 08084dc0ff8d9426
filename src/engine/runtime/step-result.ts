import type { HistoryEvent } from '../history/events';
import type { Effect } from './effects';
import type { InstanceState, Variables } from './state';

/** The outcome of one pure step: the next state, what the host must do, and what happened. */
export interface StepResult {
  state: InstanceState;
  effects: Effect[];
  history: HistoryEvent[];
}

export interface StartOptions {
  variables?: Variables;
  businessKey?: string | null;
  /** Set by the host when a call activity asked for this instance (see `startChildInstance`). */
  parent?: { instanceId: string; elementInstanceId: string } | null;
  /** Defaults to `ids.next('instance')`. */
  instanceId?: string;
}

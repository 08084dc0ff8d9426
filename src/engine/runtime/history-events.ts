import type { HistoryEvent } from '../history/events';

/** What the builders below need of a step (structural, so this file imports no runtime module). */
interface Emitter {
  readonly state: { seq: number; readonly instanceId: string };
  readonly now: number;
  readonly history: HistoryEvent[];
  /** A reduced history (see `HistoryMode`): flows taken and variables set are not recorded. */
  readonly reduced: boolean;
}

/*
 * The most frequent history events, each built as one object literal with every field, in the
 * order `Step.emit` gives them (body, then seq, time, instanceId). `emit` adds the three base
 * fields to the body afterwards, which makes V8 give each event a second object for them; a host
 * that keeps the history (every store does) then keeps and garbage-collects twice the objects.
 */

export function emitElementEvent(
  step: Emitter, type: 'elementEntered' | 'elementCompleted' | 'elementTerminated', elementId: string, elementInstanceId: string, scopeId: string | null,
): void {
  const { state } = step;
  step.history.push({ type, elementId, elementInstanceId, scopeId, seq: ++state.seq, time: step.now, instanceId: state.instanceId });
}

export function emitFlowTaken(step: Emitter, flowId: string, elementInstanceId: string | null, scopeId: string | null): void {
  const { state } = step;
  if (step.reduced) {
    ++state.seq;
    return;
  }
  step.history.push({ type: 'flowTaken', flowId, elementInstanceId, scopeId, seq: ++state.seq, time: step.now, instanceId: state.instanceId });
}

/** A variable set; `created`: it had no value before (the event then has no `oldValue`). */
export function emitVariableSet(step: Emitter, name: string, scopeId: string | null, created: boolean, oldValue: unknown, newValue: unknown): void {
  const { state } = step;
  if (step.reduced) {
    ++state.seq;
    return;
  }
  step.history.push(created
    ? { type: 'variableSet', name, scopeId, newValue, seq: ++state.seq, time: step.now, instanceId: state.instanceId }
    : { type: 'variableSet', name, scopeId, oldValue, newValue, seq: ++state.seq, time: step.now, instanceId: state.instanceId });
}

import type { NodeDef } from '../model/types';
import type { LifecycleHooks } from '../runtime/element-type';
import type { Compensable, CompensationRun, CompensationState, ElementInstance } from '../runtime/state';
import type { Step } from '../runtime/step';

/*
 * Compensation as the BPMN standard has it (not Zeebe's "every handler at once"):
 * - Recording: when an activity that can be compensated completes (it has a compensation boundary
 *   event, or is a subprocess with a compensation event subprocess or with compensable completions
 *   inside), a record of that completion goes into `state.compensation.records`, in its scope. A
 *   subprocess takes the records of its inside along (`inner`); a multi-instance body hands its
 *   iterations' records to its own scope, one per completed iteration (also when the rest of it is
 *   terminated). Records of any other scope that is terminated go with it: only completed work is
 *   compensated.
 * - Running: a compensation throw (or a transaction's cancel) takes the records of one scope (or
 *   of one activity there), removes them (each completion is compensated once) and runs them one
 *   at a time, latest completion first. A record with a handler enters the handler in the record's
 *   scope with the completion's local variables; a subprocess record opens the subprocess again as
 *   a compensation scope and runs its compensation event subprocess, or else its inner records in
 *   turn. The element instance that asked waits (`runs`, keyed by its id) until the last handler is
 *   done. Everything is plain JSON in the instance state, so a run survives being stored between
 *   two handlers (a handler may wait for a job or a user task).
 */

function compensationOf(step: Step): CompensationState {
  return (step.state.compensation ??= { records: [], runs: {} });
}

/**
 * Takes out the records of what completed in `scopeId` (only `activityRef` there, when given),
 * latest first: each completion is compensated once.
 */
export function pickCompensation(step: Step, scopeId: string | null, activityRef: string | null): Compensable[] {
  const comp = step.state.compensation;
  if (!comp) return [];
  const picked: Compensable[] = [];
  const kept: Compensable[] = [];
  for (const r of comp.records) {
    if (r.scopeId === scopeId && (activityRef === null || r.elementId === activityRef)) picked.push(r);
    else kept.push(r);
  }
  if (picked.length > 0) comp.records = kept;
  return picked.reverse();
}

/** Runs the handlers of `picked` one after the other for `owner`, which waits (nothing to run: returns false). */
export function runCompensation(step: Step, owner: ElementInstance, picked: Compensable[], then: CompensationRun['then']): boolean {
  if (picked.length === 0) return false;
  compensationOf(step).runs[owner.id] = { then, queue: picked };
  runNext(step, owner.id);
  return true;
}

/** Where a compensation throw at `ei` compensates: its scope, or, in a compensation event subprocess, the subprocess it compensates. */
export function compensationScopeOf(step: Step, ei: ElementInstance): string | null {
  let scopeId = ei.parentId;
  while (scopeId !== null) {
    const scope = step.state.elements[scopeId];
    if (!scope || !isCompensationEventSubprocess(step.node(scope.elementId), step)) break;
    scopeId = scope.parentId;
  }
  return scopeId;
}

function isCompensationEventSubprocess(node: NodeDef, step: Step): boolean {
  return node.triggeredByEvent && node.eventStarts.some((id) => step.node(id).events.some((d) => d.kind === 'compensate'));
}

function runNext(step: Step, ownerId: string): void {
  const comp = compensationOf(step);
  const run = comp.runs[ownerId];
  const owner = step.state.elements[ownerId];
  if (!run || !owner) return;
  const item = run.queue.shift();
  if (!item) {
    delete comp.runs[ownerId];
    // A waiting thrower moves on; a scope completes by itself once empty.
    if (run.then === 'complete') step.complete(owner);
    return;
  }
  const node = step.node(item.elementId);
  const handlerId = node.compensation?.handlerId ?? null;
  if (handlerId !== null) {
    const handler = step.enter(step.node(handlerId), item.scopeId, undefined, item.variables);
    handler.helps = ownerId;
    step.emit({ type: 'compensating', elementId: item.elementId, elementInstanceId: item.elementInstanceId, handlerId, handlerInstanceId: handler.id });
    return;
  }
  // A subprocess: opened again, it compensates what completed inside it.
  const scope = step.openScope(node, item.scopeId, item.variables);
  scope.helps = ownerId;
  scope.compensationScope = true;
  step.emit({ type: 'compensating', elementId: item.elementId, elementInstanceId: item.elementInstanceId, handlerId: node.compensation?.eventSubprocessId ?? null, handlerInstanceId: scope.id });
  for (const r of item.inner ?? []) comp.records.push({ ...r, scopeId: scope.id });
  const espId = node.compensation?.eventSubprocessId ?? null;
  if (espId !== null) {
    const esp = step.node(espId);
    const entered = step.enter(esp, scope.id);
    entered.startAt = esp.eventStarts[0];
    entered.pending = {};
  } else if (!runCompensation(step, scope, pickCompensation(step, scope.id, null), 'scope')) {
    step.complete(scope);
  }
}

/** A compensation handler or scope completed: what it left uncompensated goes, and its run goes on. */
function helperDone(step: Step, helper: ElementInstance): void {
  dropRecordsOf(step, helper.id);
  runNext(step, helper.helps as string);
}

function dropRecordsOf(step: Step, scopeId: string): void {
  const comp = step.state.compensation;
  if (!comp || comp.records.length === 0) return;
  let found = false;
  for (const r of comp.records) if (r.scopeId === scopeId) found = true;
  if (found) comp.records = comp.records.filter((r) => r.scopeId !== scopeId);
}

function takeRecordsOf(comp: CompensationState | undefined, scopeId: string): Compensable[] | undefined {
  if (!comp || comp.records.length === 0) return undefined;
  const inner: Compensable[] = [];
  const kept: Compensable[] = [];
  for (const r of comp.records) (r.scopeId === scopeId ? inner : kept).push(r);
  if (inner.length === 0) return undefined;
  comp.records = kept;
  return inner;
}

/** Recording what completes, and the runs' progress (handed to the kernel through the registry). */
export const compensationLifecycle: LifecycleHooks = {
  completed(step, ei, node) {
    if (ei.helps !== undefined) {
      helperDone(step, ei);
      return;
    }
    const comp = step.state.compensation;
    if (ei.body) {
      // The iterations' records now belong to the activity's scope, one per completed iteration.
      if (comp) for (const r of comp.records) if (r.scopeId === ei.id) r.scopeId = ei.parentId;
      return;
    }
    let inner = node.behaviour.container ? takeRecordsOf(comp, ei.id) : undefined;
    const def = node.compensation;
    // A handler of its own compensates the whole activity: what completed inside is not compensated apart.
    if (def?.handlerId) inner = undefined;
    if (!def?.handlerId && !def?.eventSubprocessId && !inner) return;
    const record: Compensable = { elementId: node.id, elementInstanceId: ei.id, scopeId: ei.parentId };
    if (ei.variables) record.variables = ei.variables;
    if (inner) record.inner = inner;
    compensationOf(step).records.push(record);
  },
  terminated(step, ei) {
    const comp = step.state.compensation;
    // Iterations that completed are completed work even when the rest of their activity is
    // terminated (a transaction canceled part-way through a multi-instance booking): they stay
    // compensable in the activity's scope. Anything else inside a terminated scope goes with it.
    if (ei.body && comp) {
      for (const r of comp.records) if (r.scopeId === ei.id) r.scopeId = ei.parentId;
    } else dropRecordsOf(step, ei.id);
    if (comp?.runs[ei.id]) delete comp.runs[ei.id];
  },
};

import type { MultiInstanceDef, NodeDef, StandardLoopDef } from '../model/types';
import { evalCondition, evalIn, evalWith } from '../runtime/evaluate';
import { ElementFailure } from '../runtime/failure';
import type { Step } from '../runtime/step';
import type { ElementInstance, LoopBodyState, Variables } from '../runtime/state';
import { setPropagating, visibleVariables } from '../runtime/variables';

/*
 * Multi-instance and standard loops. The activity gets a body element instance (same element id,
 * `ei.body` set) whose children are the inner instances (`ei.loopIndex` set), as in Zeebe.
 * Inner instances carry `loopCounter` (1-based) and the `inputElement` as local variables; the
 * completion condition also sees numberOfInstances, numberOfActiveInstances and
 * numberOfCompletedInstances. The output collection is kept in the body and written to the
 * enclosing scope once, when the body completes.
 */

export function activateBody(step: Step, body: ElementInstance, node: NodeDef): void {
  const loop = node.loop as MultiInstanceDef | StandardLoopDef;
  const state = body.body as LoopBodyState;
  if (loop.type === 'standardLoop') {
    state.kind = 'standardLoop';
    state.total = loop.loopMaximum ?? -1;
    if (loop.testBefore && loop.loopCondition && !evalCondition(step, loop.loopCondition, visibleVariables(step, body.id), `loop condition of ${node.id}`)) {
      step.complete(body);
      return;
    }
    if (state.total === 0) step.complete(body);
    else startInner(step, body, node, state, null);
    return;
  }
  let items: unknown[] | null = null;
  let total: number;
  if (loop.inputCollection) {
    const value = evalIn(step, loop.inputCollection, body.id, `inputCollection of ${node.id}`);
    if (!Array.isArray(value)) throw new ElementFailure('extract', `inputCollection of ${node.id} evaluated to ${JSON.stringify(value ?? null)}, expected a list`);
    items = value;
    total = value.length;
  } else {
    const value = loop.cardinality ? evalIn(step, loop.cardinality, body.id, `loopCardinality of ${node.id}`) : null;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new ElementFailure('extract', `loopCardinality of ${node.id} evaluated to ${JSON.stringify(value ?? null)}, expected a whole number`);
    total = value;
  }
  state.kind = loop.sequential ? 'sequential' : 'parallel';
  state.total = total;
  if (loop.outputCollection) state.outputs = new Array<unknown>(total).fill(null);
  if (loop.sequential) state.items = items;
  if (total === 0) {
    step.complete(body);
    return;
  }
  if (loop.sequential) startInner(step, body, node, state, items);
  else for (let i = 0; i < total; i++) startInner(step, body, node, state, items);
}

function startInner(step: Step, body: ElementInstance, node: NodeDef, state: LoopBodyState, items: unknown[] | null): void {
  const index = state.started++;
  state.active++;
  const vars: Variables = { loopCounter: index + 1 };
  const loop = node.loop as MultiInstanceDef | StandardLoopDef;
  if (loop.type === 'multiInstance' && loop.inputElement) vars[loop.inputElement] = items ? items[index] : null;
  step.enter(node, body.id, index, vars);
}

/** While the inner instance's scope still exists: collect its output and decide whether the loop stops. */
export function beforeInnerRemoved(step: Step, inner: ElementInstance, node: NodeDef): boolean {
  const body = step.state.elements[inner.parentId as string];
  const state = body.body as LoopBodyState;
  const loop = node.loop as MultiInstanceDef | StandardLoopDef;
  if (loop.type === 'standardLoop') {
    const done = state.started;
    if (state.total >= 0 && done >= state.total) return true;
    // Without a condition the loop runs loopMaximum times (compile ensures one of them exists).
    if (!loop.loopCondition) return false;
    return !evalCondition(step, loop.loopCondition, visibleVariables(step, inner.id), `loop condition of ${node.id}`);
  }
  if (loop.outputElement && state.outputs) {
    state.outputs[inner.loopIndex as number] = evalIn(step, loop.outputElement, inner.id, `outputElement of ${node.id}`) ?? null;
  }
  if (!loop.completionCondition) return false;
  const vars = {
    ...visibleVariables(step, inner.id),
    numberOfInstances: state.total,
    numberOfActiveInstances: state.active - 1,
    numberOfCompletedInstances: state.completed + 1,
  };
  const { value } = evalWith(step, loop.completionCondition, vars, `completionCondition of ${node.id}`);
  if (typeof value !== 'boolean') throw new ElementFailure('condition', `completionCondition of ${node.id} evaluated to ${JSON.stringify(value ?? null)}, expected a boolean`);
  return value;
}

export function innerCompleted(step: Step, body: ElementInstance, inner: ElementInstance, stop: boolean): void {
  const state = body.body as LoopBodyState;
  state.active--;
  state.completed++;
  const node = step.node(inner.elementId);
  if (stop) {
    if (body.children > 0) step.terminateScope(body.id);
    step.complete(body);
    return;
  }
  if (state.kind === 'standardLoop') startInner(step, body, node, state, null);
  else if (state.kind === 'sequential' && state.started < state.total) startInner(step, body, node, state, state.items);
  else if (state.active === 0 && state.started === state.total) step.complete(body);
}

/** The body completes: its output collection goes to the enclosing scope. */
export function bodyOutput(step: Step, body: ElementInstance, node: NodeDef): void {
  const loop = node.loop;
  const state = body.body as LoopBodyState;
  if (loop?.type === 'multiInstance' && loop.outputCollection) {
    setPropagating(step, body.parentId, loop.outputCollection, state.outputs ?? []);
  }
}

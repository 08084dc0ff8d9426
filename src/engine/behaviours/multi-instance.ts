import { ext, formal, str } from '../model/extensions';
import type { MultiInstanceDef, NodeDef } from '../model/types';
import type { LoopType } from '../runtime/element-type';
import { evalIn, evalWith } from '../runtime/evaluate';
import { ElementFailure } from '../runtime/failure';
import type { ElementInstance, LoopBodyState, Variables } from '../runtime/state';
import type { Step } from '../runtime/step';
import { setPropagating, visibleVariables } from '../runtime/variables';

/*
 * Multi-instance activities, as in Zeebe: the activity gets a body element instance (same element
 * id, `ei.body` set) whose children are the inner instances (`ei.loopIndex` set). Inner instances
 * carry `loopCounter` (1-based) and the `inputElement` as local variables; the completion condition
 * also sees numberOfInstances, numberOfActiveInstances and numberOfCompletedInstances. Each inner
 * instance's `outputElement` lands at its index of the output collection, which the body writes
 * to the enclosing scope once, when it completes.
 */

const PATH = /^\s*([A-Za-z_$][\w$]*)(?:\.[A-Za-z_$][\w$]*)*\s*$/;

export const multiInstance: LoopType = {
  compile(loop, _el, node, cx) {
    const id = node.id;
    const z = ext(loop, 'zeebe:LoopCharacteristics');
    const inputCollection = cx.exprs.expr(id, 'inputCollection', str(z, 'inputCollection'));
    const cardinality = cx.exprs.expr(id, 'loopCardinality', formal(loop, 'loopCardinality'));
    if (!inputCollection && !cardinality && !str(z, 'inputCollection') && !formal(loop, 'loopCardinality')) {
      cx.report(id, 'multi-instance needs zeebe:loopCharacteristics inputCollection or loopCardinality');
    }
    const outputElement = cx.exprs.expr(id, 'outputElement', str(z, 'outputElement'));
    const def: MultiInstanceDef = {
      type: 'multiInstance',
      sequential: loop.isSequential === true,
      inputCollection,
      inputElement: str(z, 'inputElement') ?? null,
      outputCollection: str(z, 'outputCollection') ?? null,
      outputElement,
      outputVariable: outputElement ? (PATH.exec(outputElement.source)?.[1] ?? null) : null,
      cardinality,
      completionCondition: cx.exprs.expr(id, 'completionCondition', formal(loop, 'completionCondition')),
    };
    node.loop = def;
  },

  activateBody(step, body, node) {
    const loop = node.loop as MultiInstanceDef;
    const state = body.body as LoopBodyState;
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
    // All at once or not at all: a body that cannot hold its iterations fails before starting any.
    if (!loop.sequential && step.state.liveElements + total > step.maxElements) {
      throw new ElementFailure('budget', `${node.id} would start ${total} parallel instances, beyond the limit of ${step.maxElements} live element instances`);
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
  },

  beforeInnerRemoved(step, inner, node) {
    const body = step.state.elements[inner.parentId as string];
    const state = body.body as LoopBodyState;
    const loop = node.loop as MultiInstanceDef;
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
  },

  innerCompleted(step, body, inner, stop) {
    const state = body.body as LoopBodyState;
    state.active--;
    state.completed++;
    if (stop) {
      if (body.children > 0) step.terminateScope(body.id);
      step.complete(body);
      return;
    }
    if (state.kind === 'sequential' && state.started < state.total) startInner(step, body, step.node(inner.elementId), state, state.items);
    else if (state.active === 0 && state.started === state.total) step.complete(body);
  },

  bodyOutput(step, body, node) {
    const loop = node.loop as MultiInstanceDef;
    if (loop.outputCollection) setPropagating(step, body.parentId, loop.outputCollection, (body.body as LoopBodyState).outputs ?? []);
  },
};

function startInner(step: Step, body: ElementInstance, node: NodeDef, state: LoopBodyState, items: unknown[] | null): void {
  const index = state.started++;
  state.active++;
  const loop = node.loop as MultiInstanceDef;
  const vars: Variables = { loopCounter: index + 1 };
  if (loop.inputElement) vars[loop.inputElement] = items ? items[index] : null;
  // As Zeebe does: an outputElement that names a variable starts as a local null of the inner
  // instance, so the inner activity's result (a job's, a script's) lands there and not in a shared
  // outer scope where the other iterations would overwrite it.
  if (loop.outputVariable && !(loop.outputVariable in vars)) vars[loop.outputVariable] = null;
  step.enter(node, body.id, index, vars);
}

import type { NodeDef } from '../model/types';
import { emitElementEvent } from './history-events';
import { ElementFailure } from './failure';
import type { ElementInstance, Variables } from './state';
import type { Step } from './step';
import { setAll } from './variables';

/**
 * Creates an element instance of `node` in scope `scopeId` (counted against the instance's limit
 * of live element instances), with `variables` as its locals. `loop`: an activity with a loop gets
 * its body (a reopened compensation scope does not). The caller decides whether it is activated.
 */
export function createElementInstance(step: Step, node: NodeDef, scopeId: string | null, loopIndex: number | undefined, variables: Variables | undefined, loop: boolean): ElementInstance {
  const state = step.state;
  if (state.liveElements >= step.maxElements) {
    throw new ElementFailure('budget', `the instance already holds ${state.liveElements} live element instances (the limit is ${step.maxElements}); ${node.id} was not entered`);
  }
  state.liveElements++;
  const id = String(++state.elementCounter);
  const ei: ElementInstance = { id, elementId: node.id, parentId: scopeId, status: 'active', children: 0 };
  if (loop && node.loop && loopIndex === undefined) ei.body = { kind: 'parallel', items: null, total: 0, started: 0, active: 0, completed: 0 };
  if (loopIndex !== undefined) ei.loopIndex = loopIndex;
  state.elements[id] = ei;
  if (scopeId !== null) state.elements[scopeId].children++;
  emitElementEvent(step, 'elementEntered', node.id, id, scopeId);
  if (variables) setAll(step, id, variables, true);
  return ei;
}

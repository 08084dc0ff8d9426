import { formal } from '../model/extensions';
import type { StandardLoopDef } from '../model/types';
import type { LoopType } from '../runtime/element-type';
import { evalCondition } from '../runtime/evaluate';
import type { LoopBodyState } from '../runtime/state';
import { visibleVariables } from '../runtime/variables';

/*
 * Standard loop (BPMN `standardLoopCharacteristics`; Zeebe has none): the activity runs again while
 * its loopCondition holds, at most loopMaximum times, testing before or after each iteration. Like
 * a sequential multi-instance it has a body whose child is the current iteration (`loopCounter`).
 */
export const standardLoop: LoopType = {
  compile(loop, _el, node, cx) {
    const max = loop.loopMaximum;
    if (!formal(loop, 'loopCondition') && (max === undefined || max === null || max === '')) {
      cx.report(node.id, 'a standard loop needs a loopCondition or a loopMaximum');
    }
    const def: StandardLoopDef = {
      type: 'standardLoop',
      loopCondition: cx.exprs.expr(node.id, 'loopCondition', formal(loop, 'loopCondition')),
      loopMaximum: typeof max === 'number' ? max : typeof max === 'string' && max !== '' ? Number(max) : null,
      testBefore: loop.testBefore === true,
    };
    node.loop = def;
  },

  activateBody(step, body, node) {
    const loop = node.loop as StandardLoopDef;
    const state = body.body as LoopBodyState;
    state.kind = 'standardLoop';
    state.total = loop.loopMaximum ?? -1;
    if (loop.testBefore && loop.loopCondition && !evalCondition(step, loop.loopCondition, visibleVariables(step, body.id), `loop condition of ${node.id}`)) {
      step.complete(body);
      return;
    }
    if (state.total === 0) step.complete(body);
    else startIteration(step, body.id, node, state);
  },

  beforeInnerRemoved(step, inner, node) {
    const body = step.state.elements[inner.parentId as string];
    const state = body.body as LoopBodyState;
    const loop = node.loop as StandardLoopDef;
    if (state.total >= 0 && state.started >= state.total) return true;
    // Without a condition the loop runs loopMaximum times (compile ensures one of them exists).
    if (!loop.loopCondition) return false;
    return !evalCondition(step, loop.loopCondition, visibleVariables(step, inner.id), `loop condition of ${node.id}`);
  },

  innerCompleted(step, body, inner, stop) {
    const state = body.body as LoopBodyState;
    state.active--;
    state.completed++;
    if (stop) step.complete(body);
    else startIteration(step, body.id, step.node(inner.elementId), state);
  },

  bodyOutput() {},
};

function startIteration(step: Parameters<LoopType['activateBody']>[0], bodyId: string, node: Parameters<LoopType['activateBody']>[2], state: LoopBodyState): void {
  const index = state.started++;
  state.active++;
  step.enter(node, bodyId, index, { loopCounter: index + 1 });
}

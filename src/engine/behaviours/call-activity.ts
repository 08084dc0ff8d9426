import type { Behaviour } from './behaviour';
import { resolveValue } from '../runtime/evaluate';
import { ElementFailure } from '../runtime/failure';
import { visibleVariables } from '../runtime/variables';

/**
 * Call activity: asks the host to start the called process (`startChildInstance`) and waits for
 * `childCompleted`. The child receives all visible variables (propagateAllParentVariables, the
 * default) or only the input mappings; on completion the child's variables come back as the
 * element's result (all of them with propagateAllChildVariables, the default, else none) before
 * the output mappings run.
 */
export const callActivity: Behaviour = {
  activate(step, ei, node) {
    const def = node.call;
    if (!def) throw new ElementFailure('calledElement', `${node.id} has no called element`);
    const processId = resolveValue(step, def.processId, ei.id, `processId of ${node.id}`);
    if (typeof processId !== 'string' || processId === '') throw new ElementFailure('calledElement', `processId of ${node.id} evaluated to ${JSON.stringify(processId)}`);
    const variables = def.propagateAllParentVariables ? { ...visibleVariables(step, ei.id) } : { ...(ei.variables ?? {}) };
    const childInstanceId = step.ctx.ids.next('instance');
    ei.childInstanceId = childInstanceId;
    ei.status = 'waiting';
    step.effect({
      type: 'startChildInstance',
      childInstanceId,
      parentInstanceId: step.state.instanceId,
      parentElementInstanceId: ei.id,
      processId,
      variables,
      businessKey: step.state.businessKey,
    });
  },
  terminate(step, ei) {
    step.effect({ type: 'cancelChildInstance', childInstanceId: ei.childInstanceId ?? null, parentElementInstanceId: ei.id });
  },
};

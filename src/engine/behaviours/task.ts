import type { ElementType } from '../runtime/element-type';

/** Abstract task (`bpmn:Task`): nothing to wait for, completes at once. */
export const task: ElementType = {
  kind: 'task',
  activate(step, ei) {
    step.complete(ei);
  },
};

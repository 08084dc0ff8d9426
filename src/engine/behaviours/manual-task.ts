import type { ElementType } from '../runtime/element-type';

/** Manual task: done outside any system; the engine passes through, as Zeebe does. */
export const manualTask: ElementType = {
  kind: 'manualTask',
  activate(step, ei) {
    step.complete(ei);
  },
};

import type { Behaviour } from './behaviour';

/** Abstract task and manual task: nothing to wait for, completes at once. */
export const immediateTask: Behaviour = {
  activate(step, ei) {
    step.complete(ei);
  },
};

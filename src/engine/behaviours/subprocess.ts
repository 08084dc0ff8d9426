import type { Behaviour } from './behaviour';

/** Embedded subprocess: a scope; it completes when its last token is gone (runtime/step.ts). */
export const subProcess: Behaviour = {
  activate(step, ei, node) {
    step.enter(step.node(node.startNodeId as string), ei.id);
  },
};

import type { NodeDef } from '../model/types';
import type { ElementInstance } from '../runtime/state';
import type { Step } from '../runtime/step';
import { activateJob } from './job';

/**
 * What intermediate throw and end events share: a Zeebe-style job (message events with a task
 * definition), else each event definition's throw, then the event completes unless a definition
 * took the token over (an error that was caught, say).
 */
export function throwEvent(step: Step, ei: ElementInstance, node: NodeDef): void {
  if (node.job) {
    activateJob(step, ei, node);
    return;
  }
  for (const def of node.events) {
    if (def.behaviour.throw?.(step, ei, node, def) === 'handled') return;
  }
  step.complete(ei);
}

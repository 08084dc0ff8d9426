import type { Step } from './step';
import { closeWaits } from './waits';

/** The process scope has no token left: the instance completes (and tells its parent, if a call activity started it). */
export function completeInstance(step: Step): void {
  const s = step.state;
  closeWaits(step, undefined);
  s.status = 'completed';
  s.endedAt = step.now;
  s.joins = {};
  // No element instance is left; a fresh object rather than one whose keys came and went (its
  // backing store stays as large as it once was) is what a store then keeps.
  s.elements = {};
  step.emit({ type: 'instanceCompleted' });
  step.effect({ type: 'instanceCompleted', instanceId: s.instanceId, variables: { ...s.variables } });
  if (s.parent) {
    step.effect({ type: 'notifyParent', parentInstanceId: s.parent.instanceId, parentElementInstanceId: s.parent.elementInstanceId, variables: { ...s.variables } });
  }
}

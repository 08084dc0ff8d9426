import type { NodeDef } from '../model/types';
import type { Step } from './step';
import type { ElementInstance, Variables } from './state';
import { setAll } from './variables';

/**
 * Variables produced by an element (job completion, user task, script, decision, child instance).
 * As in Zeebe: with output mappings they stay local to the element so the mappings can pick from
 * them; without, they propagate outwards like any write.
 */
export function applyResult(step: Step, ei: ElementInstance, node: NodeDef, variables: Variables | undefined): void {
  setAll(step, ei.id, variables, node.outputs.length > 0);
}

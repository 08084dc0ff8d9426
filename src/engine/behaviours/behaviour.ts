import type { FlowDef, NodeDef } from '../model/types';
import type { Step } from '../runtime/step';
import type { ElementInstance } from '../runtime/state';

/**
 * What one BPMN element kind does. Behaviours are stateless; all state lives in the element
 * instance and the instance state, reached through the step.
 */
export interface Behaviour {
  /** The element instance exists and its input mappings are applied: complete it now or leave it waiting. */
  activate(step: Step, ei: ElementInstance, node: NodeDef): void;
  /** Which outgoing flows to take when the element completes (default: the activity rule). */
  leave?(step: Step, ei: ElementInstance, node: NodeDef): FlowDef[];
  /** Cleanup when the element instance is terminated (cancel its job, task, child instance...). */
  terminate?(step: Step, ei: ElementInstance, node: NodeDef): void;
}

import type { Behaviour } from './behaviour';
import { escalateToParent, throwBpmnError } from '../runtime/bpmn-errors';
import { ElementFailure } from '../runtime/failure';
import { jobTask } from './service-task';

/** None start event, intermediate none throw event, and a triggered boundary event: pass through. */
export const passThrough: Behaviour = {
  activate(step, ei, node) {
    if (node.job) jobTask.activate(step, ei, node);
    else step.complete(ei);
  },
  terminate: jobTask.terminate,
};

/** End events: none ends the token; terminate ends its whole scope; error throws to a boundary; message (with a job) waits for its worker. */
export const endEvent: Behaviour = {
  activate(step, ei, node) {
    if (node.job) {
      jobTask.activate(step, ei, node);
      return;
    }
    if (node.error?.errorCode) {
      const scope = ei.parentId !== null ? step.state.elements[ei.parentId] : null;
      const caught = scope ? throwBpmnError(step, scope, node.error.errorCode, undefined, ei) : false;
      if (!caught && escalateToParent(step, ei, node.error.errorCode, null)) return;
      if (!caught) throw new ElementFailure('unhandledError', `error '${node.error.errorCode}' thrown by ${node.id} is not caught by any boundary event`);
      return;
    }
    if (node.terminate) step.terminateScope(ei.parentId, ei);
    step.complete(ei);
  },
  terminate: jobTask.terminate,
};

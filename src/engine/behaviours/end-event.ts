import type { ElementType } from '../runtime/element-type';
import { cancelJob, retryJob } from './job';
import { throwEvent } from './throw-events';

/**
 * End event: consumes the token; its definitions throw first (error, terminate, message job...).
 * The scope completes once it has no token left (the kernel settles empty scopes).
 */
export const endEvent: ElementType = {
  kind: 'endEvent',
  link(node, _nodes, cx) {
    if (node.outgoing.length > 0) cx.report(node.id, 'an end event cannot have outgoing flows');
  },
  activate: throwEvent,
  terminate: cancelJob,
  resolveIncident: retryJob,
};

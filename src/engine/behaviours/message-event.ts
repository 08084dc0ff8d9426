import { ext } from '../model/extensions';
import type { EventBehaviour } from '../runtime/element-type';
import { compileJob } from './job';

/**
 * Message events. A message throw or end event with a `zeebe:taskDefinition` is carried out by a
 * job worker (the Zeebe convention); the job is its whole behaviour.
 */
export const messageEvent: EventBehaviour = {
  kind: 'message',
  compile(def, el, node, cx) {
    if ((node.kind === 'endEvent' || node.kind === 'intermediateThrowEvent') && ext(el, 'zeebe:TaskDefinition')) {
      compileJob(el, node, cx, true);
      return { kind: 'message', id: (def.id as string | undefined) ?? null, behaviour: messageEvent };
    }
    cx.report(node.id, `bpmn:MessageEventDefinition on ${node.kind} is not supported yet`);
    return null;
  },
};

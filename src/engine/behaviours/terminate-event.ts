import type { EventBehaviour } from '../runtime/element-type';

/**
 * Terminate end event: terminates every other element instance of its own scope (and the tokens
 * waiting at its joins), then the scope completes: inside a subprocess only the subprocess, at
 * process level the whole instance, which counts as completed.
 */
export const terminateEvent: EventBehaviour = {
  kind: 'terminate',
  compile(def, _el, node, cx) {
    if (node.kind !== 'endEvent') {
      cx.report(node.id, `a terminate event definition is only allowed on end events, not on ${node.kind}`);
      return null;
    }
    return { kind: 'terminate', id: (def.id as string | undefined) ?? null, behaviour: terminateEvent };
  },
  throw(step, ei) {
    step.terminateScope(ei.parentId, ei);
    return 'continue';
  },
};

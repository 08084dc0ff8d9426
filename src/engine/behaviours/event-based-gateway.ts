import type { NodeDef } from '../model/types';
import type { ElementType } from '../runtime/element-type';
import type { ElementInstance, Variables } from '../runtime/state';
import type { Step } from '../runtime/step';
import { closeWaits, openWaits } from '../runtime/waits';

const CATCHABLE = new Set(['timer', 'message', 'signal', 'conditional']);

/**
 * Event-based gateway: waits for the events of the catch events (or receive tasks) after it; the
 * first to arrive wins, the others are withdrawn in the same step, and the token goes on to the
 * winner, which completes at once with the event's variables.
 */
export const eventBasedGateway: ElementType = {
  kind: 'eventBasedGateway',
  link(node, nodes, cx) {
    if (node.outgoing.length < 2) cx.report(node.id, 'an event-based gateway needs at least two outgoing flows');
    for (const f of node.outgoing) {
      const target = nodes.get(f.targetId);
      const ok = target && (target.kind === 'intermediateCatchEvent' || target.kind === 'receiveTask') && target.incoming.length === 1
        && target.events.length === 1 && CATCHABLE.has(target.events[0].kind);
      if (!ok) cx.report(f.id, `an event-based gateway must lead to intermediate timer, message, signal or conditional catch events or receive tasks, each with this one incoming flow (${f.targetId} is not)`);
      if (f.conditionSource !== null) cx.report(f.id, 'flows out of an event-based gateway cannot have conditions');
    }
  },
  activate(step, ei, node) {
    for (const f of node.outgoing) openWaits(step, ei, step.node(f.targetId));
    ei.status = 'waiting';
  },
  leave(_step, ei, node) {
    return node.outgoing.filter((f) => f.targetId === ei.chosen);
  },
};

/** An event of one of the gateway's targets arrived first: withdraw the others and go there. */
export function chooseEvent(step: Step, gateway: ElementInstance, catcher: NodeDef, variables: Variables | undefined): void {
  closeWaits(step, gateway.id);
  delete gateway.waits;
  gateway.chosen = catcher.id;
  gateway.handOff = variables ?? {};
  step.complete(gateway);
}

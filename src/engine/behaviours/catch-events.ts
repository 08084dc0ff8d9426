import type { NodeDef } from '../model/types';
import { applyResult } from '../runtime/results';
import type { ElementInstance, Variables } from '../runtime/state';
import type { Step } from '../runtime/step';
import { openWaits } from '../runtime/waits';
import { chooseEvent } from './event-based-gateway';

/*
 * What catching elements that wait for their own event share (intermediate catch events, receive
 * tasks): subscribe when entered; when the event arrives, take its variables and complete. When
 * an event-based gateway owns the wait, the gateway decides (the first event wins).
 */

export function activateCatch(step: Step, ei: ElementInstance, node: NodeDef): void {
  if (ei.pending) {
    // The event arrived while an event-based gateway waited for it.
    const variables = ei.pending;
    delete ei.pending;
    applyResult(step, ei, node, variables);
    step.complete(ei);
    return;
  }
  if (!node.events.some((d) => d.behaviour.subscribe)) {
    step.complete(ei);
    return;
  }
  openWaits(step, ei, node);
  ei.status = 'waiting';
}

export function catchTriggered(step: Step, catcher: NodeDef, owner: ElementInstance | null, variables: Variables | undefined): void {
  if (!owner) throw new Error(`${catcher.id} was triggered without an owner`);
  if (owner.elementId !== catcher.id) {
    chooseEvent(step, owner, catcher, variables);
    return;
  }
  applyResult(step, owner, catcher, variables);
  step.complete(owner);
}

import type { NodeDef } from '../model/types';
import { CommandRejectedError } from './commands';
import type { ElementInstance, Subscription, Timer, Variables } from './state';
import type { Step } from './step';

/*
 * Waits: the timers and subscriptions (message, signal, conditional) of catching events, kept in
 * `state.timers` / `state.subscriptions`. Each belongs to an owner element instance whose life
 * bounds it: the catch event itself, the activity a boundary event sits on, the scope of an event
 * subprocess (null: the process), or an event-based gateway. The kernel opens them when the owner
 * activates, closes them when it goes, and hands a trigger to the catching element's behaviour;
 * what a timer or a message is, is the event definition's business (`behaviours/*-event.ts`).
 */

/**
 * Opens the waits of `catcher`'s event definitions, owned by `owner` (null: process scope), unless
 * they are open already (a retried activation keeps the waits its first attempt opened).
 */
export function openWaits(step: Step, owner: ElementInstance | null, catcher: NodeDef): void {
  const ownerId = owner?.id ?? null;
  if (owner?.waits && hasWaits(step, ownerId, catcher.id)) return;
  for (const def of catcher.events) {
    if (!def.behaviour.subscribe) continue;
    def.behaviour.subscribe(step, ownerId, catcher, def);
    if (owner) owner.waits = true;
  }
}

function hasWaits(step: Step, ownerId: string | null, catcherId: string): boolean {
  for (const key in step.state.timers) {
    const t = step.state.timers[key];
    if (t.elementInstanceId === ownerId && t.elementId === catcherId) return true;
  }
  for (const key in step.state.subscriptions) {
    const sub = step.state.subscriptions[key];
    if (sub.elementInstanceId === ownerId && sub.elementId === catcherId) return true;
  }
  return false;
}

/** Stores a timer and tells the host (which schedules it). */
export function addTimer(step: Step, timer: Timer): void {
  step.state.timers[timer.key] = timer;
  step.emit({ type: 'timerCreated', timerKey: timer.key, elementId: timer.elementId, elementInstanceId: timer.elementInstanceId, dueAt: timer.dueAt });
  step.effect({ type: 'timerScheduled', timer: { ...timer } });
}

/** Stores a subscription and tells the host (which indexes it for correlation). */
export function addSubscription(step: Step, subscription: Subscription): void {
  step.state.subscriptions[subscription.key] = subscription;
  step.emit({
    type: 'subscriptionOpened', key: subscription.key, kind: subscription.kind, name: subscription.name,
    correlationKey: subscription.correlationKey, elementId: subscription.elementId, elementInstanceId: subscription.elementInstanceId,
  });
  step.effect({ type: 'subscriptionOpened', subscription: { ...subscription } });
}

/**
 * Closes every wait owned by `ownerId` (undefined: every wait of the instance), or only those of
 * the catching elements `only` accepts.
 */
export function closeWaits(step: Step, ownerId: string | null | undefined, only?: (catcherId: string) => boolean): void {
  const s = step.state;
  for (const key in s.timers) {
    const t = s.timers[key];
    if ((ownerId === undefined || t.elementInstanceId === ownerId) && (!only || only(t.elementId))) removeTimer(step, key);
  }
  for (const key in s.subscriptions) {
    const sub = s.subscriptions[key];
    if ((ownerId === undefined || sub.elementInstanceId === ownerId) && (!only || only(sub.elementId))) removeSubscription(step, key);
  }
}

export function removeTimer(step: Step, key: string): void {
  delete step.state.timers[key];
  step.effect({ type: 'timerCanceled', timerKey: key });
}

export function removeSubscription(step: Step, key: string): void {
  delete step.state.subscriptions[key];
  step.effect({ type: 'subscriptionClosed', key });
}

/**
 * A wait was triggered (a timer came due, a message was correlated...): the catching element
 * decides what happens. `keep` leaves the wait open (non-interrupting cycles and subscriptions that
 * may trigger again); otherwise it is closed first.
 * @throws CommandRejectedError when the wait's owner is gone (a stale trigger).
 */
export function triggerWait(step: Step, wait: Timer | Subscription, kind: 'timer' | 'message' | 'signal' | 'conditional', variables: Variables | undefined, keep: boolean): void {
  const owner = wait.elementInstanceId === null ? null : step.state.elements[wait.elementInstanceId];
  if (owner === undefined) throw new CommandRejectedError('notFound', `the ${kind} wait ${wait.key} belongs to no live element`);
  if (!keep) {
    if (kind === 'timer') removeTimer(step, wait.key);
    else removeSubscription(step, wait.key);
  }
  const catcher = step.node(wait.elementId);
  step.emit({ type: 'eventTriggered', kind, key: wait.key, elementId: catcher.id, elementInstanceId: wait.elementInstanceId });
  if (!catcher.behaviour.triggered) throw new Error(`${catcher.kind} ${catcher.id} cannot be triggered`);
  catcher.behaviour.triggered(step, catcher, owner, variables);
}

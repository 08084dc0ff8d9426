import type { NodeDef } from '../model/types';
import { CommandRejectedError } from './commands';
import type { ElementInstance, IncidentType, Subscription, Timer, Variables } from './state';
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
 * they are open already (a retried activation keeps the waits its first attempt opened). A catcher
 * with several definitions (a multiple event) opens one wait per definition, each stamped with its
 * definition's index (`def`).
 */
export function openWaits(step: Step, owner: ElementInstance | null, catcher: NodeDef): void {
  const ownerId = owner?.id ?? null;
  const several = catcher.events.length > 1;
  for (let i = 0; i < catcher.events.length; i++) {
    const def = catcher.events[i];
    if (!def.behaviour.subscribe) continue;
    if (owner?.waits && hasWait(step, ownerId, catcher.id, several ? i : undefined)) continue;
    step.subscribingDef = several ? i : null;
    try {
      def.behaviour.subscribe(step, ownerId, catcher, def);
    } finally {
      step.subscribingDef = null;
    }
    if (owner) owner.waits = true;
  }
}

function hasWait(step: Step, ownerId: string | null, catcherId: string, def: number | undefined): boolean {
  const mine = (w: Timer | Subscription) => w.elementInstanceId === ownerId && w.elementId === catcherId && w.def === def;
  for (const key in step.state.timers) if (mine(step.state.timers[key])) return true;
  for (const key in step.state.subscriptions) if (mine(step.state.subscriptions[key])) return true;
  return false;
}

/** Stores a timer and tells the host (which schedules it). */
export function addTimer(step: Step, timer: Timer): void {
  if (step.subscribingDef !== null) timer.def = step.subscribingDef;
  step.state.timers[timer.key] = timer;
  step.emit({ type: 'timerCreated', timerKey: timer.key, elementId: timer.elementId, elementInstanceId: timer.elementInstanceId, dueAt: timer.dueAt });
  step.effect({ type: 'timerScheduled', timer: { ...timer } });
}

/** Stores a subscription and tells the host (which indexes it for correlation). */
export function addSubscription(step: Step, subscription: Subscription): void {
  if (step.subscribingDef !== null) subscription.def = step.subscribingDef;
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
  if (s.parallelTriggers) {
    for (const key in s.parallelTriggers) {
      const p = s.parallelTriggers[key];
      if ((ownerId === undefined || p.ownerId === ownerId) && (!only || only(p.catcherId))) delete s.parallelTriggers[key];
    }
  }
}

export function removeTimer(step: Step, key: string): void {
  delete step.state.timers[key];
  step.effect({ type: 'timerCanceled', timerKey: key });
}

export function removeSubscription(step: Step, key: string): void {
  const sub = step.state.subscriptions[key];
  delete step.state.subscriptions[key];
  // The wait goes, and with it the incident about its condition.
  const incident = sub?.incidentId !== undefined ? step.state.incidents[sub.incidentId] : undefined;
  if (incident) step.dropIncident(incident);
  step.effect({ type: 'subscriptionClosed', key });
}

/**
 * A wait could not be evaluated (a conditional event's condition failed): an incident about it
 * (retry `wait`) on its owner, or on the instance for a process-scope wait. The owner's own work
 * is not held up; the wait is not re-checked until the incident is resolved.
 */
export function waitIncident(step: Step, wait: Subscription, type: IncidentType, message: string): void {
  const incident = step.openIncident(wait.elementId, wait.elementInstanceId ?? step.state.instanceId, type, message, 'wait');
  incident.waitKey = wait.key;
  wait.incidentId = incident.id;
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
  if (catcher.events.length > 1) {
    if (catcher.parallelMultiple) {
      const all = allTriggered(step, wait, catcher, variables);
      if (!all) return;
      catcher.behaviour.triggered(step, catcher, owner, all);
      // Non-interrupting: it waits for all of its events again.
      if (!catcher.cancelActivity && (owner === null || step.state.elements[owner.id])) openWaits(step, owner, catcher);
      return;
    }
    // A multiple event: the first of its events wins; an interrupting one withdraws the others.
    if (!keep) closeWaits(step, wait.elementInstanceId, (id) => id === catcher.id);
  }
  catcher.behaviour.triggered(step, catcher, owner, variables);
}

/**
 * A parallel multiple event: records that one of its definitions triggered. Returns the merged
 * variables (in definition order) once every definition has, closing what still waits; else null.
 */
function allTriggered(step: Step, wait: Timer | Subscription, catcher: NodeDef, variables: Variables | undefined): Variables | null {
  const triggers = (step.state.parallelTriggers ??= {});
  const key = `${wait.elementInstanceId ?? ''}/${catcher.id}`;
  const record = (triggers[key] ??= { catcherId: catcher.id, ownerId: wait.elementInstanceId, fired: new Array<Variables | null>(catcher.events.length).fill(null) });
  record.fired[wait.def ?? 0] = variables ?? {};
  // Definitions without a wait of their own (none subscribes) cannot hold the event up.
  for (let i = 0; i < catcher.events.length; i++) {
    if (record.fired[i] === null && catcher.events[i].behaviour.subscribe) return null;
  }
  delete triggers[key];
  closeWaits(step, wait.elementInstanceId, (id) => id === catcher.id);
  return Object.assign({}, ...record.fired.filter((v): v is Variables => v !== null)) as Variables;
}

import type { Command, Deployments, IdGenerator, InstanceState, Logger, Variables } from '../../engine';
import { CommandRejectedError } from '../../engine';
import type { BufferedMessage, Store } from '../store';
import type { HostTransaction } from '../transaction';
import type { StartEventIndex, StartEventRef } from './start-events';
import { MessageTxView } from './tx-view';
import type { CascadeCut, Correlation, MessageLimits } from './types';

/** What the message functions work with, shared by every transaction of one host. */
export interface MessagePorts {
  store: Store;
  deployments: Deployments;
  starts: StartEventIndex;
  ids: IdGenerator;
  logger: Logger | undefined;
  limits: Required<MessageLimits>;
}

/** A message ready to deliver: validated, with its key. */
export interface OutgoingMessage {
  key: string;
  name: string;
  correlationKey: string;
  variables: Variables;
  messageId: string | null;
}

/** Where a message went: receivers, and the process ids it is now correlated to. */
export interface Delivery {
  correlations: Correlation[];
  correlatedTo: string[];
  blockedStarts: string[];
}

/**
 * Delivers a message the Zeebe way: first to open subscriptions for (name, correlation key),
 * oldest first, at most one per process id (across versions); then to the message start events
 * of the latest version of every other process, unless an instance of that process started with
 * the same (non-empty) correlation key is still active. Targets are stepped now; the effects of
 * those steps run after the caller's (see `HostTransaction.apply`).
 */
export async function deliverMessage(tx: HostTransaction, ports: MessagePorts, m: OutgoingMessage, depth: number): Promise<Delivery> {
  const view = MessageTxView.of(tx, ports.store);
  const correlatedTo = new Set<string>();
  const correlations: Correlation[] = [];
  for (const sub of await view.subscriptions('message', m.name, m.correlationKey)) {
    if (correlatedTo.has(sub.processId)) continue;
    const state = await tx.state(sub.processInstanceId);
    const command: Command = { type: 'correlateMessage', subscriptionKey: sub.key, messageName: m.name, variables: m.variables };
    if (!(await deliver(tx, ports, view, state, sub.key, command, depth))) continue;
    correlatedTo.add(sub.processId);
    correlations.push({ kind: 'catch', processId: sub.processId, processInstanceId: sub.processInstanceId, elementId: sub.elementId });
  }
  const blockedStarts: string[] = [];
  for (const start of ports.starts.messageStarts(m.name, tx.now)) {
    if (correlatedTo.has(start.process.id)) continue;
    if (m.correlationKey !== '' && (await view.lock(start.process.id, m.correlationKey))) {
      blockedStarts.push(start.process.id);
      continue;
    }
    correlations.push(startByMessage(tx, view, start, m, depth));
    correlatedTo.add(start.process.id);
  }
  return { correlations, correlatedTo: [...correlatedTo], blockedStarts };
}

/**
 * A message subscription was opened: it takes the oldest buffered message for it that is alive
 * and not yet correlated to its process (a non-interrupting one, which stays open, takes the next
 * ones too, each once).
 */
export async function pollBuffer(tx: HostTransaction, ports: MessagePorts, instanceId: string, subscriptionKey: string): Promise<void> {
  const view = MessageTxView.of(tx, ports.store);
  for (;;) {
    const state = await tx.state(instanceId);
    const sub = state.subscriptions[subscriptionKey];
    if (!sub || !deliverable(state, subscriptionKey)) return;
    const next = (await view.buffered(sub.name, sub.correlationKey ?? '')).find((m) => m.expiresAt > tx.now && !m.correlatedTo.includes(state.processId));
    if (!next) return;
    view.putMessage({ ...next, correlatedTo: [...next.correlatedTo, state.processId] });
    const command: Command = { type: 'correlateMessage', subscriptionKey, messageName: sub.name, variables: next.variables };
    if (!(await deliver(tx, ports, view, state, subscriptionKey, command, view.depthOf.get(instanceId) ?? 0))) return;
  }
}

/**
 * An instance ended: if a message with a correlation key started it, the key is free again, and
 * the oldest buffered message with that key for one of the process's message start events (not
 * yet correlated to the process) starts the next instance (Zeebe's rule).
 */
export async function releaseStartLock(tx: HostTransaction, ports: MessagePorts, state: InstanceState): Promise<void> {
  if (!mayHoldStartLock(ports, state)) return;
  const view = MessageTxView.of(tx, ports.store);
  const lock = await view.lockOf(state.instanceId);
  if (!lock) return;
  view.releaseLock(lock);
  let best: { message: BufferedMessage; start: StartEventRef } | null = null;
  for (const start of ports.starts.messageStartsOf(lock.processId, tx.now)) {
    const message = (await view.buffered(start.name, lock.correlationKey)).find((m) => m.expiresAt > tx.now && !m.correlatedTo.includes(lock.processId));
    if (message && (!best || message.publishedAt < best.message.publishedAt)) best = { message, start };
  }
  if (!best) return;
  view.putMessage({ ...best.message, correlatedTo: [...best.message.correlatedTo, lock.processId] });
  startByMessage(tx, view, best.start, best.message, view.depthOf.get(state.instanceId) ?? 0);
}

/** Whether an instance of this process may hold a message start lock (its process has a message start event). */
export function mayHoldStartLock(ports: MessagePorts, state: InstanceState): boolean {
  const process = ports.deployments.get(state.processId, state.processVersion);
  if (process === undefined) return false;
  let known = MESSAGE_STARTS.get(process);
  if (known === undefined) MESSAGE_STARTS.set(process, (known = process.startEvents.some((n) => n.events.some((d) => d.kind === 'message'))));
  return known;
}

/** Per compiled process (immutable once deployed): whether it has a message start event. */
const MESSAGE_STARTS = new WeakMap<object, boolean>();

/** Triggers every open signal subscription for `name`, then starts an instance per process with a signal start event for it. */
export async function deliverSignal(tx: HostTransaction, ports: MessagePorts, name: string, variables: Variables, depth: number): Promise<Correlation[]> {
  const view = MessageTxView.of(tx, ports.store);
  const correlations: Correlation[] = [];
  // The list is taken first: catchers this broadcast opens do not receive it.
  for (const sub of await view.subscriptions('signal', name)) {
    const state = await tx.state(sub.processInstanceId);
    if (!(await deliver(tx, ports, view, state, sub.key, { type: 'signalReceived', subscriptionKey: sub.key, variables }, depth))) continue;
    correlations.push({ kind: 'catch', processId: sub.processId, processInstanceId: sub.processInstanceId, elementId: sub.elementId });
  }
  for (const start of ports.starts.signalStarts(name, tx.now)) {
    const state = tx.startQueued(start.process, { startEventId: start.elementId, variables });
    reached(view, state.instanceId, depth);
    correlations.push({ kind: 'start', processId: start.process.id, processInstanceId: state.instanceId, elementId: start.elementId });
  }
  return correlations;
}

/**
 * Lets a throw event's message or signal through, or cuts it when the operation's cascade is too
 * deep or too long. Returns its depth (the throws in the chain that led to it, itself included),
 * which its receivers take on, or null when it was cut.
 */
export function admitThrow(tx: HostTransaction, ports: MessagePorts, type: CascadeCut['type'], name: string, sourceInstanceId: string): number | null {
  const view = MessageTxView.of(tx, ports.store);
  const depth = (view.depthOf.get(sourceInstanceId) ?? 0) + 1;
  const { maxCascadeDepth, maxThrowsPerOperation } = ports.limits;
  let reason: string | null = null;
  if (depth > maxCascadeDepth) reason = `it would be throw ${depth} of a chain of throws set off by one another in one operation (maxCascadeDepth ${maxCascadeDepth})`;
  else if (view.throws >= maxThrowsPerOperation) reason = `the operation delivered ${maxThrowsPerOperation} message and signal throws already (maxThrowsPerOperation)`;
  if (reason) {
    view.cuts.push({ type, name, sourceInstanceId, reason });
    ports.logger?.warn(`the ${type} ${name} thrown by instance ${sourceInstanceId} was not delivered: ${reason}`);
    return null;
  }
  view.throws++;
  return depth;
}

/** The throws cut so far in this transaction. */
export function cutsOf(tx: HostTransaction, ports: MessagePorts): CascadeCut[] {
  return MessageTxView.of(tx, ports.store).cuts.slice();
}

function deliverable(state: InstanceState, subscriptionKey: string): boolean {
  // A suspended instance takes no message or signal (Zeebe has no suspension; Camunda 7 skips it too).
  return state.status === 'active' && !state.suspended && state.subscriptions[subscriptionKey] !== undefined;
}

async function deliver(tx: HostTransaction, ports: MessagePorts, view: MessageTxView, state: InstanceState, subscriptionKey: string, command: Command, depth: number): Promise<boolean> {
  if (!deliverable(state, subscriptionKey)) return false;
  try {
    await tx.apply(state.instanceId, command);
  } catch (error) {
    if (!(error instanceof CommandRejectedError)) throw error;
    ports.logger?.warn(`${command.type} to instance ${state.instanceId} was refused: ${error.message}`);
    return false;
  }
  reached(view, state.instanceId, depth);
  return true;
}

function startByMessage(tx: HostTransaction, view: MessageTxView, start: StartEventRef, m: { correlationKey: string; variables: Variables }, depth: number): Correlation {
  const state = tx.startQueued(start.process, { startEventId: start.elementId, variables: m.variables });
  if (m.correlationKey !== '') view.takeLock({ processId: start.process.id, correlationKey: m.correlationKey, instanceId: state.instanceId });
  reached(view, state.instanceId, depth);
  return { kind: 'start', processId: start.process.id, processInstanceId: state.instanceId, elementId: start.elementId };
}

/** A delivery at `depth` (0: from a host call) reached an instance: what it throws next is one deeper. */
function reached(view: MessageTxView, instanceId: string, depth: number): void {
  view.depthOf.set(instanceId, Math.max(view.depthOf.get(instanceId) ?? 0, depth));
}

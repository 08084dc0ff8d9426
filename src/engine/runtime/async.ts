import type { NodeDef } from '../model/types';
import { CommandRejectedError } from './commands';
import type { Continuation, ElementInstance } from './state';
import type { Step } from './step';
import { closeWaits } from './waits';

/*
 * Asynchronous continuations (`asyncBefore` / `asyncAfter`, see model/async-attributes.ts): a
 * commit boundary. Where the element has one, the step stops: the element instance waits with a
 * continuation of kind `async` in `state.continuations`, due at once, and the host's scheduler runs
 * it (`continueAsync`) in an operation, and a commit, of its own. Before: the element has not
 * started (no input mappings, no boundary events yet). After: the element's work is done and its
 * boundary events are withdrawn; its output mappings and outgoing flows run when it continues.
 */

/** The command the host's scheduler sends when a continuation is due. */
export type ContinueAsyncCommand = { type: 'continueAsync'; key: string };

/** True when `ei` must stop at its `phase` boundary (it has one and has not passed it yet). */
export function stopsAt(node: NodeDef, ei: ElementInstance, phase: 'before' | 'after'): boolean {
  if (ei.body) return false; // a multi-instance or loop body: the boundary belongs to each iteration
  if (phase === 'before') return node.asyncBefore && ei.asyncPassed === undefined;
  return node.asyncAfter && ei.asyncPassed !== 'after';
}

/** Stops `ei` at its `phase` boundary: it waits for its continuation. */
export function suspend(step: Step, ei: ElementInstance, node: NodeDef, phase: 'before' | 'after'): void {
  if (phase === 'after' && ei.waits) {
    closeWaits(step, ei.id);
    delete ei.waits;
  }
  const key = step.nextId('async');
  const continuation: Continuation = {
    key, kind: 'async', phase, elementId: node.id, elementInstanceId: ei.id, processInstanceId: step.state.instanceId, dueAt: step.now, createdAt: step.now,
  };
  (step.state.continuations ??= {})[key] = continuation;
  ei.status = 'waiting';
  if (!step.skipsUnkept()) step.emit({ type: 'continuationCreated', key, phase, elementId: node.id, elementInstanceId: ei.id });
}

/** `continueAsync`: the element instance goes on past its boundary. */
export function continueAsync(step: Step, command: ContinueAsyncCommand): void {
  const continuation = step.state.continuations?.[command.key];
  if (!continuation) throw new CommandRejectedError('notFound', `no asynchronous continuation ${command.key}`);
  if (step.now < continuation.dueAt) throw new CommandRejectedError('invalid', `continuation ${command.key} is not due before ${new Date(continuation.dueAt).toISOString()}`);
  const ei = step.state.elements[continuation.elementInstanceId];
  if (!ei) throw new CommandRejectedError('notFound', `continuation ${command.key} belongs to no live element`);
  delete (step.state.continuations as Record<string, Continuation>)[command.key];
  ei.asyncPassed = continuation.phase;
  if (!step.skipsUnkept()) step.emit({ type: 'continuationRun', key: continuation.key, phase: continuation.phase, elementId: continuation.elementId, elementInstanceId: ei.id });
  if (continuation.phase === 'before') step.retry(ei, 'activate');
  else step.complete(ei);
}

/** The element instance is terminated: its continuation goes with it. */
export function dropContinuations(step: Step, elementInstanceId: string): void {
  const all = step.state.continuations;
  if (!all) return;
  for (const key in all) if (all[key].elementInstanceId === elementInstanceId) delete all[key];
}

import type { Command, InstanceState } from '../engine';
import type { DueItem } from './scheduler';

/**
 * What of an instance falls due at a time, read from its state (timers, asynchronous continuations;
 * the job executor adds job locks and retry backoffs), and the command that fires each. The
 * scheduler is an index over these: after every commit the host re-reads the instances it wrote.
 */
export function dueItemsOf(state: InstanceState): DueItem[] {
  if (state.status !== 'active') return [];
  const out: DueItem[] = [];
  for (const key in state.timers) out.push({ key, at: state.timers[key].dueAt, kind: 'timer', instanceId: state.instanceId });
  // Asynchronous continuations: due at once, each run in an operation (and a commit) of its own.
  const continuations = state.continuations ?? {};
  for (const key in continuations) out.push({ key, at: continuations[key].dueAt, kind: 'async', instanceId: state.instanceId });
  return out;
}

/** The command that fires `item` in its instance. */
export function commandFor(item: DueItem): Command {
  switch (item.kind) {
    case 'timer':
      return { type: 'timerFired', timerKey: item.key, dueAt: item.at };
    case 'async':
      return { type: 'continueAsync', key: item.key };
    default:
      throw new Error(`no instance command fires a ${item.kind} item`);
  }
}

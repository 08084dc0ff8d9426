import type { EventDef, NodeDef } from '../model/types';
import type { VariableChange } from './element-type';
import type { Subscription } from './state';
import type { Step } from './step';

/*
 * Waits that watch variables (conditional events): between two pieces of work of a step, every
 * such wait that can see a variable written since the last check, and every wait just opened or
 * whose incident was resolved, is handed to its event definition's `recheck`. Outer scopes go
 * first (as Zeebe evaluates top-down), so an outer event that interrupts a scope withdraws the
 * inner waits before they are looked at. A wait sees the writes to its owner's scope and the
 * scopes around it, not those inside sibling or inner scopes.
 */

interface Candidate {
  wait: Subscription;
  catcher: NodeDef;
  def: EventDef;
  changes: VariableChange[] | null;
  depth: number;
}

/** Re-checks the watching waits the step's recent writes (or openings) concern. */
export function checkWatches(step: Step, changes: readonly VariableChange[], fresh: ReadonlySet<string>): void {
  const candidates: Candidate[] = [];
  const subs = step.state.subscriptions;
  for (const key in subs) {
    const wait = subs[key];
    if (wait.incidentId !== undefined) continue;
    const catcher = step.node(wait.elementId);
    const def = definitionOf(catcher, wait);
    if (!def?.behaviour.recheck) continue;
    let seen: VariableChange[] | null = null;
    if (!fresh.has(key)) {
      seen = visibleTo(step, wait.elementInstanceId, changes);
      if (seen.length === 0) continue;
    }
    candidates.push({ wait, catcher, def, changes: seen, depth: depthOf(step, wait.elementInstanceId) });
  }
  if (candidates.length === 0) return;
  // Stable: waits of one depth keep the order they were opened in.
  candidates.sort((a, b) => a.depth - b.depth);
  for (const c of candidates) {
    // An earlier trigger may have interrupted the owner or withdrawn this wait.
    if (subs[c.wait.key] !== c.wait || c.wait.incidentId !== undefined) continue;
    if (c.wait.elementInstanceId !== null && !step.state.elements[c.wait.elementInstanceId]) continue;
    (c.def.behaviour.recheck as NonNullable<EventDef['behaviour']['recheck']>)(step, c.wait, c.catcher, c.def, c.changes);
  }
}

/** The event definition a wait belongs to (its index when the catcher has several). */
export function definitionOf(catcher: NodeDef, wait: { def?: number; kind?: string }): EventDef | undefined {
  if (wait.def !== undefined) return catcher.events[wait.def];
  return catcher.events.length === 1 ? catcher.events[0] : catcher.events.find((d) => d.kind === wait.kind);
}

function visibleTo(step: Step, ownerId: string | null, changes: readonly VariableChange[]): VariableChange[] {
  const chain = new Set<string | null>([null]);
  for (let id = ownerId; id !== null; ) {
    chain.add(id);
    const ei = step.state.elements[id];
    id = ei ? ei.parentId : null;
  }
  return changes.filter((c) => chain.has(c.scopeId));
}

function depthOf(step: Step, ownerId: string | null): number {
  let depth = 0;
  for (let id = ownerId; id !== null; depth++) id = step.state.elements[id]?.parentId ?? null;
  return depth;
}

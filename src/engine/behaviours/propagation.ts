import type { EventDef, NodeDef } from '../model/types';
import type { ElementInstance } from '../runtime/state';
import type { Step } from '../runtime/step';

/** Where a thrown error or escalation was caught: the catching event and the element instance that owns it. */
export interface Catch {
  catcher: NodeDef;
  /** The activity of a boundary event, or the scope of an event subprocess (null: the process). */
  owner: ElementInstance | null;
}

/**
 * Finds the catcher of an error or escalation thrown at `from`, going outwards: at each scope,
 * its event subprocesses first (they are inside it), then the boundary events of the activity;
 * finally the process's event subprocesses. At one level an exact code beats a catch-all (no
 * code). `kind` is the event definition kind to match (`error`, `escalation`).
 */
export function findCatch(step: Step, from: ElementInstance, kind: string, code: string): Catch | null {
  let ei: ElementInstance | undefined = from;
  while (ei) {
    const node = step.node(ei.elementId);
    // A multi-instance body's boundaries belong to the body, its event subprocesses to each iteration.
    if (!ei.body) {
      const inner = best(node.eventSubprocesses.flatMap((esp) => esp.eventStarts.map((id) => step.node(id))), kind, code);
      if (inner) return { catcher: inner, owner: ei };
    }
    if (ei.loopIndex === undefined) {
      const boundary = best(node.boundaries, kind, code);
      if (boundary) return { catcher: boundary, owner: ei };
    }
    ei = ei.parentId !== null ? step.state.elements[ei.parentId] : undefined;
  }
  const top = best(step.process.eventSubprocesses.flatMap((esp) => esp.eventStarts.map((id) => step.node(id))), kind, code);
  return top ? { catcher: top, owner: null } : null;
}

function best(catchers: NodeDef[], kind: string, code: string): NodeDef | null {
  let catchAll: NodeDef | null = null;
  for (const c of catchers) {
    const def: EventDef | undefined = c.events.find((d) => d.kind === kind);
    if (!def) continue;
    if (def.code === code) return c;
    if (def.code === null || def.code === undefined) catchAll ??= c;
  }
  return catchAll;
}

/**
 * Compile check shared by error and escalation catchers: `added` catches the same code (or is a
 * second catch-all) as one of `others` on the same activity or in the same scope: ambiguous.
 */
export function reportDuplicateCatcher(others: readonly NodeDef[], added: NodeDef, where: string, report: (elementId: string, message: string) => void): void {
  for (const kind of ['error', 'escalation']) {
    const def = added.events.find((d) => d.kind === kind);
    if (!def) continue;
    const code = def.code ?? null;
    const other = others.find((o) => o !== added && o.events.some((d) => d.kind === kind && (d.code ?? null) === code));
    if (other) report(added.id, `${added.id} and ${other.id} both catch ${kind} ${code === null ? 'with no code' : `'${code}'`} ${where}: one catcher per code`);
  }
}

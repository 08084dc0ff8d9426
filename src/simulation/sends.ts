import type { Expr, ExecutableProcess, InstanceState, Job, Variables } from '../engine';
import { variablesAt } from '../engine';

/*
 * A send task (and a message throw or end event with a job) is a job whose worker sends the
 * message; in a simulation the simulator is that worker. It sends the element's message with the
 * element's local variables (its input mappings), and the correlation key of the message's
 * `zeebe:subscription`, evaluated by the engine's compiled expression over the variables the
 * element sees, as a throw event's key is.
 */

const KEYS = new WeakMap<ExecutableProcess, Map<string, Expr>>();

/** Message name → its correlation key expression, from the process's catching elements of that message (kept per compiled process). */
export function correlationKeys(process: ExecutableProcess): Map<string, Expr> {
  const known = KEYS.get(process);
  if (known) return known;
  const out = new Map<string, Expr>();
  KEYS.set(process, out);
  for (const node of process.nodes.values()) {
    for (const def of node.events) {
      const data = def.data as { name?: { kind: string; value?: string }; correlationKey?: Expr | null } | undefined;
      if (def.kind !== 'message' || !data?.correlationKey || data.name?.kind !== 'static' || data.name.value === undefined) continue;
      if (!out.has(data.name.value)) out.set(data.name.value, data.correlationKey);
    }
  }
  return out;
}

/** The message a job's worker sends: its key and variables, or why it cannot be sent. */
export function sentMessage(state: InstanceState, job: Job, key: Expr | undefined, now: number): { correlationKey: string; variables: Variables } | { error: string } {
  const variables = { ...(state.elements[job.elementInstanceId]?.variables ?? {}) };
  if (!key) return { correlationKey: '', variables };
  let value: unknown;
  try {
    value = key.compiled.evaluate(variablesAt(state, job.elementInstanceId), now).value;
  } catch (e) {
    return { error: `its correlation key '${key.source}' failed: ${(e as Error).message}` };
  }
  if (typeof value === 'string' || typeof value === 'number') return { correlationKey: String(value), variables };
  return { error: `its correlation key '${key.source}' evaluated to ${JSON.stringify(value ?? null)}, expected a string or a number` };
}

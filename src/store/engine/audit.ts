import type { CommandRecord } from '../../engine';
import type { FlowdeckDb } from '../db';
import type { AuditRow } from './rows';

/** Who is acting now (the studio's chosen local user); asked at every commit. */
export type Actor = () => string;

/**
 * Commands the engine gives itself (time passing, a child reporting back): not user actions, so
 * not audited. Everything else that reaches an instance came from someone through the API (start,
 * complete, assign, cancel, suspend, resume, set variables, retry an incident, a message...).
 */
const ENGINE_COMMANDS = new Set(['timerFired', 'continueAsync', 'childCompleted', 'childCanceled', 'childError']);

/** The audit rows of a commit's command log: one per user action, with the command's fields but not its variables (the command log has those). */
export function auditRowsOf(commands: readonly CommandRecord[], actor: Actor): AuditRow[] {
  const out: AuditRow[] = [];
  let who: string | undefined;
  // A fork (src/host/fork.ts) commits the source's re-executed commands and then its edit marked
  // `forkOf`: one user action, audited as `fork`; the re-executed commands are not new actions.
  const forkAt = new Map(commands.filter((c) => (c.command as { forkOf?: unknown }).forkOf).map((c) => [c.instanceId, c.n]));
  for (const c of commands) {
    const { type: commandType, variables: _variables, ...fields } = c.command;
    const at = forkAt.get(c.instanceId);
    if (at !== undefined && c.n < at) continue;
    const type = at === c.n ? 'fork' : commandType;
    // A timer fired early was a person's "fire now"; one that came due fired by itself.
    const firedNow = type === 'timerFired' && (fields as { early?: boolean }).early === true;
    if (ENGINE_COMMANDS.has(type) && !firedNow) continue;
    // A call activity's child starts by itself; only a start from outside is an action.
    if (type === 'start' && (fields as { parent?: unknown }).parent) continue;
    who ??= actor();
    out.push({ at: c.time, who, action: firedNow ? 'fireTimerNow' : type, instanceId: c.instanceId, details: { n: c.n, ...fields } });
  }
  return out;
}

/**
 * Records a user action that is not an instance command (a deployment, "fire timer now", an
 * export), in a transaction of its own.
 * @example
 * await recordAudit(db, { at: Date.now(), who: 'ana', action: 'fireTimerNow', instanceId: pi, details: { timerKey } });
 */
export async function recordAudit(db: FlowdeckDb, entry: Omit<AuditRow, 'id'>): Promise<void> {
  await db.audit.add({ ...entry });
}

/** The audit log, newest first: of one instance, or all of it; at most `limit` entries. */
export async function listAudit(db: FlowdeckDb, options: { instanceId?: string; limit?: number } = {}): Promise<AuditRow[]> {
  const limit = options.limit ?? 100;
  if (options.instanceId !== undefined) {
    // Rows with one index value read in primary key (= insertion) order.
    return db.audit.where('instanceId').equals(options.instanceId).reverse().limit(limit).toArray();
  }
  return db.audit.orderBy('id').reverse().limit(limit).toArray();
}

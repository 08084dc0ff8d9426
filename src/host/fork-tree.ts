import type { CommandRecord, Deployments, EngineContext, ExecutableProcess, HistoryEvent, InstanceState } from '../engine';
import { replayInstance, waitingCalls } from '../replay/rewind';
import { HostError } from './transaction';

/** A descendant of a forked instance as it was at the fork's moment (`restoreTree`). */
export interface TreeMember {
  sourceId: string;
  process: ExecutableProcess;
  /** The source's command records that restore it (a prefix of its log). */
  records: CommandRecord[];
  state: InstanceState;
  history: HistoryEvent[];
}

/** Where the records of a descendant come from (the store, or a transaction's view of it). */
export interface TreeSource {
  deployments: Deployments;
  ctx: EngineContext;
  loadCommands(instanceId: string): Promise<CommandRecord[]>;
  /** The stored instance (its process and version). */
  instance(instanceId: string): Promise<InstanceState>;
}

/**
 * The call activity children (and their children) that `state` waits for, each restored at the
 * store-wide order `cut` (ADR 0250): from its own records with a smaller `order`, i.e. the steps
 * the store applied before the parent's step that wrote the chosen event. A child with no record
 * before the cut was started by that step itself (its start is one of the step's effects): it is
 * restored from its start record, as the host ran it right after. Exact, never by time.
 *
 * @example
 * const cut = records[at.commands - 1].order;
 * const children = await restoreTree(at.state, cut, { deployments, ctx, loadCommands: (id) => store.loadCommands(id), instance: (id) => tx.state(id) });
 * @throws HostError `invalid` when a child's records carry no order (written before stores kept
 *   one), a child never started or had ended at that moment, or its id is not derived from its parent's.
 */
export async function restoreTree(state: InstanceState, cut: number, source: TreeSource): Promise<TreeMember[]> {
  const out: TreeMember[] = [];
  for (const call of waitingCalls(state)) {
    const childId = call.childInstanceId;
    const where = `call activity ${call.elementId} of instance ${state.instanceId}`;
    if (!childId.startsWith(`${state.instanceId}-`)) throw new HostError('invalid', `${where} waits for child ${childId}, whose id is not made of its parent's: it cannot be renamed for the fork`);
    const log = await source.loadCommands(childId);
    if (log.length === 0) throw new HostError('invalid', `${where} waits for child ${childId}, which was never started (its process was not deployed?): fork at a later event`);
    const unordered = log.find((r) => typeof r.order !== 'number');
    if (unordered) {
      throw new HostError('invalid', `command ${unordered.n} of child instance ${childId} (${where}) has no store-wide order (written before the store kept one), so its place before or after the parent's step cannot be told: the fork would not be exact`);
    }
    let records = log.filter((r) => (r.order as number) < cut);
    if (records.length === 0) records = [log[0]];
    const stored = await source.instance(childId);
    const process = source.deployments.get(stored.processId, stored.processVersion);
    if (!process) throw new HostError('notFound', `process ${stored.processId} version ${stored.processVersion} of child instance ${childId} is not deployed`);
    const restored = replayInstance(process, records, source.ctx);
    if (restored.state.status !== 'active') {
      throw new HostError('invalid', `child instance ${childId} of ${where} was already ${restored.state.status} at that moment (its parent learns it in the same operation): fork at the parent's next event`);
    }
    out.push({ sourceId: childId, process, records, state: restored.state, history: restored.history });
    for (const m of await restoreTree(restored.state, cut, source)) out.push(m);
  }
  return out;
}
